"""The annual report's enforcement figures of one agency and calendar year (Asia/Shanghai).

Each figure is one indexed `count_documents`: the embedded MongoDB-wire server answers
these in milliseconds where an aggregation over the same cases takes seconds. Instants are
stored as BSON dates, so a year is a date range.
"""
from __future__ import annotations

from services.common.clock import as_of_year_end, check_year, local_date, year_bounds
from services.enforcement import views
from services.enforcement.domain import bodies

# outcome -> the figure that counts decisions of it
OUTCOME_FIGURES = {"NO_PENALTY_FIRST_VIOLATION": "first_violation_waivers",
                   "ADMINISTRATIVE_GUIDANCE": "administrative_guidance_cases",
                   "MEDIATION": "mediation_cases"}


def selectors(agency: str, year: int) -> dict[str, tuple[str, dict]]:
    """figure -> (collection key, query) over the stored cases and inspections."""
    start, end = year_bounds(check_year(year))

    def within(path):
        return {"agency": agency, path: {"$gte": start, "$lt": end}}
    published = within("publication.published_at")
    out = {
        # each case once, however many reviews it had: one approved review in the year
        "legally_reviewed_cases": ("Case", {"agency": agency, "legal_reviews": {"$elemMatch": {
            "outcome": "APPROVED", "reviewed_at": {"$gte": start, "$lt": end}}}}),
        "major_cases_filed_with_justice": ("Case", within("justice_filing.filed_at")),
        "decisions_published": ("Case", {**published, "publication.late": False}),
        "decisions_published_late": ("Case", {**published, "publication.late": True}),
        "inspections_recorded": ("Inspection", within("performed_at")),
        # 典型案例: published decisions marked typical in the year
        "typical_cases_published": ("Case", within("typical.marked_at")),
    }
    for outcome, figure in OUTCOME_FIGURES.items():
        out[figure] = ("Case", {**within("decision.decided_at"),
                                "decision.draft.outcome": outcome})
    return out


def delegated_powers(docs, agency: str, year: int) -> int:
    """权力下放: powers delegated to the agency's township and sub-district bodies in force on
    31 December (DOMAIN.md: a state at the year's end, as certified officers are; today for
    the current year), each violation code once (domain.bodies.delegated_power_count).
    Every stored power is a delegated one: the agency's own come from its catalogue."""
    day = local_date(as_of_year_end(check_year(year)))
    found = docs.Power._get_collection().find(
        {"agency": agency, "effective_from": {"$lte": day.isoformat()}})
    return bodies.delegated_power_count(
        (bodies.Power.from_dict(views.plain(d)) for d in found), day)


def annual_figures(docs, agency: str, year: int) -> dict:
    """The figures of `agency` for `year`, one count per figure."""
    counted = {figure: getattr(docs, kind)._get_collection().count_documents(query)
               for figure, (kind, query) in selectors(agency, year).items()}
    return {"year": year, "agency": agency, **counted,
            "delegated_powers": delegated_powers(docs, agency, year)}
