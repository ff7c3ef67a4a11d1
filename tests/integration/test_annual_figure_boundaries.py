"""Every annual figure at its year boundary: a record at 31 December 23:59 (Asia/Shanghai)
counts for that year only, one at 1 January 00:00 for the next only. Records are built by
each context's own model and stored as its repository stores them; the figures are the
services' own functions over a real MongoDB-wire server."""
import datetime as dt

import pytest

from services.bus.store import connect
from services.common.clock import LOCAL_TZ

pytestmark = pytest.mark.integration
LAST = dt.datetime(2023, 12, 31, 23, 59, tzinfo=LOCAL_TZ)
FIRST = dt.datetime(2024, 1, 1, 0, 0, tzinfo=LOCAL_TZ)


@pytest.fixture
def db(mongo_uri, db_prefix, clean_db):
    for alias in ("culture", "draws", "operations", "accountability"):
        connect(alias, mongo_uri, f"{db_prefix}_{alias}")


def both_years(figures, name):
    """(2023's, 2024's) value of one figure, with one record either side of midnight."""
    return figures(2023)[name], figures(2024)[name]


# ---------------------------------------------------------------- enforcement
def _case(case_id: str, moment: dt.datetime, figure: str) -> dict:
    """A stored culture case whose step counted by `figure` happened at `moment`."""
    from services.enforcement.domain import case_model as m
    from services.common.clock import as_stored
    from tests.unit.enforcement.builders import MAJOR, advance_to, new_case, penalty

    outcome = {"first_violation_waivers": "NO_PENALTY_FIRST_VIOLATION",
               "administrative_guidance_cases": "ADMINISTRATIVE_GUIDANCE",
               "mediation_cases": "MEDIATION"}.get(figure)
    case = new_case(case_id=case_id, complex=True)
    if outcome:
        advance_to(case, m.SERVED, draft=m.DecisionDraft(
            outcome, "NETCAFE_NO_ID_CHECK", first_violation=True, minor_harm=True,
            corrected_in_time=True), review="APPROVED")
    else:
        advance_to(case, m.CLOSED, draft=penalty(**MAJOR), review="APPROVED")
    doc = case.to_dict()
    when = as_stored(moment)
    path = {"legally_reviewed_cases": ("legal_reviews", 0, "reviewed_at"),
            "major_cases_filed_with_justice": ("justice_filing", "filed_at"),
            "decisions_published": ("publication", "published_at"),
            "decisions_published_late": ("publication", "published_at")}.get(
        figure, ("decision", "decided_at"))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = when
    if doc.get("publication"):
        doc["publication"]["late"] = figure == "decisions_published_late"
    return doc


ENFORCEMENT = ["legally_reviewed_cases", "major_cases_filed_with_justice",
               "decisions_published", "decisions_published_late", "first_violation_waivers",
               "administrative_guidance_cases", "mediation_cases", "inspections_recorded"]


@pytest.mark.parametrize("figure", ENFORCEMENT)
def test_enforcement_figure_at_the_year_boundary(db, figure):
    from services.enforcement import documents, figures
    from services.enforcement.domain.inspections import record_inspection
    from services.enforcement.repository import head
    from tests.unit.enforcement.builders import cafe, team

    docs = documents.bind("culture")
    for n, moment in enumerate((LAST, FIRST)):
        if figure == "inspections_recorded":
            inspection, _ = record_inspection(f"i{n}", cafe(), team(), moment)
            docs.Inspection(**inspection.to_dict(), record_head=head(inspection.record)).save()
        else:
            case = _case(f"c{n}", moment, figure)
            docs.Case(**case, record_head="h", version=1).save()
    assert both_years(lambda y: figures.annual_figures(docs, "CULTURE", y), figure) == (1, 1)


def test_a_major_decision_counts_with_the_justice_bureau_only_once_filed(db):
    from services.enforcement import documents, figures

    docs = documents.bind("culture")
    unfiled = _case("c9", LAST, "major_cases_filed_with_justice")
    unfiled["justice_filing"] = None
    docs.Case(**unfiled, record_head="h", version=1).save()
    assert figures.annual_figures(docs, "CULTURE", 2023)["major_cases_filed_with_justice"] == 0


