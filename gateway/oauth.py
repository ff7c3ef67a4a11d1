"""`POST /oauth/token`: OAuth 2.0 client credentials (RFC 6749 section 4.4). The client id
and secret come in HTTP Basic; the answer is a short-lived ES256 access token (RFC 9068
`at+jwt`) carrying the client's agency and roles, verifiable with /.well-known/jwks.json.
Errors follow RFC 6749 section 5.2 (`{"error": "invalid_client"}` and the like)."""
from __future__ import annotations

import json
from urllib.parse import unquote_plus


from gateway import machine
from services.common.errors import DomainError

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache",
            "Content-Type": "application/json; charset=utf-8"}
FORM = "application/x-www-form-urlencoded"


def _error(status: int, error: str, description: str, headers=None):
    return status, {**NO_STORE, **(headers or {})}, json.dumps(
        {"error": error, "error_description": description})


def oauth_token(service, request):
    config = service.config["JOINTOPS"]
    if request.mimetype != FORM:
        return _error(400, "invalid_request", f"send the request as {FORM}")
    if (request.content_length or 0) > 4096:
        return _error(400, "invalid_request", "the request is too large")
    if request.form.get("grant_type") != "client_credentials":
        return _error(400, "unsupported_grant_type", "only client_credentials is granted")
    auth = request.authorization
    if auth is None or auth.type != "basic" or not auth.username or not auth.password:
        return _error(401, "invalid_client", "send the client id and secret in HTTP Basic",
                      {"WWW-Authenticate": 'Basic realm="jointops"'})
    keys = machine.keys(config)
    if keys is None or keys.active("access_token") is None:
        return _error(503, "temporarily_unavailable", "no access-token key is configured")
    try:  # RFC 6749 2.3.1: both are form-encoded before Basic
        client = machine.authenticate_client(service.services,
                                             unquote_plus(auth.username),
                                             unquote_plus(auth.password))
    except DomainError:
        return _error(503, "temporarily_unavailable", "try again shortly")
    if client is None:
        return _error(401, "invalid_client", "unknown client, wrong secret or revoked",
                      {"WWW-Authenticate": 'Basic realm="jointops"'})
    return 200, NO_STORE, json.dumps({
        "access_token": machine.issue(config, client), "token_type": "Bearer",
        "expires_in": config.access_token_ttl_seconds})
