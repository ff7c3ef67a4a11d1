"""What the draws service answers over RPC (JSON: dates and times as ISO strings)."""
from __future__ import annotations

import datetime as dt

from services.common.clock import local_date, utcnow
from services.draws.domain.lifecycle import REVEALED, DrawRecord


def _iso(value):
    return None if value is None else value.isoformat()


def draw(record: DrawRecord, today: dt.date | None = None) -> dict:
    today = today or local_date(utcnow())
    scope = record.scope
    late = record.results_published_on or (today if record.status == REVEALED else None)
    return {
        "id": record.id, "title": record.title, "kind": scope.kind, "status": record.status,
        "operation_id": scope.operation_id, "plan_id": record.plan_id,
        "agencies": list(scope.agencies),
        "domains": list(scope.domains), "inspection_date": _iso(scope.inspection_date),
        "inspections_end": _iso(scope.inspections_end), "rules": record.rules.to_dict(),
        "created_by": record.created_by, "created_at": _iso(record.created_at),
        "seed_commitment": record.seed_commitment, "committed_at": _iso(record.committed_at),
        "seed": record.seed, "revealed_at": _iso(record.revealed_at),
        "hashes": dict(record.hashes) or None, "entity_count": record.entity_count,
        "inspector_count": record.inspector_count,
        "results_due_workdays": record.results_due_workdays,
        "results_due": _iso(record.results_due),
        "results_published_on": _iso(record.results_published_on),
        "results_overdue": bool(late and late > record.results_due),
    }


def check_result(row) -> dict:
    return {"entity_id": row.entity_id, "agency": row.agency, "inspection_id": row.inspection_id,
            "performed_at": row.performed_at, "violation_found": row.violation_found,
            "inspector_ids": list(row.inspector_ids)}


def assignment(row) -> dict:
    return {"seq": row.seq, "entity_id": row.entity_id, "agency": row.agency,
            "category": row.category, "tier": row.tier, "flagged": bool(row.flagged),
            "inspector_ids": list(row.inspector_ids),
            "result": check_result(row) if row.inspection_id else None}


def plan(record, figures: dict) -> dict:
    return {"id": record.id, "title": record.title, "agency": record.agency,
            "year": record.year, "created_by": record.created_by,
            "created_at": _iso(record.created_at), **figures}
