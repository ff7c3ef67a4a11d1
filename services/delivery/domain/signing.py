"""Standard Webhooks signatures (https://www.standardwebhooks.com/).

The signed content is `<webhook-id>.<webhook-timestamp>.<body>`; `webhook-signature`
holds space-separated `<version>,<base64>` entries: `v1` is HMAC-SHA256 with the
subscription's secret (`whsec_` + base64), `v1a` is Ed25519 with the key published in the
JWKS. A receiver accepts the message if any entry verifies and the timestamp is recent.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

from cryptography.exceptions import InvalidSignature

SECRET_PREFIX = "whsec_"
TOLERANCE_SECONDS = 300  # the Standard Webhooks default: older deliveries are replays


class BadSignature(Exception):
    """No signature entry verifies, or the message is too old (a replay) or malformed."""


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def content(msg_id: str, timestamp: int, body: bytes) -> bytes:
    return f"{msg_id}.{timestamp}.".encode() + body


def _secret_bytes(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def v1(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(_secret_bytes(secret), content(msg_id, timestamp, body), hashlib.sha256)
    return "v1," + base64.b64encode(mac.digest()).decode()


def v1a(private_key, msg_id: str, timestamp: int, body: bytes) -> str:
    """`private_key`: a cryptography Ed25519PrivateKey."""
    return "v1a," + base64.b64encode(private_key.sign(content(msg_id, timestamp, body))).decode()


def headers(msg_id: str, timestamp: int, body: bytes, secret: str | None = None,
            private_key=None) -> dict:
    signatures = []
    if secret:
        signatures.append(v1(secret, msg_id, timestamp, body))
    if private_key is not None:
        signatures.append(v1a(private_key, msg_id, timestamp, body))
    return {"webhook-id": msg_id, "webhook-timestamp": str(timestamp),
            "webhook-signature": " ".join(signatures), "content-type": "application/json"}


def verify(headers_in, body: bytes, secret: str | None = None, public_keys=(),
           now: float | None = None, tolerance: int = TOLERANCE_SECONDS) -> None:
    """Raise BadSignature unless a `v1` entry verifies with `secret` or a `v1a` entry with
    one of `public_keys` (cryptography Ed25519PublicKey), and the timestamp is within `tolerance`."""
    get = {k.lower(): v for k, v in dict(headers_in).items()}.get
    msg_id, stamp, sig = get("webhook-id"), get("webhook-timestamp"), get("webhook-signature")
    if not msg_id or not stamp or not sig:
        raise BadSignature("missing webhook-id, webhook-timestamp or webhook-signature")
    try:
        timestamp = int(stamp)
    except ValueError:
        raise BadSignature("webhook-timestamp is not a number") from None
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        raise BadSignature("the message timestamp is too old or too new")
    signed = content(msg_id, timestamp, body)
    for entry in sig.split():
        version, _, value = entry.partition(",")
        try:
            raw = base64.b64decode(value, validate=True)
        except ValueError:
            continue
        if version == "v1" and secret:
            if hmac.compare_digest(raw, base64.b64decode(v1(secret, msg_id, timestamp,
                                                            body)[3:])):
                return
        elif version == "v1a":
            for key in public_keys:
                try:
                    key.verify(raw, signed)
                    return
                except InvalidSignature:
                    continue
    raise BadSignature("no signature verifies")