def test_delegated_powers_count_those_in_force_on_31_december(db):
    """权力下放: a power ending on 31 December counts for that year, one starting on 1 January
    for the next only; one power held by two townships counts once."""
    from services.enforcement import documents, figures
    from services.enforcement.domain import bodies

    docs = documents.bind("culture")
    for pid, body, code, first, last in (
            ("p1", "b1", "NETCAFE_ADMITS_MINORS", LAST.date(), None),
            ("p2", "b2", "NETCAFE_ADMITS_MINORS", LAST.date(), None),
            ("p3", "b1", "VENUE_OUTSIDE_HOURS", dt.date(2023, 3, 1), LAST.date()),
            ("p4", "b1", "PIRATED_PUBLICATIONS", FIRST.date(), None)):
        power = bodies.Power(id=pid, body_id=body, agency="CULTURE", violation_code=code,
                             effective_from=first, effective_until=last,
                             delegated_from="CULTURE", document_no="15号", granted_at=LAST)
        record = power.to_dict()
        docs.Power(**{k: v for k, v in record.items()}).save()
    assert both_years(lambda y: figures.annual_figures(docs, "CULTURE", y),
                      "delegated_powers") == (2, 2)
    assert figures.annual_figures(docs, "TRANSPORT", 2023)["delegated_powers"] == 0


# ---------------------------------------------------------------- draws
DRAWS = ["draw_batches", "draws", "inspectors_drawn", "entities_drawn",
         "cross_department_draws"]


@pytest.mark.parametrize("figure", DRAWS)
def test_draw_figure_at_the_year_boundary(db, figure):
    from services.draws import plans, repository
    from services.draws.domain.lifecycle import REVEALED, DrawRecord
    from services.draws.domain.rules import RuleSet
    from services.draws.domain.scope import Scope

    for n, moment in enumerate((LAST, FIRST)):
        scope = Scope("JOINT_OPERATION", ("CULTURE", "TRANSPORT"), ("TOURISM", "ROAD_TRANSPORT"),
                      moment.date(), moment.date(), "op")
        rules = RuleSet.build({"LOW": 1, "MEDIUM": 1, "HIGH": 1}, min_inspectors=3, joint=True)
        record = DrawRecord(f"d{n}", "t", scope, rules, "p", moment, status=REVEALED,
                            revealed_at=moment, entity_count=5, inspector_count=4,
                            plan_id=f"plan{n}")
        repository.to_doc(record).save()
    want = {"inspectors_drawn": 15, "entities_drawn": 5}.get(figure, 1)
    assert both_years(lambda y: plans.annual_figures(y, "CULTURE"), figure) == (want, want)


# ---------------------------------------------------------------- operations
def test_joint_operations_at_the_year_boundary(db):
    from services.operations import documents, figures
    from services.operations.domain.lifecycle import plan_operation

    for n, moment in enumerate((LAST, FIRST)):
        op, _ = plan_operation(f"JO-{n}", "联合检查", "", "TRANSPORT", ["TRANSPORT", "CULTURE"],
                               moment, moment + dt.timedelta(days=3), moment)
        op.status = "COMPLETED"
        documents.to_document(op, 1).save()
    assert both_years(lambda y: figures.annual_figures(y, "CULTURE"),
                      "joint_operations") == (1, 1)


# ---------------------------------------------------------------- accountability
class Certification:
    """The one question accountability asks certification here: each officer's agency."""

    def get_officers(self, ids):
        return [{"officer_id": i, "agency": "CULTURE"} for i in ids]


def test_findings_sanctions_and_activities_at_the_year_boundary(db):
    from services.accountability import activities, repository
    from services.accountability.documents import ActivityDoc, FindingDoc, SanctionDoc
    from services.accountability.domain import record_finding
    from services.accountability.domain.activities import record_activity
    from services.accountability.domain.sanctions import Sanction

    for n, moment in enumerate((LAST, FIRST)):
        finding, _ = record_finding(f"f{n}", "o1", "逾期公示", "AUDIT", moment)
        repository.to_doc(FindingDoc, finding).save()
        repository.to_doc(SanctionDoc, Sanction(f"s{n}", f"f{n}", "o1", "CRITICISM_EDUCATION",
                                                moment, moment)).save()
        activity, _ = record_activity(f"a{n}", "TRAINING", "CULTURE", "培训", moment.date(), 2,
                                      "u", moment + dt.timedelta(days=1))
        ActivityDoc(id=activity.activity_id, kind="TRAINING", agency="CULTURE", title="培训",
                    held_on=activity.held_on.isoformat(), quantity=2, recorded_by="u",
                    recorded_at=activity.recorded_at).save()

    def figures(year):
        got = activities.annual_figures(Certification(), year, "CULTURE")
        return {"findings": got["findings"],
                "sanctions": {s["measure"]: s["count"] for s in got["sanctions"]}[
                    "CRITICISM_EDUCATION"],
                "activities": {a["kind"]: a["count"] for a in got["activities"]}["TRAINING"]}
    for name, want in (("findings", 1), ("sanctions", 1), ("activities", 2)):
        assert both_years(figures, name) == (want, want), name
    assert activities.annual_figures(Certification(), 2023, "TRANSPORT")["findings"] == 0
