"""The two-officer rule (APL art. 42) and recusal (art. 43), as one pure check.

The service asks the certification context whether each officer is qualified for the
domain at the moment of the action and passes the answers in; this module only judges.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from services.common.errors import DomainError

MIN_OFFICERS = 2
FIELD = ["input", "officerIds"]


def _answer(value) -> tuple[bool, list[str]]:
    """Accept (qualified, reasons) tuples or the GraphQL-shaped dict."""
    if isinstance(value, Mapping):
        return bool(value.get("qualified")), list(value.get("reasons") or [])
    qualified, reasons = value
    return bool(qualified), list(reasons or [])


@dataclass(frozen=True)
class Team:
    officer_ids: tuple[str, ...]
    # officer_id -> (qualified, reasons) for the action's domain and moment
    qualifications: Mapping[str, object] = field(default_factory=dict)
    # officer_id -> declared conflict of interest with the entity concerned
    conflicts: Mapping[str, str] = field(default_factory=dict)


def check_team(officer_ids, qualifications: Mapping, conflicts: Mapping | None = None
               ) -> list[str]:
    """Distinct officer ids (order kept) if they may act together; else DomainError.

    An officer without an answer counts as unqualified: a missing check must not pass.
    """
    ids = list(dict.fromkeys(str(i) for i in officer_ids))
    if len(ids) < MIN_OFFICERS:
        raise DomainError("TOO_FEW_OFFICERS",
                          f"at least {MIN_OFFICERS} distinct officers must act, got {len(ids)}",
                          FIELD, officer_ids=ids)
    failing = {}
    for officer in ids:
        qualified, reasons = _answer(qualifications.get(officer, (False, ["NOT_CHECKED"])))
        if not qualified:
            failing[officer] = reasons
    if failing:
        named = "; ".join(f"{o}: {', '.join(r) or 'not qualified'}" for o, r in failing.items())
        raise DomainError("OFFICER_NOT_QUALIFIED", f"officers not qualified: {named}",
                          FIELD, officers=failing)
    conflicted = {o: conflicts[o] for o in ids if conflicts and o in conflicts}
    if conflicted:
        named = "; ".join(f"{o}: {why}" for o, why in conflicted.items())
        raise DomainError("CONFLICT_OF_INTEREST", f"officers must recuse: {named}",
                          FIELD, officers=conflicted)
    return ids


def check(team: Team) -> list[str]:
    return check_team(team.officer_ids, team.qualifications, team.conflicts)
