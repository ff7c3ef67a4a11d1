import datetime as dt

from services.enforcement.domain import case_model as m
from services.enforcement.domain.inspections import record_inspection
from services.common.clock import as_stored
from services.enforcement.domain.statistics import compute_statistics, statistics_pipeline

from .builders import MAJOR, UTC, advance_to, cafe, new_case, penalty, team

YEAR = (dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2027, 1, 1, tzinfo=UTC))


def test_pipeline_shape():
    pipeline = statistics_pipeline("CULTURE", *YEAR)
    stages = [next(iter(stage)) for stage in pipeline]
    assert stages == ["$match", "$project", "$unionWith", "$facet", "$project", "$addFields"]
    assert pipeline[0] == {"$match": {"agency": "CULTURE"}}
    assert pipeline[2]["$unionWith"]["coll"] == "inspections"
    facets = pipeline[3]["$facet"]
    assert facets["published_late"][0]["$match"]["publication.late"] is True
    # instants are stored as BSON dates: the period is a date range
    assert facets["cases_filed"][0]["$match"]["filed_at"] == {"$gte": YEAR[0], "$lt": YEAR[1]}


def _cases():
    normal, major, waiver, guidance = (new_case(case_id=f"c{i}") for i in range(4))
    advance_to(normal, m.CLOSED)
    advance_to(major, m.PUBLISHED, draft=penalty(**MAJOR), review="APPROVED")
    major.publication.late = True
    advance_to(waiver, m.DECIDED, draft=m.DecisionDraft(
        "NO_PENALTY_FIRST_VIOLATION", "NETCAFE_NO_ID_CHECK", first_violation=True,
        minor_harm=True, corrected_in_time=True))
    advance_to(guidance, m.SERVED, draft=m.DecisionDraft("ADMINISTRATIVE_GUIDANCE"))
    undecided = new_case(case_id="c9")
    return [c.to_dict() for c in (normal, major, waiver, guidance, undecided)]


def test_reference_statistics():
    inspection, _ = record_inspection("i1", cafe(), team(), YEAR[0] + dt.timedelta(days=3))
    old, _ = record_inspection("i0", cafe(), team(), YEAR[0] - dt.timedelta(days=3))
    other = {**_cases()[0], "agency": "TRANSPORT"}
    figures = compute_statistics(_cases() + [other], [inspection.to_dict(), old.to_dict()],
                                 "CULTURE", *YEAR)
    assert figures == {
        "inspections": 1, "cases_filed": 5, "decided": 4, "legally_reviewed": 1,
        "major_filed_with_justice": 1, "published_in_time": 1, "published_late": 1,
        "by_outcome": {"PENALTY": 2, "NO_PENALTY_FIRST_VIOLATION": 1,
                       "ADMINISTRATIVE_GUIDANCE": 1},
        "first_violation_waivers": 1, "guidance": 1, "mediation": 0}
    assert compute_statistics(_cases(), [], "CULTURE", YEAR[1],
                              YEAR[1] + dt.timedelta(days=1))["cases_filed"] == 0


def test_major_filed_with_justice_counts_recorded_filings_in_the_period():
    decided, filed = (new_case(case_id=f"m{i}") for i in range(2))
    advance_to(decided, m.DECIDED, draft=penalty(**MAJOR), review="APPROVED")
    advance_to(filed, m.CLOSED, draft=penalty(**MAJOR), review="APPROVED")
    cases = [decided.to_dict(), filed.to_dict()]
    figures = compute_statistics(cases, [], "CULTURE", *YEAR)
    assert figures["decided"] == 2 and figures["major_filed_with_justice"] == 1
    later = (YEAR[1], YEAR[1] + dt.timedelta(days=365))
    assert compute_statistics(cases, [], "CULTURE", *later)["major_filed_with_justice"] == 0


def test_legally_reviewed_counts_any_approved_review_in_the_period_each_case_once():
    """法制审核: a case with an approved review at any stage in the period counts once,
    decided or not; the review's moment decides the year (Asia/Shanghai midnight)."""
    sh = dt.timezone(dt.timedelta(hours=8))
    last = dt.datetime(2026, 12, 31, 23, 59, tzinfo=sh)
    first = dt.datetime(2027, 1, 1, 0, 0, tzinfo=sh)
    year_2026 = (dt.datetime(2026, 1, 1, tzinfo=sh), dt.datetime(2027, 1, 1, tzinfo=sh))
    year_2027 = (year_2026[1], dt.datetime(2028, 1, 1, tzinfo=sh))

    def reviewed(case_id, *reviews):
        case = new_case(case_id=case_id).to_dict()
        case["legal_reviews"] = [{"stage": stage, "outcome": outcome, "reviewed_at": when and as_stored(when),
                                  "submitted_at": as_stored(last)} for stage, outcome, when in reviews]
        return case
    cases = [reviewed("filing-only", ("FILING", "APPROVED", last)),        # never decided
             reviewed("two-stages", ("FILING", "APPROVED", last - dt.timedelta(days=1)),
                      ("INVESTIGATION_END", "APPROVED", last)),            # counted once
             reviewed("next-year", ("FILING", "APPROVED", first)),
             reviewed("rejected", ("FILING", "REJECTED", last)),
             reviewed("pending", ("FILING", None, None))]
    assert compute_statistics(cases, [], "CULTURE", *year_2026)["legally_reviewed"] == 2
    assert compute_statistics(cases, [], "CULTURE", *year_2027)["legally_reviewed"] == 1
