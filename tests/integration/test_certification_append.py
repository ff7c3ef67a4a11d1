"""A change to an officer writes only its new history entries (pushed) and the fields
beside the history, against the real database: the stored document is what a whole save
would have written, two changes racing on one officer both land (the loser retried) with
the history complete and in order, and an entry the document would refuse writes nothing."""
import datetime as dt
from dataclasses import replace

import eventlet
import pytest
from mongoengine import ValidationError

from services.bus.store import connect
from services.bus.unit_of_work import OUTBOX, UnitOfWork
from services.certification import documents, repository
from services.certification import domain as cd
from services.certification.documents import OfficerDocument
from services.certification.domain import DEFAULT_CONFIG
from services.common.clock import utcnow
from tests.integration.cert_support import ID_CU

pytestmark = pytest.mark.integration
ADMIN = {"sub": "admin", "roles": ["certification_admin"], "agency": "CULTURE"}


class _Store:
    """What repository.change needs of the service's store: units of work, alone."""

    def __init__(self, client, db):
        self.client, self.db = client, db

    def transaction(self):
        return UnitOfWork(self.client, self.db, "certification",
                          {"actor": ADMIN, "inbox_key": None})


@pytest.fixture
def store(mongo_uri, db_prefix, clean_db):
    client, db = connect(documents.ALIAS, mongo_uri, f"{db_prefix}_{documents.ALIAS}")
    OfficerDocument.ensure_indexes()
    repository._parsed.clear()
    store = _Store(client, db)
    repository.create(store, lambda uow: cd.register_officer(
        officer_id="o1", name="Li Wei", agency="CULTURE", id_number=ID_CU, now=utcnow()))
    return store


def exam(score, calls=None, meanwhile=None):
    """An action recording an exam; `meanwhile` runs (once) between its read and its write."""
    def action(record, uow):
        if calls is not None:
            calls.append(len(record.history))
        if meanwhile is not None and len(calls) == 1:
            meanwhile()
        return cd.record_exam(record, exam="PUBLIC_LAW", score=score,
                              taken_on=dt.date.today() - dt.timedelta(days=1), now=utcnow())
    return action


def change(store, action):
    return repository.change(store, "o1", action, config=DEFAULT_CONFIG)


def stored():
    return OfficerDocument._get_collection().find_one({"_id": "o1"})


def scores():
    return [e["data"].get("score") for e in stored()["history"]]


def test_the_stored_document_is_what_a_whole_save_writes(store):
    change(store, exam(70))
    after = change(store, exam(90))
    doc = stored()
    scratch = OfficerDocument._get_db()["whole_saves"]
    scratch.insert_one(OfficerDocument.from_record(after, 3).to_mongo())
    assert {**doc, "rev": None} == {**scratch.find_one({"_id": "o1"}), "rev": None}
    assert [e["seq"] for e in doc["history"]] == [1, 2, 3] and doc["version"] == 3
    assert all(e["actor"] == ADMIN for e in doc["history"][1:])
    assert repository.load("o1")[0] == documents.record_from_raw(doc)  # read back via the cache


def test_a_change_racing_another_is_retried_and_both_land_in_order(store):
    calls = []
    change(store, exam(95, calls, meanwhile=lambda: change(store, exam(60))))
    # first try saw the registration only; the retry saw the racing exam too
    assert calls == [1, 2]
    assert scores() == [None, 60.0, 95.0]
    assert [e["seq"] for e in stored()["history"]] == [1, 2, 3] and stored()["version"] == 3


def test_concurrent_changes_all_land_with_the_history_complete(store):
    threads = [eventlet.spawn(change, store, exam(50 + i)) for i in range(6)]
    for thread in threads:
        thread.wait()
    doc = stored()
    assert sorted(scores()[1:]) == [50.0 + i for i in range(6)]
    assert [e["seq"] for e in doc["history"]] == list(range(1, 8)) and doc["version"] == 7
    assert repository.load("o1")[0].history == cd.OfficerRecord.from_dict(
        {**doc, "id": "o1"}).history


def test_an_entry_the_document_refuses_writes_nothing(store):
    before, outbox = stored(), OfficerDocument._get_db()[OUTBOX].count_documents({})

    def bad(record, uow):  # a key MongoDB would misread as an operator
        after, events = exam(80)(record, uow)
        entry = replace(after.history[-1], data={**after.history[-1].data, "$where": 1})
        return replace(after, history=after.history[:-1] + (entry,)), events
    with pytest.raises(ValidationError):
        change(store, bad)
    assert stored() == before
    assert OfficerDocument._get_db()[OUTBOX].count_documents({}) == outbox


def test_a_change_that_is_not_an_append_is_saved_whole(store):
    change(store, exam(70))

    def renamed(record, uow):  # no command renames; a record not grown by entries is whole
        return replace(record, name="Li Wei Jr", history=record.history[:1]), []
    change(store, renamed)
    doc = stored()
    assert doc["name"] == "Li Wei Jr" and scores() == [None] and doc["version"] == 3
