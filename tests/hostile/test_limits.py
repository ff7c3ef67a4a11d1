"""Bombs and junk against a gateway process of its own (wired to the package's services):
each is refused at once with a clear code, never a 5xx, and the gateway's memory stays
where it was after a warm-up, however many of them arrive."""
import json
import os
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from gateway.limits import MAX_ALIASES, MAX_BODY_BYTES, MAX_FIELDS, MAX_LIST_INPUT
from tests.conftest import TEST_SECRET, _free_port

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
CHECKS = ("query($c: [QualificationCheck!]!) { officerQualifications(checks: $c) "
          "{ qualified } }")
ROUNDS = 40              # the whole bomb list, this many times, for the memory check
MAX_GROWTH_MB = 25


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.fixture(scope="module")
def gateway(hostile, mongo_uri, db_prefix):
    """`jointops serve gateway` as deployed, on the package's broker vhost and database."""
    port = _free_port()
    env = dict(os.environ, JOINTOPS_AMQP_URI=hostile.amqp_uri, JOINTOPS_MONGO_URI=mongo_uri,
               JOINTOPS_JWT_SECRET=TEST_SECRET, JOINTOPS_DB_PREFIX=db_prefix,
               JOINTOPS_GATEWAY_PORT=str(port), JOINTOPS_LOG_LEVEL="ERROR")
    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "jointops"), "serve", "gateway"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "gateway did not start"
            time.sleep(0.2)
        yield proc, f"{url}/graphql"
    finally:
        proc.kill()
        proc.wait(10)


def _checks(n):
    return [{"officerId": f"o{i}", "domain": "TOURISM"} for i in range(n)]


