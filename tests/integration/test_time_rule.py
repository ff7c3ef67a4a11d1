"""Instants written as text before the time rule: documents in the old form are put in the
databases directly, the services start, and the documents are dates afterwards; queries
over them (ranges, sorting, the overdue sweep, the annual figures) answer as for new ones;
an old case's record chain, hashed over microsecond text, still verifies, also after a new
step is appended to it; and the conversion is idempotent."""
import datetime as dt

import pymongo
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services.bus.instants import convert, convert_collection
from services.certification.domain import Agency, OfficerRecord
from services.certification.domain.enums import Kind
from services.certification.domain.idnumber import check_digit
from services.enforcement.domain import cases, inspections
from services.enforcement.domain.serial import hashed_plain
from services.enforcement.instants import plan
from tests.integration.test_operations_support import ok
from tests.unit.enforcement.builders import MAJOR, advance_to, cafe, party_of, penalty, team

pytestmark = pytest.mark.integration
UTC = dt.timezone.utc
# Microseconds a BSON date cannot keep: the old chain's hashes cover them.
FILED = dt.datetime(2026, 3, 2, 1, 30, 5, 123457, tzinfo=UTC)
OFFICER = {"sub": "officer-1", "roles": ["enforcement_officer"], "agency": "CULTURE"}


def _old_form(obj, **extra) -> dict:
    """A domain object as the service stored it before the rule: every time as text."""
    doc = hashed_plain(obj)
    doc["_id"] = doc.pop("id")
    return {**doc, **extra}


def _old_documents():
    entity = cafe()
    closed, _ = cases.file_case("CUL-C-OLD-1", entity, party_of(entity), team(), FILED,
                                _catalogue(), violation_code=None, complex=True)
    advance_to(closed, "CLOSED", draft=penalty(**MAJOR), review="APPROVED")
    # filed a month earlier and never decided: long overdue
    open_case, _ = cases.file_case("CUL-C-OLD-2", entity, party_of(entity), team(),
                                   FILED - dt.timedelta(days=28), _catalogue(),
                                   violation_code=None, complex=False)
    inspection, _ = inspections.record_inspection("CUL-I-OLD-1", entity, team(), FILED)
    return [_old_form(c, record_head=c.record[-1].hash, version=0)
            for c in (closed, open_case)], _old_form(
                inspection, record_head=inspection.record[-1].hash, recorded_by="o1"), entity


def _catalogue():
    from services.culture.catalogue import CATALOGUE
    return CATALOGUE


def _old_officer() -> dict:
    first17 = "32010219800101777"
    record = OfficerRecord("off-old", "Old Officer", Agency.CULTURE, first17 +
                           check_digit(first17)).append(Kind.OFFICER_REGISTERED, FILED, FILED,
                                                        "import")
    doc = record.to_dict()
    for entry in doc["history"]:
        entry.update(effective_at=entry["effective_at"].isoformat(),
                     recorded_at=entry["recorded_at"].isoformat())
    return {**doc, "_id": doc.pop("id"), "version": 1, "rev": "old", "domains_ever": []}


@pytest.fixture
def old_data(clean_db, mongo_uri, db_prefix):
    client = pymongo.MongoClient(mongo_uri, tz_aware=True)   # as the services read
    culture, certification = client[f"{db_prefix}_culture"], client[
        f"{db_prefix}_certification"]
    case_docs, inspection, entity = _old_documents()
    culture.cases.insert_many(case_docs)
    culture.inspections.insert_one(inspection)
    culture.entities.insert_one({**_old_form(entity), "inspections": 1,
                                 "last_inspected_at": hashed_plain(FILED),
                                 "updated_at": hashed_plain(FILED), "version": 0})
    certification.officers.insert_one(_old_officer())
    return {"culture": culture, "certification": certification, "cases": case_docs,
            "entity_id": entity.id}


@pytest.fixture
def rpc(old_data, container_factory, service_config):
    from services.certification.service import CertificationService
    from services.culture.service import CultureService

    for cls in (CertificationService, CultureService):
        container_factory(cls, service_config).start()
    with ClusterRpcProxy(service_config) as proxy:
        yield proxy


