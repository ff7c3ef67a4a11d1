"""Payloads of the draws.* events (schemas in schemas/events/<type>.json)."""
from __future__ import annotations

import datetime as dt

from services.draws.domain.draw import Draw

DRAW_COMMITTED = "draws.draw_committed.v1"
DRAW_REVEALED = "draws.draw_revealed.v1"
RESULTS_PUBLISHED = "draws.results_published.v1"
RESULTS_PUBLICATION_OVERDUE = "draws.results_publication_overdue.v1"


def draw_committed(draw_id: str, seed_commitment: str, committed_at: dt.datetime) -> dict:
    return {"draw_id": draw_id, "seed_commitment": seed_commitment,
            "committed_at": committed_at.isoformat()}


def draw_revealed(draw_id: str, draw: Draw, seed: str) -> dict:
    return {"draw_id": draw_id, "result_hash": draw.result_hash,
            "entity_count": draw.entity_count, "inspector_count": draw.inspector_count,
            "seed": seed, "directory_hash": draw.directory_hash,
            "roster_hash": draw.roster_hash, "rules_hash": draw.rules_hash}


def results_published(draw_id: str, published_on: dt.date, due_date: dt.date,
                      checks_published: int) -> dict:
    return {"draw_id": draw_id, "published_on": published_on.isoformat(),
            "due_date": due_date.isoformat(), "checks_published": checks_published}


def results_publication_overdue(draw_id: str, inspections_end: dt.date,
                                due_date: dt.date) -> dict:
    return {"draw_id": draw_id, "inspections_end": inspections_end.isoformat(),
            "due_date": due_date.isoformat()}