def _fragments(n):
    return "\n".join(["fragment F0 on Query { __typename }"] + [
        f"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, n)])


# The bombs ask for application/graphql-response+json, whose status codes tell a refused
# document (400) from an executed one. GraphQL over HTTP draft, Status Codes ›
# application/graphql-response+json: a document that fails parsing or validation (the
# limits are validation rules), or whose operation cannot be determined, SHOULD be 400;
# under application/json the same requests are 200 with the errors in the body
# (tests/e2e/test_graphql_over_http.py).
ACCEPT = {"Accept": "application/graphql-response+json"}

# (what, body, headers, expected status, expected code)
BOMBS = [
    ("100k qualification checks", {"query": CHECKS, "variables": {"c": _checks(100_000)}},
     {}, 413, "REQUEST_TOO_LARGE"),
    ("checks list past the limit", {"query": CHECKS, "variables": {
        "c": [{"officerId": "o", "domain": "TOURISM"}] * (MAX_LIST_INPUT + 1)}},
     {}, 400, "LIST_TOO_LONG"),
    ("nested list past the limit", {"query": "{ health { up } }", "variables": {
        "x": {"y": [[0] * (MAX_LIST_INPUT + 1)]}}}, {}, 400, "LIST_TOO_LONG"),
    ("literal list past the limit", {"query": "{ officerQualifications(checks: [" + ",".join(
        ['{officerId: "o", domain: TOURISM}'] * (MAX_LIST_INPUT + 1)) + "]) { qualified } }"},
     {}, 400, None),  # the token cap or the list rule, whichever bites first
    ("literal enum list past the limit", {"query": "mutation { issueCertificate(input: {"
     'officerId: "o", validFrom: "2026-01-01", validUntil: "2027-01-01", domains: [' + ",".join(
         ["TOURISM"] * (MAX_LIST_INPUT + 1)) + "]}) { errors { code } } }"},
     {}, 400, "LIST_TOO_LONG"),
    ("deeper than the limit", {"query": "{ __type(name: \"Query\") { " + "ofType { " * 20
     + "name" + " }" * 20 + " } }"}, {}, 400, "QUERY_TOO_DEEP"),
    ("alias bomb", {"query": "{ " + " ".join(f"a{i}: health {{ up }}" for i in range(
        MAX_ALIASES + 5)) + " }"}, {}, 400, "QUERY_TOO_COMPLEX"),
    ("field bomb", {"query": "{ health { " + "up " * (MAX_FIELDS + 10) + "} }"},
     {}, 400, "QUERY_TOO_COMPLEX"),
    ("fragment bomb", {"query": _fragments(20) + "\n{ ...F19 }"}, {}, 400,
     "QUERY_TOO_COMPLEX"),
    ("token bomb", {"query": "{ " + "up " * 6000 + "}"}, {}, 400,
     "GRAPHQL_PARSE_FAILED"),
    ("oversized body", b'{"query": "{ health { up } }", "pad": "' + b"x" * (2 * MAX_BODY_BYTES)
     + b'"}', {}, 413, "REQUEST_TOO_LARGE"),
    ("malformed JSON", b'{"query": "{ health { up } }"', {}, 400, "MALFORMED_JSON"),
    ("deeply nested JSON", b"[" * 30000 + b"]" * 30000, {}, 400, "MALFORMED_JSON"),
    ("invalid UTF-8", b'{"query": "\xff\xfe"}', {}, 400, "MALFORMED_JSON"),
    ("JSON that is not an object", b"[1, 2]", {}, 400, "BAD_REQUEST"),
    ("variables not an object", {"query": "{ health { up } }", "variables": [1]}, {}, 400,
     "BAD_REQUEST"),
    ("text/plain", b'{"query": "{ health { up } }"}', {"Content-Type": "text/plain"}, 415,
     "UNSUPPORTED_MEDIA_TYPE"),
    ("form post", b"query=%7B+health+%7B+up+%7D+%7D",
     {"Content-Type": "application/x-www-form-urlencoded"}, 415, "UNSUPPORTED_MEDIA_TYPE"),
    ("application/graphql", b"{ health { up } }", {"Content-Type": "application/graphql"},
     415, "UNSUPPORTED_MEDIA_TYPE"),
    ("no content type", b'{"query": "{ health { up } }"}', {"Content-Type": ""}, 415,
     "UNSUPPORTED_MEDIA_TYPE"),
    ("unknown operation name", {"query": "query A { health { up } }", "operationName": "B"},
     {}, 400, None),
]


def _send(http, url, body, headers):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return http.post(url, content=data, headers={"Content-Type": "application/json",
                                                 **headers})


@pytest.mark.parametrize("what,body,headers,status,code", BOMBS, ids=[b[0] for b in BOMBS])
def test_each_bomb_is_refused_with_a_clear_code(gateway, hostile, what, body, headers, status,
                                                code):
    _, url = gateway
    with httpx.Client(timeout=10, headers={
            "Authorization": f"Bearer {hostile.token('cross_agency')}", **ACCEPT}) as http:
        r = _send(http, url, body, headers)
    hostile.check(r, "cross_agency")
    answer = r.json()
    if status is not None:
        assert r.status_code == status, (what, r.text[:300])
    if code is not None:
        assert answer["errors"][0]["extensions"]["code"] == code, (what, r.text[:300])
    if r.status_code >= 400:
        assert "data" not in answer


def test_a_thousand_checks_are_answered_with_one_service_call(gateway, hostile):
    body = hostile.post(CHECKS, {"c": _checks(MAX_LIST_INPUT)}).json()
    assert len(body["data"]["officerQualifications"]) == MAX_LIST_INPUT
    assert body["extensions"]["serviceCalls"] == 1


def test_other_methods_and_paths_are_refused_without_a_5xx(gateway):
    _, url = gateway
    for method in ("PUT", "DELETE", "PATCH"):
        assert 400 <= httpx.request(method, url, timeout=10).status_code < 500
    # GraphQL over HTTP draft, GET: queries may come by GET, so a GET without a {query}
    # parameter is a malformed request (400), no longer 405; a mutation by GET is 405.
    bare = httpx.get(url, timeout=10)
    assert bare.status_code == 400 and bare.json()["errors"][0]["extensions"]["code"] == \
        "BAD_REQUEST"
    mutation = httpx.get(url, params={"query": "mutation { __typename }"}, timeout=10)
    assert mutation.status_code == 405 and mutation.headers["allow"] == "POST"
    assert httpx.get(url.replace("/graphql", "/nothing"), timeout=10).status_code == 404


def test_the_gateway_memory_stays_flat_under_bombs(gateway, hostile):
    proc, url = gateway
    auth = {"Authorization": f"Bearer {hostile.token('cross_agency')}", **ACCEPT}
    with httpx.Client(timeout=10, headers=auth) as http:
        def volley():
            for _, body, headers, _, _ in BOMBS:
                assert _send(http, url, body, headers).status_code < 500
        volley()
        volley()  # warm-up: caches and allocator arenas fill once
        before = rss_mb(proc.pid)
        for _ in range(ROUNDS):
            volley()
        after = rss_mb(proc.pid)
    print(f"gateway RSS {before:.0f} MB -> {after:.0f} MB after {ROUNDS * len(BOMBS)} bombs")
    assert after - before < MAX_GROWTH_MB
