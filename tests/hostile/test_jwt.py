"""Tokens nobody should trust (beyond tests/e2e/test_gateway_security.py): each is refused
with 401 and a precise code, even on the fields anonymous callers may read, and nothing
is answered."""
import base64
import datetime as dt
import json

import jwt
import pytest

from services.common.credential_keys import ACCESS_TOKEN, CredentialKeys, generate
from tests.conftest import TEST_KEYS, TEST_SECRET

pytestmark = pytest.mark.e2e
NOW = dt.datetime.now(dt.timezone.utc)
GOOD = {"sub": "x", "roles": ["planner"], "exp": NOW + dt.timedelta(hours=1)}
QUERIES = ["{ health { up } }", "{ publishedDraws { edges { cursor } } }"]  # public too


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def signed(claims, key=TEST_SECRET, algorithm="HS256", **headers):
    return jwt.encode(claims, key, algorithm=algorithm, headers=headers or None)


def without(key):
    return {k: v for k, v in GOOD.items() if k != key}


CASES = [
    ("expired beyond the leeway", signed({**GOOD, "exp": NOW - dt.timedelta(seconds=30)}),
     "TOKEN_EXPIRED"),
    ("not valid for an hour", signed({**GOOD, "nbf": NOW + dt.timedelta(hours=1)}),
     "TOKEN_NOT_YET_VALID"),
    ("no exp", signed(without("exp")), "INVALID_TOKEN"),
    ("no roles", signed(without("roles")), "INVALID_TOKEN"),
    ("no sub", signed(without("sub")), "INVALID_TOKEN"),
    ("exp not a number", signed({**GOOD, "exp": "tomorrow"}), "INVALID_TOKEN"),
    ("roles a string", signed({**GOOD, "roles": "planner"}), "INVALID_TOKEN"),
    ("roles empty", signed({**GOOD, "roles": []}), "INVALID_TOKEN"),
    ("one unknown role among good ones", signed({**GOOD, "roles": ["planner", "root"]}),
     "INVALID_TOKEN"),
    ("role in other case", signed({**GOOD, "roles": ["PLANNER"]}), "INVALID_TOKEN"),
    ("unknown agency", signed({**GOOD, "agency": "POLICE"}), "INVALID_TOKEN"),
    ("empty sub", signed({**GOOD, "sub": ""}), "INVALID_TOKEN"),
    ("body without an agency", signed({**GOOD, "body": "CUL-B-1"}), "INVALID_TOKEN"),
    ("body not a string", signed({**GOOD, "agency": "CULTURE", "body": ["CUL-B-1"]}),
     "INVALID_TOKEN"),
    ("sub not a string", signed({**GOOD, "sub": 42}), "INVALID_TOKEN"),
    ("wrong signature", signed(GOOD, "another-secret-0123456789-0123456789-x"), "INVALID_TOKEN"),
    ("HS512 with the right key", signed(GOOD, algorithm="HS512"), "INVALID_TOKEN"),
    ("alg none", f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64({**GOOD, 'exp': 9999999999})}.",
     "INVALID_TOKEN"),
    ("alg None", f"{_b64({'alg': 'None', 'typ': 'JWT'})}.{_b64({**GOOD, 'exp': 9999999999})}.",
     "INVALID_TOKEN"),
    ("signature stripped", signed(GOOD).rsplit(".", 1)[0] + ".", "INVALID_TOKEN"),
    ("payload swapped under a good signature", ".".join([
        signed(GOOD).split(".")[0], _b64({**GOOD, "roles": ["certification_admin"],
                                          "exp": 9999999999}), signed(GOOD).split(".")[2]]),
     "INVALID_TOKEN"),
    ("header injection (kid, jku)", signed(GOOD, "another-secret-0123456789-0123456789-x",
                                           kid="../../etc/passwd", jku="http://127.0.0.1/k"),
     "INVALID_TOKEN"),
]
# Machine clients' access tokens (ES256): only ours, for a client that exists.
ISSUER = "http://127.0.0.1:8000"
ACCESS = {"iss": ISSUER, "aud": ISSUER, "sub": "cl_nobody", "client_id": "cl_nobody",
          "roles": ["cross_agency"], "iat": int(NOW.timestamp()),
          # made when the module is collected: valid for the whole run, however long it is,
          # so each case is refused for its own reason, not for having expired meanwhile
          "exp": int(NOW.timestamp()) + 24 * 3600}
OURS = CredentialKeys(TEST_KEYS)
STRANGER = CredentialKeys({"keys": [generate("test-active"),
                                    generate("test-token", purpose=ACCESS_TOKEN)]})
CASES += [
    ("access token of an unknown client", OURS.sign(ACCESS, "at+jwt", ACCESS_TOKEN),
     "INVALID_TOKEN"),
    ("access token signed by a stranger under our kid",
     STRANGER.sign({**ACCESS, "client_id": "cl_x"}, "at+jwt", ACCESS_TOKEN), "INVALID_TOKEN"),
    ("an officer credential as an access token", OURS.sign(ACCESS, "at+jwt"), "INVALID_TOKEN"),
    ("access token of another issuer",
     OURS.sign({**ACCESS, "iss": "https://evil.example"}, "at+jwt", ACCESS_TOKEN),
     "INVALID_TOKEN"),
    ("expired access token", OURS.sign({**ACCESS, "exp": int(NOW.timestamp()) - 60},
                                       "at+jwt", ACCESS_TOKEN), "TOKEN_EXPIRED"),
]
HEADERS = [("Basic scheme", "Basic dXNlcjpwYXNz"), ("bearer without a token", "Bearer"),
           ("token without a scheme", signed(GOOD)), ("two tokens", f"Bearer {signed(GOOD)} x")]


@pytest.mark.parametrize("what,token,code", CASES, ids=[c[0] for c in CASES])
def test_untrusted_token_is_refused_everywhere(hostile, what, token, code):
    for query in QUERIES:
        r = hostile.post(query, token=token)
        body = r.json()
        assert r.status_code == 401 and r.headers["WWW-Authenticate"] == "Bearer", what
        assert body["errors"][0]["extensions"]["code"] == code, (what, body)
        assert body.get("data") is None


@pytest.mark.parametrize("what,header", HEADERS, ids=[h[0] for h in HEADERS])
def test_malformed_authorization_header_is_refused(hostile, what, header):
    r = hostile.http.post(hostile.url, json={"query": QUERIES[1]},
                          headers={"Authorization": header})
    hostile.check(r, "custom")
    assert r.status_code == 401, (what, r.text)
    assert r.json()["errors"][0]["extensions"]["code"] in ("UNAUTHENTICATED", "INVALID_TOKEN")


def test_a_good_token_within_the_leeway_is_accepted(hostile):
    """The refusals above are about the token, not the request: the same request with a
    sound token (just expired, inside the 5 s leeway) is answered."""
    token = signed({**GOOD, "exp": dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)})
    body = hostile.post(QUERIES[0], token=token).json()
    assert body["data"]["health"] is not None
