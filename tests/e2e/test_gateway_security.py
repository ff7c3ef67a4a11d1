"""Authentication, limits and error masking, through real HTTP."""
import datetime as dt
import json

import httpx
import jwt
import pytest

from tests.conftest import TEST_SECRET

pytestmark = pytest.mark.e2e
HEALTH = "{ health { up } }"


def post(url, body, headers=None, **kwargs):
    r = httpx.post(url, content=body if isinstance(body, (bytes, str)) else json.dumps(body),
                   headers={"Content-Type": "application/json", **(headers or {})}, **kwargs)
    assert r.status_code < 500 and "Traceback" not in r.text
    return r


def code_of(response):
    return response.json()["errors"][0]["extensions"]["code"]


def test_no_token_is_refused_on_protected_fields(gateway_url):
    r = post(gateway_url, {"query": HEALTH})
    assert r.status_code == 200 and code_of(r) == "UNAUTHENTICATED"
    assert r.json()["data"] is None


@pytest.mark.parametrize("claims,code", [
    ({"exp": -60}, "TOKEN_EXPIRED"),
    ({"nbf": 3600}, "TOKEN_NOT_YET_VALID"),
    ({"roles": ["emperor"]}, "INVALID_TOKEN"),
    ({"roles": None}, "INVALID_TOKEN"),
    ({"sub": None}, "INVALID_TOKEN"),
])
def test_untrusted_tokens_are_refused(gateway_url, claims, code):
    now = dt.datetime.now(dt.timezone.utc)
    base = {"sub": "x", "roles": ["planner"], "exp": now + dt.timedelta(hours=1)}
    for key, value in claims.items():
        if value is None:
            base.pop(key)
        elif key in ("exp", "nbf"):
            base[key] = now + dt.timedelta(seconds=value)
        else:
            base[key] = value
    r = post(gateway_url, {"query": HEALTH},
             {"Authorization": "Bearer " + jwt.encode(base, TEST_SECRET, algorithm="HS256")})
    assert r.status_code == 401 and code_of(r) == code


def test_tampered_and_alg_none_tokens_are_refused(gateway_url, token):
    good = token("planner")
    header, payload, sig = good.split(".")
    forged_payload = jwt.utils.base64url_encode(json.dumps(
        {"sub": "x", "roles": ["certification_admin"], "exp": 9999999999}).encode()).decode()
    none_token = jwt.encode({"sub": "x", "roles": ["planner"], "exp": 9999999999}, None,
                            algorithm="none")
    wrong_key = jwt.encode({"sub": "x", "roles": ["planner"], "exp": 9999999999},
                           "another-secret-0123456789-0123456789-xyz", algorithm="HS256")
    for bad in (f"{header}.{forged_payload}.{sig}", none_token, wrong_key, "garbage"):
        r = post(gateway_url, {"query": HEALTH}, {"Authorization": f"Bearer {bad}"})
        assert r.status_code == 401 and code_of(r) == "INVALID_TOKEN", bad


# GraphQL over HTTP draft, Status Codes: a document refused at parsing or validation is
# 400 under application/graphql-response+json, but 200 (errors in the body, no data)
# under application/json, which is what a client gets that asks for nothing in particular.
GRAPHQL_RESPONSE = {"Accept": "application/graphql-response+json"}


def test_query_past_the_depth_limit_is_refused(gateway_url, token):
    auth = {"Authorization": f"Bearer {token()}"}
    nested = "name " + "ofType { " * 12 + "name" + " }" * 12
    deep = "{ __schema { types { fields { type { " + nested + " } } } } }"
    r = post(gateway_url, {"query": deep}, auth)
    assert r.status_code == 200 and code_of(r) == "QUERY_TOO_DEEP" and "data" not in r.json()
    r = post(gateway_url, {"query": deep}, {**auth, **GRAPHQL_RESPONSE})
    assert r.status_code == 400 and code_of(r) == "QUERY_TOO_DEEP"
    fine = "{ __schema { types { fields { type { " + nested.replace("ofType { " * 12, "ofType { " * 8).replace(" }" * 12, " }" * 8) + " } } } } }"
    assert post(gateway_url, {"query": fine}, auth).status_code == 200


def test_alias_bomb_and_fragment_bomb_are_refused(gateway_url, token):
    auth = {"Authorization": f"Bearer {token()}"}
    aliases = "{ " + " ".join(f"a{i}: __typename" for i in range(50)) + " }"
    assert code_of(post(gateway_url, {"query": aliases}, auth)) == "QUERY_TOO_COMPLEX"
    frags = "fragment F0 on Query { __typename }\n" + "\n".join(
        f"fragment F{i} on Query {{ ...F{i-1} ...F{i-1} }}" for i in range(1, 12))
    bomb = frags + "\n{ ...F11 }"
    assert code_of(post(gateway_url, {"query": bomb}, auth)) == "QUERY_TOO_COMPLEX"


def test_bad_requests_get_clear_codes(gateway_url, token):
    auth = {"Authorization": f"Bearer {token()}"}
    assert code_of(post(gateway_url, b"{not json", auth)) == "MALFORMED_JSON"
    assert code_of(post(gateway_url, {"query": "{"}, auth)) == "GRAPHQL_PARSE_FAILED"
    assert code_of(post(gateway_url, {"query": 5}, auth)) == "BAD_REQUEST"
    big = {"query": "{ health { up } }", "variables": {"x": "a" * 70000}}
    r = post(gateway_url, big, auth)
    assert r.status_code == 413 and code_of(r) == "REQUEST_TOO_LARGE"
    r = httpx.post(gateway_url, content="{ health { up } }", headers={
        "Content-Type": "text/plain", **auth})
    assert r.status_code == 415 and code_of(r) == "UNSUPPORTED_MEDIA_TYPE"
    r = post(gateway_url, {"query": "{ nope }"}, auth)
    assert r.status_code == 200 and code_of(r) == "GRAPHQL_VALIDATION_FAILED"
    r = post(gateway_url, {"query": "{ nope }"}, {**auth, **GRAPHQL_RESPONSE})
    assert r.status_code == 400 and code_of(r) == "GRAPHQL_VALIDATION_FAILED"
    assert r.headers["content-type"].startswith("application/graphql-response+json")


def test_graphiql_is_served_to_browsers(gateway_url):
    r = httpx.get(gateway_url, headers={"Accept": "text/html"})
    assert r.status_code == 200 and "graphiql" in r.text.lower()
