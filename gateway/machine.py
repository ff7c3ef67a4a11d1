"""Machine clients in the gateway: their access tokens (ES256, `at+jwt`, signed with the
access-token key of the JWKS), checked against the client's record (revoked: refused at
once), their rate limits and their trusted documents.

Each replica keeps client records for a short while and drops one when the delivery
service announces a change to it (`delivery.client_changed.v1`, a broadcast handler)."""
from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time

from gateway import rate_limit
from gateway.auth import AuthError, Principal
from gateway.http import error_response, request_errors
from services.common import credential_keys
from services.common.credential_keys import ACCESS_TOKEN, NotGenuine
from services.common.errors import DomainError

TYP = "at+jwt"
KEEP_SECONDS = 30.0
LEEWAY_SECONDS = 5
_records: dict = {}  # client id -> (record or None, when fetched)
MAX_RECORDS = 10_000  # every cache is bounded: past this, start again


def clear():
    _records.clear()


def invalidate(client_id):
    _records.pop(client_id, None)


def record(services, client_id: str) -> dict | None:
    """The client's record (None: no such client); SERVICE_UNAVAILABLE as DomainError."""
    found = _records.get(client_id)
    if found is not None and time.monotonic() - found[1] < KEEP_SECONDS:
        return found[0]
    got = services.delivery.client_for_gateway(client_id)
    if len(_records) >= MAX_RECORDS:
        _records.clear()
    _records[client_id] = (got, time.monotonic())
    return got


def keys(config):
    return credential_keys.from_text(config.credential_keys) if config.credential_keys \
        else None


def authenticate_client(services, client_id: str, secret: str) -> dict | None:
    """The record of an active client whose secret this is, else None."""
    found = record(services, client_id) if client_id and len(client_id) < 100 else None
    given = hashlib.sha256(secret.encode()).hexdigest()
    if found is None or not hmac.compare_digest(found["secret_hash"], given):
        return None
    return found if found["status"] == "ACTIVE" else None


def issue(config, client: dict) -> str:
    now = int(time.time())
    claims = {"iss": config.public_url, "aud": config.public_url, "sub": client["id"],
              "client_id": client["id"], "roles": client["roles"], "agency": client["agency"],
              "iat": now, "nbf": now, "exp": now + config.access_token_ttl_seconds,
              "jti": secrets.token_hex(12)}
    return keys(config).sign(claims, typ=TYP, purpose=ACCESS_TOKEN)


def verifier(config, services):
    """The `machine` check for gateway.auth.authenticate."""
    def check(token: str) -> Principal:
        key_set = keys(config)
        if key_set is None:
            raise AuthError("INVALID_TOKEN", "access tokens are not accepted here")
        try:
            header, claims = key_set.verify(token, ACCESS_TOKEN)
        except NotGenuine:
            raise AuthError("INVALID_TOKEN", "the token is not valid") from None
        now = time.time()
        if header.get("typ") != TYP or claims.get("iss") != config.public_url \
                or claims.get("aud") != config.public_url:
            raise AuthError("INVALID_TOKEN", "the token is not an access token of ours")
        if not isinstance(claims.get("exp"), int) or claims["exp"] < now - LEEWAY_SECONDS:
            raise AuthError("TOKEN_EXPIRED", "the token has expired")
        try:
            found = record(services, str(claims.get("client_id")))
        except DomainError as exc:
            raise AuthError(exc.code, exc.message) from None
        if found is None or found["status"] != "ACTIVE":
            raise AuthError("INVALID_TOKEN", "the client is unknown or revoked")
        return Principal(found["id"], frozenset(found["roles"]), found["agency"],
                         client_id=found["id"])
    return check


def admitter(config, services):
    """The `admit` step of gateway.http.run_graphql: rate limit, then trusted documents."""
    buckets = rate_limit.limiter(config.redis_url)

    def admit(principal, params, media):
        document_id = params.get("documentId")
        if principal is None or principal.client_id is None:
            return None
        found = record(services, principal.client_id)
        wait = buckets.take(principal.client_id, found["rate_per_second"], found["burst"])
        if wait > 0:
            return error_response(429, "RATE_LIMITED", f"over this client's rate of "
                                  f"{found['rate_per_second']:g} requests a second; retry "
                                  "after the Retry-After seconds",
                                  {"Retry-After": str(max(1, math.ceil(wait)))}, media)
        documents = found.get("documents") or {}
        if document_id is not None:
            if document_id not in documents:
                return _not_found(media)
            params["query"], params["documentId"] = documents[document_id], None
        elif found["trusted_only"] and \
                "sha256:" + hashlib.sha256(params["query"].encode()).hexdigest() \
                not in documents:
            return _not_found(media)
        return None
    return admit


def _not_found(media):
    return request_errors(media, [{"message": "this client may run only its trusted "
                                   "documents, and this is not one of them",
                                   "extensions": {"code": "PERSISTED_DOCUMENT_NOT_FOUND"}}])
