"""Webhooks and the pull feed with the real broker, database and a loopback receiver:
a revocation arrives signed (v1 and v1a) and verifies; a failing receiver is retried and
each webhook-id is accepted once; 410 disables; replay from a cursor re-delivers; the feed
gives each change once across pages."""
from dataclasses import replace

import pytest
from joserfc.jwk import KeySet
from nameko.standalone.rpc import ClusterRpcProxy

from services.certification.service import CertificationService
from services.common.credential_keys import CredentialKeys
from services.delivery.domain import signing
from services.delivery.service import DeliveryService
from tests.conftest import TEST_KEYS
from tests.integration.cert_support import ADMIN_CU, ID_CU, ID_CU2, certify, ok, refused
from tests.support import wait_until
from tests.webhook_receiver import WebhookReceiver

pytestmark = pytest.mark.integration
SYSTEM = {"sub": "cl_police", "roles": ["cross_agency"], "agency": None}


def jwks_public_keys():
    published = CredentialKeys(TEST_KEYS).public_jwks()
    return [k.public_key for k in KeySet.import_key_set(published).keys
            if k.as_dict().get("crv") == "Ed25519"]


@pytest.fixture
def rpc(container_factory, service_config):
    config = dict(service_config, JOINTOPS=replace(
        service_config["JOINTOPS"], allow_loopback_webhooks=True, delivery_retry_base_ms=50))
    for cls in (CertificationService, DeliveryService):
        container_factory(cls, config).start()
    with ClusterRpcProxy(config) as proxy:
        yield proxy


@pytest.fixture
def receiver():
    made = []

    def make(*statuses, headers=None):
        made.append(WebhookReceiver(statuses, headers))
        return made[-1]
    yield make
    for r in made:
        r.close()


def subscribe(rpc, url, types=("certificate.revoked",), actor=SYSTEM):
    return ok(rpc.delivery.subscribe_webhook({"url": url, "event_types": list(types)}, actor))


def statuses(rpc, subscription_id):
    page = ok(rpc.delivery.webhook_deliveries(subscription_id, {"first": 10}, SYSTEM))["items"]
    return [d["status"] for d in page]


def revoke(rpc, officer_id):
    ok(rpc.certification.revoke_certificate({"officer_id": officer_id, "reason": "test"},
                                            ADMIN_CU))


def test_a_revocation_arrives_signed_and_verifies_with_the_secret_or_the_jwks(rpc, receiver):
    hook = receiver()
    made = subscribe(rpc, hook.url, ["certificate.revoked", "officer.qualification_changed"])
    assert made["secret"].startswith("whsec_")
    oid = certify(rpc.certification, "Li Lei", "CULTURE", ID_CU, ["TOURISM"])["id"]
    revoke(rpc, oid)
    wait_until(lambda: len(hook.requests) == 3)  # qualified, revoked, no longer qualified
    for headers, body, _ in hook.requests:
        signing.verify(headers, body, secret=made["secret"])          # v1 (HMAC)
        signing.verify(headers, body, public_keys=jwks_public_keys())  # v1a (Ed25519)
        with pytest.raises(signing.BadSignature):
            signing.verify(headers, body.replace(b"CULTURE", b"TRANSPO", 1),
                           secret=made["secret"], public_keys=jwks_public_keys())
    revoked = hook.bodies("certificate.revoked")[0]
    assert revoked["data"]["officer_id"] == oid and revoked["data"]["status"] == "REVOKED"
    assert set(revoked["data"]) == {"officer_id", "agency", "certificate_no", "at", "status"}
    changes = [b["data"] for b in hook.bodies("officer.qualification_changed")]
    assert sorted((c["qualified"], c["domains"]) for c in changes) == \
        [(False, []), (True, ["TOURISM"])]
    # The feed: the issue and the revocation, once each, across pages of one (in the
    # order recorded; `at` tells the order of effect).
    first = ok(rpc.delivery.qualification_changes({"first": 1}))
    second = ok(rpc.delivery.qualification_changes({"first": 1, "after": first["cursors"][0]}))
    assert first["has_next_page"] and not second["has_next_page"]
    assert first["total"] == second["total"] == 2
    entries = sorted([first["items"][0], second["items"][0]], key=lambda e: e["at"])
    assert [e["qualified"] for e in entries] == [True, False]
    assert {e["certificate_no"] for e in entries} == {revoked["data"]["certificate_no"]}
    assert ok(rpc.delivery.qualification_changes({"first": 1, "after": second["cursors"][0]})
              )["items"] == []


