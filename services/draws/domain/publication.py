"""The published-draw document and the results-publication deadline."""
from __future__ import annotations

import datetime as dt

from services.common.workdays import add_workdays
from services.draws.domain.commitment import commit_seed
from services.draws.domain.draw import Draw
from services.draws.domain.rules import RuleSet
from services.draws.domain.snapshots import DirectorySnapshot, RosterSnapshot

FORMAT = "jointops.published-draw.v1"
RESULTS_DUE_WORKDAYS = 20  # default; the rule is configurable


def published_document(draw_id: str, draw: Draw, directory: DirectorySnapshot,
                       roster: RosterSnapshot, rules: RuleSet, seed: str,
                       inspection_date: dt.date | None = None) -> dict:
    """Everything a third party needs to re-run the draw (JSON-serialisable)."""
    return {
        "format": FORMAT,
        "draw_id": draw_id,
        "inspection_date": inspection_date.isoformat() if inspection_date else None,
        "seed_commitment": commit_seed(seed),
        "seed": seed,
        "rules": rules.to_dict(),
        "directory": directory.to_dict(),
        "roster": roster.to_dict(),
        "hashes": {"directory": draw.directory_hash, "roster": draw.roster_hash,
                   "rules": draw.rules_hash, "result": draw.result_hash},
        "result": {"entity_count": draw.entity_count,
                   "inspector_count": draw.inspector_count,
                   "assignments": [{"entity_id": e, "inspectors": list(i)}
                                   for e, i in draw.assignments]},
    }


def results_due_date(inspections_end: dt.date, workdays: int = RESULTS_DUE_WORKDAYS) -> dt.date:
    """Results must be published within `workdays` working days after the inspections."""
    return add_workdays(inspections_end, workdays)


def is_results_overdue(inspections_end: dt.date, today: dt.date,
                       published_on: dt.date | None = None,
                       workdays: int = RESULTS_DUE_WORKDAYS) -> bool:
    """Unpublished after the due date, or published late."""
    due = results_due_date(inspections_end, workdays)
    return (published_on or today) > due
