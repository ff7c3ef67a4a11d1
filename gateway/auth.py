"""Bearer-token authentication and the role vocabulary: development and staff tokens
(HS256, the shared secret) and machine clients' access tokens (ES256, checked by
gateway.machine against the JWKS and the client's record)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jwt

ROLES = ("planner", "certification_admin", "accountability_officer", "enforcement_officer",
         "cross_agency")
AGENCIES = ("CULTURE", "TRANSPORT")
LEEWAY_SECONDS = 5


class AuthError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


@dataclass(frozen=True)
class Principal:
    sub: str
    roles: frozenset
    agency: str | None = None
    client_id: str | None = None  # a machine client (OAuth 2.0 client credentials)
    body: str | None = None      # the enforcement body they act for (default: the agency)

    def has(self, *roles) -> bool:
        return bool(self.roles.intersection(roles))


def mint(secret: str, sub: str, roles, agency: str | None = None, ttl_seconds: int = 8 * 3600,
         now: dt.datetime | None = None, body: str | None = None) -> str:
    now = now or dt.datetime.now(dt.timezone.utc)
    claims = {"sub": sub, "roles": list(roles), "iat": now,
              "nbf": now, "exp": now + dt.timedelta(seconds=ttl_seconds)}
    if agency:
        claims["agency"] = agency
    if body:
        claims["body"] = body
    return jwt.encode(claims, secret, algorithm="HS256")


def authenticate(header: str | None, secret: str, machine=None) -> Principal | None:
    """None for an anonymous request; AuthError for any token we do not trust.
    `machine(token)`: the check of an ES256 access token (None: only HS256 is taken)."""
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("UNAUTHENTICATED", "Authorization must be 'Bearer <token>'")
    if machine is not None:
        try:
            alg = jwt.get_unverified_header(token.strip()).get("alg")
        except jwt.InvalidTokenError:
            raise AuthError("INVALID_TOKEN", "the token is not valid") from None
        if alg == "ES256":  # the key set decides; HS256 below never sees ES256 tokens
            return machine(token.strip())
    try:
        # Only HS256 is accepted: this refuses `alg: none` and algorithm confusion.
        claims = jwt.decode(token.strip(), secret, algorithms=["HS256"], leeway=LEEWAY_SECONDS,
                            options={"require": ["exp", "sub", "roles"]})
    except jwt.ExpiredSignatureError:
        raise AuthError("TOKEN_EXPIRED", "the token has expired") from None
    except jwt.ImmatureSignatureError:
        raise AuthError("TOKEN_NOT_YET_VALID", "the token is not valid yet") from None
    except jwt.MissingRequiredClaimError as exc:
        raise AuthError("INVALID_TOKEN", f"the token lacks the '{exc.claim}' claim") from None
    except jwt.InvalidTokenError:
        raise AuthError("INVALID_TOKEN", "the token is not valid") from None
    roles = claims["roles"]
    if not isinstance(roles, list) or not roles or not all(r in ROLES for r in roles):
        raise AuthError("INVALID_TOKEN", f"roles must be a non-empty subset of {ROLES}")
    agency = claims.get("agency")
    if agency is not None and agency not in AGENCIES:
        raise AuthError("INVALID_TOKEN", f"agency must be one of {AGENCIES}")
    if not isinstance(claims["sub"], str) or not claims["sub"]:
        raise AuthError("INVALID_TOKEN", "sub must be a non-empty string")
    body = claims.get("body")
    # a body belongs to an agency: the claim means nothing without one
    if body is not None and (not isinstance(body, str) or not body or len(body) > 100
                             or agency is None):
        raise AuthError("INVALID_TOKEN", "body must be a body id, with an agency")
    return Principal(claims["sub"], frozenset(roles), agency, body=body)