def test_a_failing_receiver_is_retried_and_each_message_is_accepted_once(rpc, receiver):
    hook = receiver(503, 500)
    sub = subscribe(rpc, hook.url)["subscription"]
    oid = certify(rpc.certification, "Han Mei", "CULTURE", ID_CU, ["TOURISM"])["id"]
    revoke(rpc, oid)
    wait_until(lambda: statuses(rpc, sub["id"]) == ["DELIVERED"])
    page = ok(rpc.delivery.webhook_deliveries(sub["id"], {"first": 10}, SYSTEM))["items"]
    assert [d["status"] for d in page] == ["DELIVERED"] and page[0]["attempts"] == 3
    assert [a["status_code"] for a in page[0]["attempt_log"]] == [503, 500, 204]
    ids = [h["webhook-id"] for h, _, _ in hook.requests]
    assert len(set(ids)) == 1 and all(len(v) == 1 for v in hook.accepted.values())
    # Someone else's subscription is not there for them.
    other = {"sub": "cl_other", "roles": ["cross_agency"], "agency": None}
    assert refused(rpc.delivery.webhook_deliveries(sub["id"], {"first": 10}, other)) == "NOT_FOUND"


def test_410_disables_the_subscription_and_nothing_more_is_sent(rpc, receiver):
    hook = receiver(410)
    sub = subscribe(rpc, hook.url)["subscription"]
    first = certify(rpc.certification, "Wu Di", "CULTURE", ID_CU, ["TOURISM"])["id"]
    second = certify(rpc.certification, "Zhao Yi", "CULTURE", ID_CU2, ["TOURISM"])["id"]
    revoke(rpc, first)
    wait_until(lambda: statuses(rpc, sub["id"]) == ["CANCELLED"])
    revoke(rpc, second)
    wait_until(lambda: ok(rpc.delivery.qualification_changes({"first": 10}))["items"][-1]
               ["officer_id"] == second)
    assert len(hook.requests) == 1
    assert refused(rpc.delivery.replay_webhook_deliveries(sub["id"], None, SYSTEM)) == \
        "SUBSCRIPTION_INACTIVE"


def test_replay_from_a_cursor_delivers_again_under_the_same_ids(rpc, receiver):
    hook = receiver()
    sub = subscribe(rpc, hook.url, ["officer.qualification_changed"])["subscription"]
    oid = certify(rpc.certification, "Qian Er", "CULTURE", ID_CU, ["TOURISM"])["id"]
    revoke(rpc, oid)
    wait_until(lambda: len(hook.requests) == 2)
    page = ok(rpc.delivery.webhook_deliveries(sub["id"], {"first": 10}, SYSTEM))
    assert ok(rpc.delivery.replay_webhook_deliveries(sub["id"], page["cursors"][0], SYSTEM)) == 1
    page = page["items"]
    wait_until(lambda: len(hook.requests) == 3)
    assert hook.requests[2][0]["webhook-id"] == page[1]["id"]


def test_a_redirect_is_not_followed_and_counts_as_a_failure(rpc, receiver):
    elsewhere = receiver()
    hook = receiver(302, headers={"Location": elsewhere.url})
    sub = subscribe(rpc, hook.url)["subscription"]
    revoke(rpc, certify(rpc.certification, "Sun Wu", "CULTURE", ID_CU, ["TOURISM"])["id"])
    wait_until(lambda: statuses(rpc, sub["id"]) == ["DELIVERED"])
    log = ok(rpc.delivery.webhook_deliveries(sub["id"], {"first": 10}, SYSTEM))["items"][0]
    assert log["attempt_log"][0]["error"].startswith("REDIRECT_REFUSED")
    assert elsewhere.requests == []
