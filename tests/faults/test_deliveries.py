"""What an at-least-once broker hands out: every event delivered three times in shuffled
order, a completion before the sanction it completes, and a poison message whose handler
always fails. One effect per event; the early completion waits (retried) for its
sanction; the poison ends in the dead-letter queue after its retries while the rest
keeps flowing."""
import datetime as dt
import random
import uuid
from collections import Counter

import pytest

from services.bus.deadletters import list_dead_letters
from services.bus.envelope import make
from services.bus.relay import publish_envelopes
from tests.faults.conftest import RETRY_DELAYS_MS
from tests.faults.infra import wait_for
from tests.integration.probe import PROBE_TYPE

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]
EVENTS, COPIES = 400, 3


def _received(stack, ids) -> Counter:
    db = stack.mongo_client[stack.cfg.db_name("probe_consumer")]
    return Counter(d["probe_id"] for d in db.received.find({"probe_id": {"$in": ids}}))


def test_duplicated_and_shuffled_deliveries_and_a_poison_message(stack):
    run, uri = uuid.uuid4().hex[:8], stack.cfg.amqp_uri
    poison = make(PROBE_TYPE, {"probe_id": f"{run}-poison", "seq": 0, "note": "poison"},
                  producer="faults")
    events = [make(PROBE_TYPE, {"probe_id": f"{run}-d{i}", "seq": i}, producer="faults")
              for i in range(EVENTS)]
    deliveries = events * COPIES
    random.Random(20260302).shuffle(deliveries)
    publish_envelopes(uri, [poison] + deliveries)
    ids = [e["payload"]["probe_id"] for e in events]
    wait_for(lambda: len(_received(stack, ids)) == EVENTS, 120, "every event acted on")
    wait_for(lambda: any(d.message_id == poison["event_id"] for d in list_dead_letters(uri)),
             60, "the poison message in the dead-letter queue")
    received = _received(stack, ids)
    letter = next(d for d in list_dead_letters(uri) if d.message_id == poison["event_id"])
    attempts = stack.mongo_client[stack.cfg.db_name("probe_consumer")].attempts.find_one(
        {"_id": poison["event_id"]})["n"]
    print(f"{EVENTS} events x {COPIES} deliveries shuffled: {sum(received.values())} effects;"
          f" poison dead-lettered after {attempts} attempts: {letter.reason}")
    assert set(received) == set(ids) and set(received.values()) == {1}
    assert _received(stack, [f"{run}-poison"]) == Counter()
    assert letter.queue == "probe_consumer.on_probe" and "poison probe" in letter.reason
    assert letter.attempts == len(RETRY_DELAYS_MS) and attempts == len(RETRY_DELAYS_MS) + 1


def test_a_completion_before_its_sanction_waits_for_it_and_applies_once(stack):
    """certification gets training_completed (twice) before sanction_imposed (twice): the
    early completion is refused and retried; the officer ends back on post, with one
    history entry for each of the two events."""
    officer, sanction = stack.officers[-1], f"s-{uuid.uuid4().hex[:8]}"
    now = dt.datetime.now(dt.timezone.utc)
    imposed = make("accountability.sanction_imposed.v1", {
        "sanction_id": sanction, "finding_id": f"f-{sanction}", "officer_id": officer,
        "measure": "OFF_POST_TRAINING", "effective_at": (now - dt.timedelta(hours=1))
        .isoformat()}, producer="accountability")
    completed = make("accountability.training_completed.v1", {
        "sanction_id": sanction, "officer_id": officer, "completed_at": now.isoformat()},
        producer="accountability")
    publish_envelopes(stack.cfg.amqp_uri, [completed, completed])
    publish_envelopes(stack.cfg.amqp_uri, [imposed, imposed])
    officers = stack.mongo_client[stack.cfg.db_name("certification")].officers

    def entries():
        history = officers.find_one({"_id": officer})["history"]
        return [e["kind"] for e in history if e.get("cause") == sanction]
    wait_for(lambda: len(entries()) >= 2, 60, "the sanction and its completion applied")
    # one entry for each event, however often delivered, in the order the rules need
    assert entries() == ["TRAINING_STARTED", "TRAINING_COMPLETED"], entries()
