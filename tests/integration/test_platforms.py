"""Records delivered to the platforms that receive them by law, on the real broker and
database with a loopback platform that fails, answers late (after the client gave up)
and receives things twice: nothing is lost, nothing counted twice, a delivery past its
legal deadline opens one ledger item for the legal-affairs unit, replay by id works."""
import datetime as dt
from dataclasses import replace

import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services.accountability.service import AccountabilityService
from services.bus import envelope
from services.bus.relay import publish_envelopes
from services.certification.service import CertificationService
from services.common.clock import local_date
from services.delivery.service import DeliveryService
from tests.integration.cert_support import ok
from tests.platform_receiver import PlatformReceiver
from tests.support import wait_until

pytestmark = pytest.mark.integration
TARGET = "SUPERVISION_INSPECTIONS"
LEGAL = "CULTURE:法制科"


@pytest.fixture
def platform():
    # 503, then accepted but answered after the client's timeout, then 200s
    receiver = PlatformReceiver([503, ("late", 1.0)])
    yield receiver
    receiver.close()


@pytest.fixture
def rpc(container_factory, service_config, platform):
    cfg = replace(service_config["JOINTOPS"], delivery_retry_base_ms=50,
                  delivery_timeout_ms=300,
                  platforms={TARGET: {"url": platform.url, "token": "tok-supervision"}})
    config = dict(service_config, JOINTOPS=cfg, DELIVERY_SWEEP_SECONDS=3600)
    for cls in (CertificationService, AccountabilityService, DeliveryService):
        container_factory(cls, config).start()
    with ClusterRpcProxy(config) as proxy:
        proxy.amqp_uri = config["AMQP_URI"]
        yield proxy


def inspected(rpc, inspection_id, days_ago=0, times=1):
    """The culture service's event for an inspection, published `times` times (the same
    envelope: a redelivery) plus once more under a new event id."""
    at = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days_ago)
    payload = {"inspection_id": inspection_id, "agency": "CULTURE",
               "domain": "CULTURE_MARKET", "entity_id": "ent_1", "officer_ids": ["cu-1"],
               "performed_at": at.isoformat(), "operation_id": None, "task_id": None,
               "findings_count": 0, "violation_found": False}
    made = envelope.make("enforcement.inspection_recorded.v1", payload, producer="culture")
    again = envelope.make("enforcement.inspection_recorded.v1", payload, producer="culture")
    publish_envelopes(rpc.amqp_uri, [made] * times + [again] * (times > 1))
    return at


def deliveries(rpc, overdue_only=False):
    return {d["record_id"]: d for d in ok(rpc.delivery.platform_deliveries(
        TARGET, overdue_only, {"first": 100}))["items"]}


def ledger(rpc):
    return ok(rpc.accountability.list_ledger_items({"owner": LEGAL}, {"first": 50}))["items"]


def test_inspections_reach_the_platform_once_and_late_ones_open_one_ledger_item(
        rpc, platform):
    # A: failed, then answered late (timed out, though the platform kept it), then 200;
    # announced three times. One delivery, accepted once, three attempts, a receipt.
    today = inspected(rpc, "CUL-I-A", times=2)
    a = wait_until(lambda: deliveries(rpc).get("CUL-I-A", {}).get("status") == "DELIVERED"
                   and deliveries(rpc)["CUL-I-A"], timeout=20)
    assert len(deliveries(rpc)) == 1 and a["attempts"] == 3
    assert a["last_error"] is None and a["receipt_id"] == f"rcpt-{a['id']}"
    assert [s for _, s in platform.requests] == [503, ("late", 1.0), 200]
    headers = platform.requests[-1][0]
    assert headers["idempotency-key"] == a["id"] and headers["x-record-id"] == "CUL-I-A"
    assert headers["authorization"] == "Bearer tok-supervision"
    assert [r["inspection_id"] for r in platform.records()] == ["CUL-I-A"]
    assert not a["late"] and a["due_on"] > local_date(today).isoformat()

    # B: 20 days old (its deadline passed) while the platform is down: overdue once.
    platform.down = True
    old = inspected(rpc, "CUL-I-B", days_ago=20)
    wait_until(lambda: deliveries(rpc).get("CUL-I-B", {}).get("attempts", 0) >= 1)
    assert ok(rpc.delivery.sweep_platform_deliveries()) == 1
    assert list(deliveries(rpc, overdue_only=True)) == ["CUL-I-B"]
    # C: as old, delivered at once, so late: overdue once too, with the platform back.
    platform.down = False
    inspected(rpc, "CUL-I-C", days_ago=20)
    wait_until(lambda: all(d["status"] == "DELIVERED" for d in deliveries(rpc).values())
               and len(deliveries(rpc)) == 3, timeout=20)
    assert deliveries(rpc)["CUL-I-C"]["late"] and deliveries(rpc)["CUL-I-B"]["late"]
    assert ok(rpc.delivery.sweep_platform_deliveries()) == 1  # C; B was marked already

    # B again, by id: sent under the same key, the platform keeps it once.
    b = deliveries(rpc)["CUL-I-B"]
    again = ok(rpc.delivery.replay_platform_delivery(b["id"]))
    assert again["id"] == b["id"] and again["status"] == "PENDING"
    wait_until(lambda: deliveries(rpc)["CUL-I-B"]["attempts"] > b["attempts"]
               and deliveries(rpc)["CUL-I-B"]["status"] == "DELIVERED")
    assert sum(1 for h, _ in platform.requests if h["idempotency-key"] == b["id"]) >= 2
    assert sorted(r["inspection_id"] for r in platform.records()) == [
        "CUL-I-A", "CUL-I-B", "CUL-I-C"]
    assert ok(rpc.delivery.sweep_platform_deliveries()) == 0
    assert set(deliveries(rpc, overdue_only=True)) == {"CUL-I-B", "CUL-I-C"}
    assert rpc.delivery.replay_platform_delivery("msg_nope")["error"]["code"] == "NOT_FOUND"

    # one ledger item per overdue delivery, for the legal-affairs unit, in Chinese first
    items = wait_until(lambda: len(ledger(rpc)) == 2 and ledger(rpc))
    texts = sorted(i["description"] for i in items)
    assert "CUL-I-B 逾期未报送" in texts[0] and "CUL-I-C 逾期报送" in texts[1]
    assert all(i["status"] == "OPEN" for i in items)

    # the annual figure counts each delivered inspection once, in the year it happened
    years = [local_date(today).year, local_date(old).year]
    reported = sum(ok(rpc.delivery.annual_figures(y, "CULTURE"))["inspections_reported"]
                   for y in sorted(set(years)))
    assert reported == 3
    overview = {p["platform"]: p for p in ok(rpc.delivery.platform_overview())}
    assert overview[TARGET]["configured"] and overview[TARGET]["delivered"] == 3
    assert overview[TARGET]["overdue"] == 2
    assert not overview["CREDIT_PORTAL"]["configured"]
    assert overview["CREDIT_PORTAL"]["delivered"] == 0
