"""The keys the gateway publishes at /.well-known/jwks.json, in one JWK Set: those that sign
officer credentials and their status lists (ES256, compact JWS), machine clients' access
tokens (ES256, `at+jwt`) and webhook deliveries (Ed25519, Standard Webhooks `v1a`).

Every gateway and certification replica reads the same JWK Set (from
JOINTOPS_CREDENTIAL_KEYS or the file JOINTOPS_CREDENTIAL_KEYS_FILE). Each key carries a
`status` member (kept out of what is published):
- `active`: signs new credentials (exactly one);
- `retired`: signs nothing, stays in /.well-known/jwks.json so credentials it signed
  verify until they expire (rotation);
- `compromised`: removed from the JWKS; whatever it signed is no longer genuine.
and a `purpose` member (also kept out): `credential` (the default: keys made before
purposes existed are credential keys), `access_token` or `webhook`. A key signs only for its
purpose, so an access token is never taken for a credential or the reverse. Exactly one
active credential key; at most one active key of each other purpose (none: that feature is
off).
"""
from __future__ import annotations

import json
from functools import lru_cache

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, KeySet, OKPKey

ALG = "ES256"
STATUSES = ("active", "retired", "compromised")
CREDENTIAL, ACCESS_TOKEN, WEBHOOK = "credential", "access_token", "webhook"
# purpose -> (key class, curve, JWS algorithm)
PURPOSES = {CREDENTIAL: (ECKey, "P-256", ALG), ACCESS_TOKEN: (ECKey, "P-256", ALG),
            WEBHOOK: (OKPKey, "Ed25519", "EdDSA")}
PRIVATE_MEMBERS = ("status", "purpose")
MAX_TOKEN_CHARS = 8192  # a credential is ~1 KB; anything far larger is not one of ours


class KeyConfigError(ValueError):
    """The key set is unusable (one line, names what is wrong)."""


class NotGenuine(Exception):
    """The token is not a JWS signed by one of our trusted keys."""


def generate(kid: str, status: str = "active", purpose: str = CREDENTIAL) -> dict:
    """A new private JWK for `purpose` with its status (for `make run`, tests, rotation)."""
    cls, curve, alg = PURPOSES[purpose]
    key = cls.generate_key(curve, parameters={"kid": kid, "use": "sig", "alg": alg})
    extra = {} if purpose == CREDENTIAL else {"purpose": purpose}
    return {**key.as_dict(private=True), "status": status, **extra}


def generate_set(prefix: str) -> dict:
    """A key set with one active key of every purpose."""
    return {"keys": [generate(f"{prefix}-{p}", purpose=p) for p in PURPOSES]}


class CredentialKeys:
    def __init__(self, jwks: dict):
        keys = jwks.get("keys") if isinstance(jwks, dict) else None
        if not isinstance(keys, list) or not keys:
            raise KeyConfigError("the credential key set needs a non-empty 'keys' list")
        self._private, self._trusted, self._active = {}, {}, {}
        self._purpose = {}
        for raw in keys:
            if not isinstance(raw, dict) or raw.get("status") not in STATUSES:
                raise KeyConfigError(f"every credential key needs a status in {STATUSES}")
            purpose = raw.get("purpose", CREDENTIAL)
            if purpose not in PURPOSES:
                raise KeyConfigError(f"a key's purpose must be one of {tuple(PURPOSES)}")
            kid = raw.get("kid")
            if not isinstance(kid, str) or not kid or kid in self._private:
                raise KeyConfigError("every credential key needs a unique 'kid'")
            cls, curve, _ = PURPOSES[purpose]
            try:
                key = cls.import_key({k: v for k, v in raw.items()
                                      if k not in PRIVATE_MEMBERS})
                if key.as_dict(private=False).get("crv") != curve:
                    raise ValueError(f"not {curve}")
            except (JoseError, ValueError, TypeError) as exc:
                raise KeyConfigError(f"{purpose} key {kid!r} is not a {curve} key: {exc}") \
                    from None
            if raw["status"] == "active":
                if not key.is_private:
                    raise KeyConfigError(f"the active {purpose} key {kid!r} has no 'd'")
                if purpose in self._active:
                    raise KeyConfigError("exactly one credential key must be 'active'"
                                         if purpose == CREDENTIAL else
                                         f"at most one {purpose} key may be 'active'")
                self._active[purpose] = key
            if raw["status"] != "compromised":
                self._trusted[kid] = key
            self._private[kid], self._purpose[kid] = key, purpose
        if CREDENTIAL not in self._active:
            raise KeyConfigError("exactly one credential key must be 'active'")
        self._keysets = {p: KeySet([k for kid, k in self._trusted.items()
                                    if self._purpose[kid] == p]) for p in PURPOSES}

    def active(self, purpose: str = CREDENTIAL):
        """The key that signs for `purpose` now, or None where that purpose has none."""
        return self._active.get(purpose)

    @property
    def active_kid(self) -> str:
        return self._active[CREDENTIAL].kid

    def public_jwks(self) -> dict:
        """What /.well-known/jwks.json serves: active and retired keys of every purpose,
        public parts only."""
        return {"keys": [{**k.as_dict(private=False), "alg": PURPOSES[self._purpose[kid]][2],
                          "use": "sig"} for kid, k in self._trusted.items()]}

    def sign(self, payload: dict, typ: str = "vc+jwt", purpose: str = CREDENTIAL) -> str:
        key = self._active.get(purpose)
        if key is None or PURPOSES[purpose][2] != ALG:
            raise KeyConfigError(f"no active ES256 {purpose} key")
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        return jws.serialize_compact({"alg": ALG, "kid": key.kid, "typ": typ}, body, key)

    def verify(self, token, purpose: str = CREDENTIAL) -> tuple[dict, dict]:
        """(protected header, payload) of a token signed by a trusted key, else NotGenuine."""
        if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
            raise NotGenuine("not a compact JWS")
        try:
            obj = jws.deserialize_compact(token.strip(), self._keysets[purpose],
                                          algorithms=[ALG])
            payload = json.loads(obj.payload)
        except (JoseError, ValueError, TypeError, KeyError, UnicodeDecodeError):
            raise NotGenuine("bad signature, unknown key or malformed token") from None
        if not isinstance(payload, dict):
            raise NotGenuine("the payload is not an object")
        return dict(obj.protected), payload


def parse(text: str) -> CredentialKeys:
    try:
        data = json.loads(text)
    except ValueError:
        raise KeyConfigError("the credential key set is not JSON") from None
    return CredentialKeys(data)


@lru_cache(maxsize=8)
def from_text(text: str) -> CredentialKeys:
    """The parsed key set for a config value (parsed once per process)."""
    return parse(text)
