"""Machine clients end to end: `jointops clients` makes one, POST /oauth/token gives it an
ES256 access token that verifies with the JWKS and opens GraphQL; its rate limit holds on
either of two gateways sharing Redis; a trusted-documents client runs only its manifest;
a revoked client's token is refused; webhooks are managed over GraphQL."""
import hashlib
import json
import os
from dataclasses import replace

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet
from typer.testing import CliRunner

from services import registry
from services.cli.main import app
from tests.conftest import _free_port
from tests.support import wait_until

pytestmark = pytest.mark.e2e
REDIS_URL = os.environ.get("JOINTOPS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
QUERY = "{ qualificationChanges(first: 5) { edges { node { officerId } } } }"


@pytest.fixture
def stack(container_factory, service_config, monkeypatch):
    """Certification, delivery and two gateways sharing Redis; returns their base URLs."""
    from gateway.service import GatewayService

    config = dict(service_config, JOINTOPS=replace(
        service_config["JOINTOPS"], allow_loopback_webhooks=True, redis_url=REDIS_URL))
    for name in ("certification", "delivery"):
        container_factory(registry.load(registry.SERVICES[name]), config).start()
    urls = []
    for _ in range(2):
        port = _free_port()
        container_factory(GatewayService, dict(config, WEB_SERVER_ADDRESS=f"127.0.0.1:{port}"),
                          ).start()
        urls.append(f"http://127.0.0.1:{port}")
    monkeypatch.setenv("JOINTOPS_AMQP_URI", config["AMQP_URI"])
    return urls


def cli(*args):
    result = CliRunner().invoke(app, ["clients", *args])
    assert result.exit_code == 0, result.output
    return result.output


def new_client(*args):
    out = cli("add", "Municipal police", *args)
    fields = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    return fields["client id"].strip(), fields["secret"].strip()


def token_of(base, client_id, secret):
    r = httpx.post(f"{base}/oauth/token", data={"grant_type": "client_credentials"},
                   auth=(client_id, secret))
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    return r.json()["access_token"]


def graphql(base, token, body):
    return httpx.post(f"{base}/graphql", json=body, headers={"Authorization": f"Bearer {token}"})


def test_a_client_gets_a_verifiable_token_that_works_until_it_is_revoked(stack):
    base = stack[0]
    client_id, secret = new_client("--agency", "CULTURE")
    assert client_id in cli("list") and secret not in cli("list")
    bad = httpx.post(f"{base}/oauth/token", data={"grant_type": "client_credentials"},
                     auth=(client_id, secret + "x"))
    assert bad.status_code == 401 and bad.json()["error"] == "invalid_client"
    token = token_of(base, client_id, secret)
    jwks = KeySet.import_key_set(httpx.get(f"{base}/.well-known/jwks.json").json())
    claims = jwt.decode(token, jwks, algorithms=["ES256"]).claims
    assert claims["client_id"] == client_id and claims["roles"] == ["cross_agency"]
    assert claims["agency"] == "CULTURE" and claims["exp"] - claims["iat"] == 300
    assert graphql(base, token, {"query": QUERY}).json()["data"]["qualificationChanges"] \
        == {"edges": []}
    cli("revoke", client_id)
    refused = wait_until(lambda: (r := graphql(stack[1], token, {"query": QUERY}))
                         .status_code == 401 and r)
    assert refused.json()["errors"][0]["extensions"]["code"] == "INVALID_TOKEN"
    assert httpx.post(f"{base}/oauth/token", data={"grant_type": "client_credentials"},
                      auth=(client_id, secret)).status_code == 401


def test_over_its_rate_a_client_gets_429_on_either_gateway(stack):
    client_id, secret = new_client("--rate", "0.2", "--burst", "3")
    token = token_of(stack[0], client_id, secret)
    answers = [graphql(stack[i % 2], token, {"query": QUERY}) for i in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    limited = answers[3]
    assert limited.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert 1 <= int(limited.headers["retry-after"]) <= 5


def test_a_trusted_documents_client_runs_only_its_manifest(stack, tmp_path):
    base = stack[0]
    client_id, secret = new_client("--trusted-only")
    doc_id = "sha256:" + hashlib.sha256(QUERY.encode()).hexdigest()
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({doc_id: QUERY}))
    assert "1 trusted document" in cli("documents", client_id, str(manifest))
    token = token_of(base, client_id, secret)
    ran = graphql(base, token, {"documentId": doc_id}).json()
    assert ran["data"]["qualificationChanges"] == {"edges": []}
    for body in ({"documentId": "sha256:" + "0" * 64},
                 {"query": "{ health { ok } }"}):
        refused = graphql(base, token, body).json()
        assert refused["errors"][0]["extensions"]["code"] == "PERSISTED_DOCUMENT_NOT_FOUND"
        assert "data" not in refused
    assert graphql(base, token, {"query": QUERY}).json()["data"] is not None


SUBSCRIBE = """mutation($input: WebhookSubscriptionInput!) { subscribeWebhook(input: $input) {
  subscription { id url eventTypes active createdAt } secret errors { code field } } }"""


def test_webhooks_are_managed_over_graphql_and_refused_inside_the_network(stack):
    base = stack[0]
    client_id, secret = new_client()
    token = token_of(base, client_id, secret)

    def subscribe(url, types=("certificate.revoked",)):
        body = graphql(base, token, {"query": SUBSCRIBE, "variables": {"input": {
            "url": url, "eventTypes": list(types)}}}).json()
        return body["data"]["subscribeWebhook"]
    made = subscribe("http://127.0.0.1:9/hook")
    assert made["secret"].startswith("whsec_") and made["subscription"]["active"]
    for url, code in [("http://example.org/hook", "WEBHOOK_URL_NOT_HTTPS"),
                      ("https://10.0.0.8/hook", "WEBHOOK_URL_PRIVATE_ADDRESS"),
                      ("https://192.168.1.1/hook", "WEBHOOK_URL_PRIVATE_ADDRESS"),
                      ("https://[fd00::1]/hook", "WEBHOOK_URL_PRIVATE_ADDRESS"),
                      ("https://169.254.169.254/latest/meta-data", "WEBHOOK_URL_METADATA_ADDRESS"),
                      ("https://100.100.100.200/", "WEBHOOK_URL_METADATA_ADDRESS"),
                      ("https://user:pw@example.org/", "INVALID_URL"),
                      ("ftp://example.org/", "INVALID_URL")]:
        got = subscribe(url)
        assert got["subscription"] is None and got["secret"] is None, url
        assert got["errors"][0]["code"] == code, (url, got)
    assert subscribe("http://127.0.0.1:9/", ["no.such"])["errors"][0]["code"] == \
        "UNKNOWN_EVENT_TYPE"
    sid = made["subscription"]["id"]
    page = graphql(base, token, {"query": "query($s: ID!) { webhookDeliveries(subscriptionId:"
                                 " $s) { edges { node { id status } } } }",
                                 "variables": {"s": sid}}).json()
    assert page["data"]["webhookDeliveries"]["edges"] == []
    gone = graphql(base, token, {"query": "mutation($id: ID!) { unsubscribeWebhook(id: $id) {"
                                 " subscription { active } secret errors { code } } }",
                                 "variables": {"id": sid}}).json()["data"]["unsubscribeWebhook"]
    assert gone == {"subscription": {"active": False}, "secret": None, "errors": []}
