"""Draw plans (抽查批次): the report's batches, e.g. "2023年第3批", each grouping the draws
of one inspection plan. Not to be confused with DrawKind AGENCY_BATCH, which says a draw is
one agency's own (as opposed to a joint operation's); a plan may hold both kinds.

A plan belongs to one agency: a draw joins it only if that agency takes part in the draw.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping

from services.common.clock import check_year
from services.common.errors import DomainError, InvalidInput
from services.draws.domain.lifecycle import MANAGERS, REVEALED, RESULTS_PUBLISHED
from services.contracts.vocabulary import MAX_TITLE
from services.draws.domain.scope import DOMAIN_AGENCY


@dataclass(frozen=True)
class DrawPlan:
    id: str
    title: str
    agency: str
    year: int
    created_by: str
    created_at: dt.datetime


def create_plan(plan_id: str, title, agency, year, actor: dict | None,
                now: dt.datetime) -> DrawPlan:
    actor = actor or {}
    if not set(actor.get("roles") or ()).intersection(MANAGERS):
        raise DomainError("FORBIDDEN", "only a planner makes draw plans")
    if agency not in set(DOMAIN_AGENCY.values()):
        raise InvalidInput(f"unknown agency {agency!r}", ["input", "agency"])
    if actor.get("agency") and actor["agency"] != agency:
        raise DomainError("FORBIDDEN", f"a {actor['agency']} planner cannot plan for {agency}",
                          ["input", "agency"])
    title = title.strip() if isinstance(title, str) else ""
    if not 0 < len(title) <= MAX_TITLE:
        raise InvalidInput(f"a plan needs a title of at most {MAX_TITLE} characters",
                           ["input", "title"])
    try:
        year = check_year(year)
    except DomainError:
        raise InvalidInput("year must be a whole number from 2000 to 2100",
                           ["input", "year"]) from None
    return DrawPlan(plan_id, title, agency, year, actor.get("sub") or "?", now)


def check_joins(plan: DrawPlan, agencies: Iterable[str]) -> None:
    """A draw may join the plan only when the plan's agency takes part in it."""
    if plan.agency not in agencies:
        raise DomainError("PLAN_AGENCY_MISMATCH", f"plan {plan.id} is {plan.agency}'s; this "
                          f"draw is {', '.join(agencies)}'s", ["input", "planId"])


def inspector_times(draw: Mapping) -> int:
    """Inspector assignments (person-times) of a revealed draw: every drawn entity gets
    exactly the rule set's min_inspectors inspectors (the assignment is E x m)."""
    return (draw.get("entity_count") or 0) * int((draw.get("rules") or {}).get(
        "min_inspectors", 2))


def totals(draws: Iterable[Mapping]) -> dict:
    """Figures of a set of draws (stored draw documents, projected): how many, how many
    revealed, entity-times and inspector-times of the revealed ones."""
    draws = list(draws)
    shown = [d for d in draws if d.get("status") in (REVEALED, RESULTS_PUBLISHED)]
    return {"draws": len(draws), "revealed_draws": len(shown),
            "entities_drawn": sum(d.get("entity_count") or 0 for d in shown),
            "inspectors_drawn": sum(inspector_times(d) for d in shown)}
