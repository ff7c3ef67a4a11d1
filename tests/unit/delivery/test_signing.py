"""Standard Webhooks signatures as a receiver checks them: both versions verify; a forged,
altered or replayed message does not."""
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from services.delivery.domain import signing

BODY = b'{"type":"certificate.revoked","data":{"officer_id":"o-1"}}'


def signed(secret, key, msg_id="msg_1", at=None, body=BODY):
    return signing.headers(msg_id, int(at or time.time()), body, secret, key)


def test_both_signatures_verify_and_each_alone_suffices():
    secret, key = signing.new_secret(), Ed25519PrivateKey.generate()
    headers = signed(secret, key)
    assert headers["webhook-signature"].startswith("v1,") and " v1a," in \
        headers["webhook-signature"]
    signing.verify(headers, BODY, secret=secret)
    signing.verify(headers, BODY, public_keys=[key.public_key()])


@pytest.mark.parametrize("what", ["other secret", "other key", "altered body", "other id",
                                  "replayed an hour later", "from the future", "no signature",
                                  "garbage signature"])
def test_forged_altered_or_replayed_messages_are_refused(what):
    secret, key = signing.new_secret(), Ed25519PrivateKey.generate()
    headers, body = signed(secret, key), BODY
    verify_secret, verify_keys = secret, [key.public_key()]
    if what == "other secret":
        verify_secret, verify_keys = signing.new_secret(), []
    elif what == "other key":
        verify_secret, verify_keys = None, [Ed25519PrivateKey.generate().public_key()]
    elif what == "altered body":
        body = BODY.replace(b"o-1", b"o-2")
    elif what == "other id":
        headers["webhook-id"] = "msg_2"
    elif what == "replayed an hour later":
        headers = signed(secret, key, at=time.time() - 3600)
    elif what == "from the future":
        headers = signed(secret, key, at=time.time() + 3600)
    elif what == "no signature":
        headers.pop("webhook-signature")
    else:
        headers["webhook-signature"] = "v1,@@@ v1a,AAAA v2,xyz"
    with pytest.raises(signing.BadSignature):
        signing.verify(headers, body, secret=verify_secret, public_keys=verify_keys)
