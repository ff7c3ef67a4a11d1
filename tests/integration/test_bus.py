"""The reliable path against the real broker and database: outbox, inbox, retries,
dead letters, replay, invalid events and correlation."""
import uuid

import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from services.bus.deadletters import list_dead_letters, replay
from services.bus.envelope import make
from services.bus.relay import Relay, publish_envelopes
from services.contracts import payloads
from tests.integration.probe import PROBE_TYPE, ConsumerService, ProducerService, Received
from tests.support import wait_until

pytestmark = pytest.mark.integration


@pytest.fixture
def consumer(container_factory, service_config):
    container = container_factory(ConsumerService, service_config)
    container.start()
    return container


@pytest.fixture
def producer(container_factory, service_config):
    container = container_factory(ProducerService, service_config)
    container.start()
    return container


def received(probe_id):
    return list(Received.objects(probe_id=probe_id))


def test_event_raised_by_a_write_reaches_the_consumer_with_the_callers_correlation_id(
        producer, consumer, service_config):
    with ServiceRpcProxy("probe_producer", service_config,
                         context_data={"correlation_id": "corr-123"}) as proxy:
        assert proxy.record("p-1") == {"ok": "p-1"}
    wait_until(lambda: received("p-1"))
    assert received("p-1")[0].correlation_id == "corr-123"


def test_outbox_survives_a_crash_between_write_and_publish(
        container_factory, service_config, consumer, monkeypatch):
    dead_relay = container_factory(ProducerService, service_config)
    monkeypatch.setattr(Relay, "drain_once", lambda self: (_ for _ in ()).throw(
        ConnectionError("broker unreachable")))
    dead_relay.start()
    with ServiceRpcProxy("probe_producer", service_config) as proxy:
        proxy.record("p-crash")
    db = dead_relay.extensions  # the write is committed, the event only in the outbox
    dead_relay.kill()
    from services.bus.store import connect
    cfg = service_config["JOINTOPS"]
    _, producer_db = connect("probe_producer", cfg.mongo_uri, cfg.db_name("probe_producer"))
    assert producer_db["probes"].count_documents({"_id": "p-crash"}) == 1
    assert producer_db["outbox"].count_documents({"sent": False}) == 1
    assert received("p-crash") == []
    monkeypatch.undo()
    restarted = container_factory(ProducerService, service_config)
    restarted.start()  # the relay publishes what the dead process left behind
    wait_until(lambda: received("p-crash"))
    wait_until(lambda: producer_db["outbox"].count_documents({"sent": False}) == 0)
    assert len(received("p-crash")) == 1
    del db


def test_a_duplicated_event_has_one_effect(consumer, service_config):
    env = make(PROBE_TYPE, {"probe_id": "p-dup", "seq": 1}, producer="test")
    publish_envelopes(service_config["AMQP_URI"], [env, env, env])
    wait_until(lambda: received("p-dup"))
    later = make(PROBE_TYPE, {"probe_id": "p-after", "seq": 2}, producer="test")
    publish_envelopes(service_config["AMQP_URI"], [later])  # queue order: dups done first
    wait_until(lambda: received("p-after"))
    assert len(received("p-dup")) == 1


def test_failing_handler_is_retried_then_dead_lettered_and_replay_works(
        consumer, service_config):
    uri = service_config["AMQP_URI"]
    env = make(PROBE_TYPE, {"probe_id": "p-poison", "seq": 1, "note": "poison"}, producer="t")
    publish_envelopes(uri, [env])
    wait_until(lambda: any(d.message_id == env["event_id"] for d in list_dead_letters(uri)))
    letter = next(d for d in list_dead_letters(uri) if d.message_id == env["event_id"])
    assert "RuntimeError: poison probe" in letter.reason
    assert letter.queue == "probe_consumer.on_probe" and letter.attempts == 2
    attempts = Received._get_db()["attempts"].find_one({"_id": env["event_id"]})["n"]
    assert attempts == 3  # first try + two retries (JOINTOPS_RETRY_DELAYS_MS=50,100)
    # the rest keeps flowing while the poison message sits in the dead-letter queue
    publish_envelopes(uri, [make(PROBE_TYPE, {"probe_id": "p-ok", "seq": 2}, producer="t")])
    wait_until(lambda: received("p-ok"))
    Received._get_db()["healed"].insert_one({"_id": "fixed"})
    assert [d.message_id for d in replay(uri, {env["event_id"]})] == [env["event_id"]]
    wait_until(lambda: received("p-poison"))
    assert all(d.message_id != env["event_id"] for d in list_dead_letters(uri))


def test_invalid_event_is_dead_lettered_with_its_reason_and_consumer_keeps_going(
        consumer, service_config):
    uri = service_config["AMQP_URI"]
    bad = {"event_id": str(uuid.uuid4()), "type": PROBE_TYPE, "occurred_at": "2026-01-01T00:00:00Z",
           "producer": "t", "correlation_id": "c", "causation_id": None, "actor": None,
           "payload": {"probe_id": "p-bad"}}  # seq missing
    publish_envelopes(uri, [bad])
    publish_envelopes(uri, [make(PROBE_TYPE, {"probe_id": "p-good", "seq": 1}, producer="t")])
    wait_until(lambda: received("p-good"))
    wait_until(lambda: any(d.message_id == bad["event_id"] for d in list_dead_letters(uri)))
    letter = next(d for d in list_dead_letters(uri) if d.message_id == bad["event_id"])
    assert letter.reason.startswith("invalid event: payload") and "seq" in letter.reason
    assert received("p-bad") == []


class NotedProbe(payloads.Payload):
    """Stricter than the probe's schema: its note is required."""
    probe_id: str
    seq: int
    note: str


def test_a_payload_that_does_not_fit_its_class_is_dead_lettered_with_its_reason(
        consumer, service_config, monkeypatch):
    # Schema and class agree for every real type (tests/unit/test_payloads.py); here the
    # class is made stricter so that a schema-valid payload cannot be read as it.
    monkeypatch.setitem(payloads.PAYLOADS, PROBE_TYPE, NotedProbe)
    uri = service_config["AMQP_URI"]
    unfit = make(PROBE_TYPE, {"probe_id": "p-unfit", "seq": 1}, producer="t")
    publish_envelopes(uri, [unfit])
    publish_envelopes(uri, [make(PROBE_TYPE, {"probe_id": "p-fit", "seq": 2, "note": "n"},
                                 producer="t")])
    wait_until(lambda: received("p-fit"))
    wait_until(lambda: any(d.message_id == unfit["event_id"] for d in list_dead_letters(uri)))
    letter = next(d for d in list_dead_letters(uri) if d.message_id == unfit["event_id"])
    assert letter.reason == "invalid event: payload does not fit NotedProbe: note: Field required"
    assert letter.queue == "probe_consumer.on_probe" and letter.body == unfit
    assert received("p-unfit") == []


def test_publishing_an_invalid_event_fails_loudly():
    from services.bus.schemas import InvalidEvent

    with pytest.raises(InvalidEvent, match="seq"):
        make(PROBE_TYPE, {"probe_id": "x"}, producer="test")
    with pytest.raises(InvalidEvent, match="unknown event type"):
        make("bus.nothing_here.v1", {}, producer="test")
