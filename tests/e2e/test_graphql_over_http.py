"""GraphQL over HTTP, checked by an independent suite: the graphql-http package's server
audits (pinned in infra/graphql-http, installed by `make test`) run by node against the
live gateway; no MUST and no SHOULD may fail. Then what the audits leave out: GET with a
token, a mutation by GET never runs, and the answer varies with Accept."""
import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e
AUDIT = Path(__file__).resolve().parents[2] / "infra" / "graphql-http"


def test_graphql_http_server_audits_pass_every_must_and_should(gateway_url):
    node = shutil.which("node")
    assert node and (AUDIT / "node_modules" / "graphql-http").is_dir(), \
        "run `make graphql-http` (needs node and npm)"
    run = subprocess.run([node, str(AUDIT / "audit.cjs"), gateway_url], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    assert len(results) > 40, results
    failing = [r for r in results if r["status"] != "ok" and not r["name"].startswith("MAY")]
    assert not failing, json.dumps(failing, indent=1, ensure_ascii=False)
    print(f"graphql-http audits: {sum(r['status'] == 'ok' for r in results)}/{len(results)} "
          "ok; not ok:", [r["id"] for r in results if r["status"] != "ok"])


def test_get_runs_queries_with_a_token_and_refuses_mutations(gateway_url, token):
    auth = {"Authorization": f"Bearer {token('planner')}"}
    r = httpx.get(gateway_url, params={"query": "query Q($a: String!) { __type(name: $a) "
                                       "{ name } }", "variables": json.dumps({"a": "Query"}),
                                       "operationName": "Q"}, headers=auth)
    assert r.status_code == 200 and r.json()["data"] == {"__type": {"name": "Query"}}
    assert r.headers["content-type"].startswith("application/json")
    assert "Authorization" in r.headers["vary"]
    # A mutation by GET is refused before anything runs (spec: GET), whatever is accepted.
    mutation = 'mutation { registerOfficer(input: {name: "x", agency: CULTURE, ' \
               'idNumber: "1"}) { errors { code } } }'
    for accept in ("application/json", "application/graphql-response+json"):
        r = httpx.get(gateway_url, params={"query": mutation}, headers={**auth, "Accept": accept})
        assert r.status_code == 405 and r.headers["allow"] == "POST", r.text
        assert "data" not in r.json()


def test_the_media_type_decides_the_status_of_request_errors(gateway_url):
    bad = {"query": "{ health { nope } }"}
    legacy = httpx.post(gateway_url, json=bad)
    assert legacy.status_code == 200 and legacy.json()["errors"]
    modern = httpx.post(gateway_url, json=bad,
                        headers={"Accept": "application/graphql-response+json"})
    assert modern.status_code == 400 and "data" not in modern.json()
    assert modern.headers["content-type"] == "application/graphql-response+json; charset=utf-8"
    assert httpx.post(gateway_url, json=bad, headers={"Accept": "text/csv"}).status_code == 406
    for wrong in ({"query": "{ __typename }", "variables": 1},
                  {"query": "{ __typename }", "operationName": False},
                  {"query": "{ __typename }", "extensions": "x"}, {"query": ["x"]}):
        r = httpx.post(gateway_url, json=wrong)
        assert r.status_code == 400 and r.json()["errors"][0]["extensions"]["code"] == \
            "BAD_REQUEST", wrong
