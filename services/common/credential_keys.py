"""The keys that sign officer credentials and their status lists (ES256, compact JWS).

Every gateway and certification replica reads the same JWK Set (from
JOINTOPS_CREDENTIAL_KEYS or the file JOINTOPS_CREDENTIAL_KEYS_FILE). Each key carries a
`status` member (kept out of what is published):
- `active`: signs new credentials (exactly one);
- `retired`: signs nothing, stays in /.well-known/jwks.json so credentials it signed
  verify until they expire (rotation);
- `compromised`: removed from the JWKS; whatever it signed is no longer genuine.
"""
from __future__ import annotations

import json
from functools import lru_cache

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, KeySet

ALG = "ES256"
STATUSES = ("active", "retired", "compromised")
MAX_TOKEN_CHARS = 8192  # a credential is ~1 KB; anything far larger is not one of ours


class KeyConfigError(ValueError):
    """The key set is unusable (one line, names what is wrong)."""


class NotGenuine(Exception):
    """The token is not a JWS signed by one of our trusted keys."""


def generate(kid: str, status: str = "active") -> dict:
    """A new private P-256 JWK with its status (for `make run`, tests and rotation)."""
    key = ECKey.generate_key("P-256", parameters={"kid": kid, "use": "sig", "alg": ALG})
    return {**key.as_dict(private=True), "status": status}


class CredentialKeys:
    def __init__(self, jwks: dict):
        keys = jwks.get("keys") if isinstance(jwks, dict) else None
        if not isinstance(keys, list) or not keys:
            raise KeyConfigError("the credential key set needs a non-empty 'keys' list")
        self._private, self._trusted, active = {}, {}, []
        for raw in keys:
            if not isinstance(raw, dict) or raw.get("status") not in STATUSES:
                raise KeyConfigError(f"every credential key needs a status in {STATUSES}")
            kid = raw.get("kid")
            if not isinstance(kid, str) or not kid or kid in self._private:
                raise KeyConfigError("every credential key needs a unique 'kid'")
            try:
                key = ECKey.import_key({k: v for k, v in raw.items() if k != "status"})
            except (JoseError, ValueError, TypeError) as exc:
                raise KeyConfigError(f"credential key {kid!r} is not a P-256 key: {exc}") \
                    from None
            if raw["status"] == "active":
                if not key.is_private:
                    raise KeyConfigError(f"the active credential key {kid!r} has no 'd'")
                active.append(key)
            if raw["status"] != "compromised":
                self._trusted[kid] = key
            self._private[kid] = key
        if len(active) != 1:
            raise KeyConfigError("exactly one credential key must be 'active'")
        self._active = active[0]
        self._keyset = KeySet(list(self._trusted.values()))

    @property
    def active_kid(self) -> str:
        return self._active.kid

    def public_jwks(self) -> dict:
        """What /.well-known/jwks.json serves: active and retired keys, public parts only."""
        return {"keys": [{**k.as_dict(private=False), "alg": ALG, "use": "sig"}
                         for k in self._trusted.values()]}

    def sign(self, payload: dict, typ: str = "vc+jwt") -> str:
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        return jws.serialize_compact({"alg": ALG, "kid": self._active.kid, "typ": typ}, body,
                                     self._active)

    def verify(self, token) -> tuple[dict, dict]:
        """(protected header, payload) of a token signed by a trusted key, else NotGenuine."""
        if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
            raise NotGenuine("not a compact JWS")
        try:
            obj = jws.deserialize_compact(token.strip(), self._keyset, algorithms=[ALG])
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