def test_old_text_instants_become_dates_and_answer_as_before(old_data, rpc):
    culture = old_data["culture"]
    closed = culture.cases.find_one({"_id": "CUL-C-OLD-1"})
    assert isinstance(closed["filed_at"], dt.datetime)
    assert closed["filed_at"] == FILED.replace(microsecond=123000)   # what a BSON date keeps
    assert isinstance(closed["decision"]["decided_at"], dt.datetime)
    assert all(isinstance(r["reviewed_at"], dt.datetime) for r in closed["legal_reviews"])
    assert isinstance(closed["publication"]["published_at"], dt.datetime)
    assert isinstance(closed["justice_filing"]["filed_at"], dt.datetime)
    assert isinstance(closed["closed_at"], dt.datetime)
    # the record is kept as its hashes cover it: the old text, to the microsecond
    assert closed["record"] == old_data["cases"][0]["record"]
    assert closed["record"][0]["at"] == "2026-03-02T01:30:05.123457+00:00"
    assert isinstance(culture.inspections.find_one()["performed_at"], dt.datetime)
    entity = culture.entities.find_one()
    assert isinstance(entity["last_inspected_at"], dt.datetime)
    officer = old_data["certification"].officers.find_one({"_id": "off-old"})
    assert all(isinstance(e["effective_at"], dt.datetime) and isinstance(
        e["recorded_at"], dt.datetime) for e in officer["history"])

    check = ok(rpc.culture.verify_record("CUL-C-OLD-1"))
    assert check["intact"] and check["entries"] == len(closed["record"]), check

    # ranges and sorting: the old cases in their period, newest filed first
    listed = ok(rpc.culture.list_cases({"from": "2026-03-01T00:00:00+08:00",
                                        "to": "2026-03-03T00:00:00+08:00"}, None, OFFICER))
    assert [c["id"] for c in listed["items"]] == ["CUL-C-OLD-1"]
    everything = ok(rpc.culture.list_cases({}, None, OFFICER))
    assert [c["id"] for c in everything["items"]] == ["CUL-C-OLD-1", "CUL-C-OLD-2"]
    # times reach callers as ISO 8601 text
    assert everything["items"][0]["filed_at"] == "2026-03-02T01:30:05.123000+00:00"
    assert everything["items"][0]["record"][0]["at"] == "2026-03-02T01:30:05.123457+00:00"

    # the annual figures count the old inspection and the old decision in 2026
    figures = ok(rpc.culture.annual_figures(2026))
    assert figures["inspections_recorded"] == 1
    assert figures["decisions_published"] + figures["decisions_published_late"] == 1
    assert figures["major_cases_filed_with_justice"] == 1
    assert ok(rpc.culture.annual_figures(2025))["inspections_recorded"] == 0

    # the overdue sweep finds the old open case, appends to its record and saves it
    assert [i["case_id"] for i in ok(rpc.culture.overdue(OFFICER))] == ["CUL-C-OLD-2"]
    assert ok(rpc.culture.sweep()) >= 1
    swept = culture.cases.find_one({"_id": "CUL-C-OLD-2"})
    assert swept["overdue_reported"] and isinstance(swept["filed_at"], dt.datetime)
    assert ok(rpc.culture.verify_record("CUL-C-OLD-2"))["intact"]

    # the old officer reads as before
    history = ok(rpc.certification.officer_history("off-old"))
    assert history["history"][0]["effective_at"].startswith("2026-03-02T01:30:05.123")


def test_conversion_is_idempotent_and_leaves_what_others_changed(old_data):
    culture = old_data["culture"]
    assert convert(culture, plan("culture")) > 0
    assert convert(culture, plan("culture")) == 0                # the marker: done
    culture.migrations.delete_many({})
    assert convert(culture, plan("culture")) == 0                # nothing left as text
    # two replicas at once: the one that read the text after the other had written is
    # refused by its compare-and-set and changes nothing
    culture.cases.update_one({"_id": "CUL-C-OLD-2"},
                             {"$set": {"filed_at": "2026-02-02T01:30:05.123457+00:00"}})
    stale = list(culture.cases.find({"_id": "CUL-C-OLD-2"}, {"filed_at": 1}))
    written = dt.datetime(2026, 2, 2, 1, 30, 6, tzinfo=UTC)  # not what this pass would write
    culture.cases.update_one({"_id": "CUL-C-OLD-2"}, {"$set": {"filed_at": written}})
    assert convert_collection(_Stale(culture.cases, stale), ["filed_at"]) == 0
    assert culture.cases.find_one({"_id": "CUL-C-OLD-2"})["filed_at"] == written


class _Stale:
    """A collection whose `find` answers what was read before another replica's write."""

    def __init__(self, coll, found):
        self.coll, self.found, self.name = coll, found, coll.name

    def find(self, *args, **kwargs):
        return iter(self.found)

    def update_one(self, *args, **kwargs):
        return self.coll.update_one(*args, **kwargs)
