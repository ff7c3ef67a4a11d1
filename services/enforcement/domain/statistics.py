"""Yearly figures (the annual report's numbers) as a MongoDB aggregation pipeline.

The pipeline is data: the service runs it on the cases collection (documents shaped as
`Case.to_dict()`, inspections as `Inspection.to_dict()`). `compute_statistics` is the
same computation over plain dicts, the reference the unit tests check.
"""
from __future__ import annotations

import datetime as dt

from services.common.clock import as_stored

COUNTERS = ("inspections", "cases_filed", "decided", "legally_reviewed",
            "major_filed_with_justice", "published_in_time", "published_late")
# outcome -> the report's name for it
OUTCOME_FIGURES = {"NO_PENALTY_FIRST_VIOLATION": "first_violation_waivers",
                   "ADMINISTRATIVE_GUIDANCE": "guidance", "MEDIATION": "mediation"}


def _period(start, end, bound):
    lo, hi = bound(start), bound(end)
    return lambda path: {path: {"$gte": lo, "$lt": hi}}


def _facets(within) -> dict:
    """Counter name -> the $match selecting what it counts (all within the period)."""
    case, decided = {"_kind": "case"}, {"_kind": "case", **within("decision.decided_at")}
    published = {**case, **within("publication.published_at")}
    return {
        "inspections": {"_kind": "inspection"},
        "cases_filed": {**case, **within("filed_at")},
        "decided": decided,
        # 法制审核: cases with an approved review at any stage (filing, end of investigation,
        # decision, closing) in the period, each case once, decided or not (the annual
        # report's figure; see services/enforcement/figures.py)
        "legally_reviewed": {**case, "legal_reviews": {"$elemMatch": {
            "outcome": "APPROVED", **within("reviewed_at")}}},
        # recorded filings with the justice bureau in the period, not decisions that need one
        "major_filed_with_justice": {**case, **within("justice_filing.filed_at")},
        "published_in_time": {**published, "publication.late": False},
        "published_late": {**published, "publication.late": True},
    }


def statistics_pipeline(agency: str, start: dt.datetime, end: dt.datetime,
                        inspections: str = "inspections", bound=as_stored) -> list[dict]:
    """Pipeline over the cases collection for [start, end). `bound` renders the period
    ends as stored (BSON dates)."""
    within = _period(start, end, bound)
    facets = {name: [{"$match": match}, {"$count": "n"}]
              for name, match in _facets(within).items()}
    facets["by_outcome"] = [{"$match": _facets(within)["decided"]},
                            {"$group": {"_id": "$decision.draft.outcome", "n": {"$sum": 1}}}]
    # `$let` over the first element rather than the path `$name.n`: some MongoDB-wire
    # servers (SecantusDB) do not traverse arrays of documents in field paths.
    counted = {name: {"$ifNull": [{"$let": {"vars": {"f": {"$arrayElemAt": [f"${name}", 0]}},
                                            "in": "$$f.n"}}, 0]}
               for name in COUNTERS}
    outcomes = {"$arrayToObject": {"$map": {"input": "$by_outcome", "as": "o",
                                            "in": {"k": "$$o._id", "v": "$$o.n"}}}}
    return [
        {"$match": {"agency": agency}},
        {"$project": {"_kind": {"$literal": "case"}, "filed_at": 1, "decision": 1,
                      "publication": 1, "justice_filing": 1,
                      "legal_reviews": 1}},
        {"$unionWith": {"coll": inspections, "pipeline": [
            {"$match": {"agency": agency, **within("performed_at")}},
            {"$project": {"_kind": {"$literal": "inspection"}}}]}},
        {"$facet": facets},
        {"$project": {**counted, "by_outcome": outcomes}},
        {"$addFields": {figure: {"$ifNull": [f"$by_outcome.{outcome}", 0]}
                        for outcome, figure in OUTCOME_FIGURES.items()}},
    ]


def _get(doc: dict, path: str):
    for part in path.split("."):
        doc = doc.get(part) if isinstance(doc, dict) else None
    return doc


def _matches(doc: dict, match: dict) -> bool:
    for path, want in match.items():
        value = _get(doc, path)
        if isinstance(want, dict) and "$elemMatch" in want:
            if not any(isinstance(v, dict) and _matches(v, want["$elemMatch"])
                       for v in value or []):
                return False
        elif isinstance(want, dict):
            if value is None or not want["$gte"] <= value < want["$lt"]:
                return False
        elif value != want:
            return False
    return True


def compute_statistics(cases, inspections, agency: str, start: dt.datetime,
                       end: dt.datetime, bound=as_stored) -> dict:
    """What `statistics_pipeline` returns, computed in Python over plain dicts."""
    within = _period(start, end, bound)
    docs = [{**c, "_kind": "case"} for c in cases if c.get("agency") == agency]
    docs += [{"_kind": "inspection"} for i in inspections
             if _matches(i, {"agency": agency, **within("performed_at")})]
    facets = _facets(within)
    result = {name: sum(_matches(d, facets[name]) for d in docs) for name in COUNTERS}
    by_outcome: dict[str, int] = {}
    for doc in docs:
        if _matches(doc, facets["decided"]):
            outcome = _get(doc, "decision.draft.outcome")
            by_outcome[outcome] = by_outcome.get(outcome, 0) + 1
    result["by_outcome"] = by_outcome
    result.update({figure: by_outcome.get(outcome, 0)
                   for outcome, figure in OUTCOME_FIGURES.items()})
    return result
