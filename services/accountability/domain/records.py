"""An officer's accountability record, and period counts (pipeline + reference)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Iterable

from services.common.clock import parse_instant
from services.accountability.domain.findings import SOURCES, Finding
from services.accountability.domain.ledger import STATUSES, LedgerItem
from services.accountability.domain.sanctions import MEASURES, Sanction

# Config knob: collection names the pipeline reads (documents store to_dict field names,
# times as BSON dates).
COLLECTIONS = {"findings": "accountability_findings", "sanctions": "accountability_sanctions",
               "ledger": "accountability_ledger_items"}
# (facet name, collection key, time field that places a record in a period, grouped field)
_FACETS = (("findings_by_source", "findings", "recorded_at", "source"),
           ("sanctions_by_measure", "sanctions", "effective_at", "measure"),
           ("ledger_items_by_status", "ledger", "opened_at", "status"))
_KEYS = {"findings_by_source": SOURCES, "sanctions_by_measure": MEASURES,
         "ledger_items_by_status": STATUSES}


def officer_record(officer_id: str, findings: Iterable[Finding], sanctions: Iterable[Sanction],
                   items: Iterable[LedgerItem]) -> dict:
    """Findings and sanctions naming the officer, and ledger items the officer owns or
    that rectify one of the officer's findings; each list oldest first."""
    mine = sorted((f for f in findings if f.officer_id == officer_id), key=lambda f: f.recorded_at)
    ids = {f.finding_id for f in mine}
    return {
        "officer_id": officer_id,
        "findings": [f.to_dict() for f in mine],
        "sanctions": [s.to_dict() for s in sorted(
            (s for s in sanctions if s.officer_id == officer_id), key=lambda s: s.effective_at)],
        "ledger_items": [i.to_dict() for i in sorted(
            (i for i in items if i.owner == officer_id or ids & set(i.finding_ids)),
            key=lambda i: i.opened_at)],
    }


def period_counts_pipeline(start: dt.datetime, end: dt.datetime) -> list[dict]:
    """Aggregation run on the findings collection; sanctions and ledger items join via
    $unionWith so one round trip answers all three. Period is [start, end).
    Output rows: {"facet": ..., "key": ..., "count": n}; see `counts_from_rows`."""
    def branch(facet: str, time_field: str, field: str) -> list[dict]:
        return [{"$match": {time_field: {"$gte": start, "$lt": end}}},
                {"$group": {"_id": f"${field}", "count": {"$sum": 1}}},
                {"$project": {"_id": 0, "facet": {"$literal": facet}, "key": "$_id",
                              "count": 1}}]
    first, *rest = _FACETS
    pipeline = branch(first[0], first[2], first[3])
    for facet, coll, time_field, field in rest:
        pipeline.append({"$unionWith": {"coll": COLLECTIONS[coll],
                                        "pipeline": branch(facet, time_field, field)}})
    return pipeline + [{"$sort": {"facet": 1, "key": 1}}]


def counts_from_rows(rows: Iterable[dict]) -> dict:
    """Shape pipeline rows like `period_counts` (every known key present, 0 if none)."""
    out = {facet: dict.fromkeys(keys, 0) for facet, keys in _KEYS.items()}
    for row in rows:
        out[row["facet"]][row["key"]] = row["count"]
    return out


def period_counts(findings: Iterable[Finding], sanctions: Iterable[Sanction],
                  items: Iterable[LedgerItem], start: dt.datetime, end: dt.datetime) -> dict:
    """Reference implementation of the pipeline over in-memory records."""
    start, end = parse_instant(start), parse_instant(end)
    sources = {"findings": findings, "sanctions": sanctions, "ledger": items}
    rows = []
    for facet, coll, time_field, field in _FACETS:
        counter = Counter(getattr(r, field) for r in sources[coll]
                          if start <= getattr(r, time_field) < end)
        rows += [{"facet": facet, "key": k, "count": n} for k, n in counter.items()]
    return counts_from_rows(rows)
