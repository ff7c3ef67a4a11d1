"""The service's pure parts: documents <-> domain, cursors, filters, periods (no I/O)."""
import pytest

from services.accountability import queries, repository as repo
from services.accountability.documents import (ComplaintDoc, FindingDoc, LedgerItemDoc,
                                               SanctionDoc)
from services.accountability.domain.complaints import link_finding, receive
from services.accountability.domain import (fix_on_the_spot, impose_sanction, open_item,
                                            record_finding)
from services.common import paging
from services.common.errors import DomainError

from .conftest import NOW

FINDING, _ = record_finding("f1", "o1", "late", "AUTOMATIC", NOW, case_id="c1",
                            rule="DECISION_PUBLISHED_LATE", trigger_event_ids=["e1"], dedupe="k")


GRADED, _ = record_finding("f2", "o1", "rude", "COMPLAINT", NOW, complaint_id="k1", graded={
    "fault_form": "INTENT", "harm": "NONE", "gravity": "MINOR"})
COMPLAINT = link_finding(receive("k1", {"agency": "CULTURE", "description": "rude",
                                        "complainant": "李四", "contact": "1380000"},
                                 "PUBLIC", NOW)[0], "f2", "o1")[0]


@pytest.mark.parametrize("doc_cls,obj", [
    (FindingDoc, FINDING), (FindingDoc, GRADED), (ComplaintDoc, COMPLAINT),
    (SanctionDoc, impose_sanction("s2", "f2", "OFF_POST_TRAINING", {"f2": GRADED}, NOW,
                                  reason="harm repaired")[0]),
    (SanctionDoc, impose_sanction("s1", "f1", "OFF_POST_TRAINING", {"f1": FINDING}, NOW)[0]),
    (LedgerItemDoc, open_item("l1", "o1", "fix", NOW, finding_ids=["f1"])[0]),
    (LedgerItemDoc, fix_on_the_spot("l2", "o1", "fixed", NOW, ["photo"], rectified_by="a")[0]),
])
def test_every_model_round_trips_through_its_document(doc_cls, obj):
    doc = repo.to_doc(doc_cls, obj, version=3)
    doc.validate()
    assert repo.from_doc(doc) == obj
    if "version" in doc_cls._fields:
        assert doc.version == 3


def test_cursor_round_trip_and_garbage():
    # findings page newest first, keyed by (recorded_at, id): services.common.paging.keyed
    kind, sort = "recorded_at+_id", [("recorded_at", -1), ("_id", -1)]
    cursor = paging.encode(kind, [NOW, "f9"])
    assert paging._beyond(sort, paging.decode(cursor, kind)) == {"$or": [
        {"recorded_at": {"$lt": NOW}}, {"recorded_at": NOW, "_id": {"$lt": "f9"}}]}
    for bad in ("bogus", "W10=", "", paging.encode("seq", 3)):
        with pytest.raises(DomainError) as err:
            paging.decode(bad, kind)
        assert err.value.code == "INVALID_INPUT"


def test_filters_take_known_names_and_plain_values_only():
    assert queries._filters({"officer_id": "o1", "rule": None}, queries.FINDING_FILTERS) == {
        "officer_id": "o1"}
    for bad in ({"officer_id": {"$ne": None}}, {"$where": "1"}, {"source": "GOSSIP"}):
        with pytest.raises(DomainError):
            queries._filters(bad, queries.FINDING_FILTERS)


def test_period_needs_ordered_iso_days():
    for start, end in (("2026-02-01", "2026-01-01"), ("2026-13-01", "2026-12-31"),
                       ("2020-01-01", "2026-12-31")):
        with pytest.raises(DomainError) as err:
            queries.period_counts(start, end)
        assert err.value.code == "INVALID_INPUT"
