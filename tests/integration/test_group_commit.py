"""Group commit and the relay's bookkeeping, against the real database: units of work that
are ready together commit in one transaction, yet each caller gets exactly the outcome it
would have had alone; the relay marks sent only what it published and purges only
published events past their retention."""
import datetime as dt

import eventlet
import pytest
from bson import ObjectId
from mongoengine import Document, IntField, StringField

from services.bus import group_commit
from services.bus.group_commit import GroupCommit
from services.bus.relay import Relay
from services.bus.store import connect
from services.bus.unit_of_work import OUTBOX, ConcurrentUpdate, DuplicateEvent, UnitOfWork
from services.common.errors import DomainError
from tests.integration.probe import PROBE_TYPE

pytestmark = pytest.mark.integration
ALIAS = "group_commit_test"


class Thing(Document):
    id = StringField(primary_key=True)
    version = IntField()
    meta = {"db_alias": ALIAS, "collection": "things"}


@pytest.fixture
def store(mongo_uri, db_prefix, clean_db):
    client, db = connect(ALIAS, mongo_uri, f"{db_prefix}_{ALIAS}")
    return client, db


def unit(store, committer, inbox_key=None):
    client, db = store
    return UnitOfWork(client, db, "test", {"inbox_key": inbox_key}, None, committer)


def commit_together(units, spy):
    """Commit the units from concurrent green threads; each one's outcome (None or error)."""
    def attempt(uow):
        try:
            uow.commit()
        except Exception as exc:  # noqa: BLE001 - the outcome under test
            return exc
    threads = [eventlet.spawn(attempt, u) for u in units]
    outcomes = [t.wait() for t in threads]
    return outcomes, spy


@pytest.fixture
def merged(monkeypatch):
    """How many shared transactions ran, and with how many units each."""
    sizes, real = [], group_commit.apply_together

    def counting(uows, session):
        sizes.append(len(uows))
        real(uows, session)
    monkeypatch.setattr(group_commit, "apply_together", counting)
    return sizes


def test_concurrent_units_share_transactions_and_all_land(store, merged):
    committer, (_, db) = GroupCommit(), store
    units = []
    for i in range(12):
        uow = unit(store, committer, inbox_key=f"q:{i}")
        uow.insert(Thing(id=f"t{i}", version=1))
        uow.emit(PROBE_TYPE, {"probe_id": f"t{i}", "seq": i})
        units.append(uow)
    outcomes, _ = commit_together(units, merged)
    assert outcomes == [None] * 12
    assert db["things"].count_documents({}) == 12
    assert db[OUTBOX].count_documents({"sent": False}) == 12
    assert db["inbox"].count_documents({}) == 12
    assert merged and max(merged) > 1  # some were committed together


def test_a_failing_unit_fails_alone_and_the_others_still_commit(store, merged):
    committer, (_, db) = GroupCommit(), store
    db["inbox"].insert_one({"_id": "q:seen"})
    db["things"].insert_one({"_id": "held", "version": 3})
    units, good = [], []
    for i in range(6):
        uow = unit(store, committer, inbox_key=f"q:new{i}")
        uow.insert(Thing(id=f"ok{i}", version=1))
        units.append(uow)
        good.append(f"ok{i}")
    duplicate = unit(store, committer, inbox_key="q:seen")
    duplicate.insert(Thing(id="dup-effect", version=1))
    stale = unit(store, committer)
    stale.save(Thing(id="held", version=3), expect_version=2)
    refused = unit(store, committer)
    refused.insert(Thing(id="refused-effect", version=1))
    refused.run(lambda s: (_ for _ in ()).throw(DomainError("RULE", "refused by a rule")))
    outcomes, _ = commit_together(units[:3] + [duplicate, stale, refused] + units[3:], merged)
    assert outcomes[:3] + outcomes[6:] == [None] * 6
    assert isinstance(outcomes[3], DuplicateEvent)
    assert isinstance(outcomes[4], ConcurrentUpdate)
    assert isinstance(outcomes[5], DomainError) and outcomes[5].code == "RULE"
    assert sorted(d["_id"] for d in db["things"].find()) == sorted(good + ["held"])
    assert db["things"].find_one({"_id": "held"})["version"] == 3


def test_a_lone_unit_commits_at_once_without_a_shared_transaction(store, merged):
    uow = unit(store, GroupCommit())
    uow.insert(Thing(id="alone", version=1))
    uow.commit()
    assert merged == [] and store[1]["things"].count_documents({"_id": "alone"}) == 1


def test_the_relay_marks_sent_only_what_it_published(store, monkeypatch):
    """An event whose transaction commits after the relay read its batch can carry an _id
    inside the batch's range: it must stay unsent and go out with the next batch."""
    client, db = store
    for i in range(3):
        uow = unit(store, None)
        uow.emit(PROBE_TYPE, {"probe_id": f"e{i}", "seq": i})
        uow.commit()
    docs = list(db[OUTBOX].find().sort("_id", 1))
    late = docs[1]
    db[OUTBOX].delete_one({"_id": late["_id"]})  # not yet committed when the relay reads
    published = []

    def publish(uri, envelopes):
        envelopes = list(envelopes)
        published.append([e["payload"]["probe_id"] for e in envelopes])
        if len(published) == 1:
            db[OUTBOX].insert_one(late)  # ...and commits while the batch is published
    monkeypatch.setattr("services.bus.relay.publish_envelopes", publish)
    relay = Relay(db, "amqp://unused")
    assert relay.drain_once() == 2
    assert db[OUTBOX].find_one({"_id": late["_id"]})["sent"] is False
    assert relay.drain_once() == 1
    assert published == [["e0", "e2"], ["e1"]]
    assert db[OUTBOX].count_documents({"sent": False}) == 0


def test_published_events_past_their_retention_are_purged_and_nothing_else(store):
    client, db = store
    for i in range(3):
        uow = unit(store, None)
        uow.emit(PROBE_TYPE, {"probe_id": f"r{i}", "seq": i})
        uow.commit()
    relay = Relay(db, "amqp://unused", retention_hours=24)
    old, published_recently, unsent = list(db[OUTBOX].find().sort("_id", 1))
    aged = dict(old, _id=ObjectId.from_datetime(dt.datetime.now(dt.timezone.utc)
                                                 - dt.timedelta(hours=25)), sent=True)
    db[OUTBOX].delete_one({"_id": old["_id"]})
    db[OUTBOX].insert_one(aged)
    db[OUTBOX].update_one({"_id": published_recently["_id"]}, {"$set": {"sent": True}})
    stale_unsent = dict(unsent, _id=ObjectId.from_datetime(
        dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=30)))
    db[OUTBOX].insert_one(stale_unsent)  # never published: kept however old
    assert relay.purge_sent() == 1
    left = {d["_id"] for d in db[OUTBOX].find()}
    assert left == {published_recently["_id"], unsent["_id"], stale_unsent["_id"]}


def test_a_failed_unit_is_freed_once_its_caller_lets_go_of_the_error(store):
    """No reference cycle through the error: a failed unit of work (its documents, a
    service's record) is freed at once, not kept until the cycle collector runs."""
    import gc
    import weakref

    store[1]["things"].insert_one({"_id": "held", "version": 3})
    stale = unit(store, GroupCommit())
    stale.save(Thing(id="held", version=3), expect_version=2)
    gone = weakref.ref(stale)
    gc.collect()
    gc.disable()
    try:
        with pytest.raises(ConcurrentUpdate):
            stale.commit()
        del stale
        assert gone() is None
    finally:
        gc.enable()
