"""Freezing a draw's inputs from what the other contexts answer.

Directories arrive as one columnar snapshot per agency (of the draw's domains), the
roster as the officers qualified per domain plus each officer's answer over the whole
inspection window, and recusals as {officer_id, entity_id, reason}. Only what can affect the draw is kept, so
the published document stays small and its hash covers exactly the inputs used.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from services.common.errors import InvalidInput
from services.draws.domain.scope import Scope
from services.draws.domain.snapshots import DirectorySnapshot, RosterSnapshot

COLUMNS = ("entity_id", "agency", "category", "tier", "flagged")


def merge_directories(scope: Scope, parts: Mapping[str, dict]) -> DirectorySnapshot:
    """One snapshot from each agency's columns (of the draw's domains). Rows of another
    agency or repeated ids are refused: they would make the draw unfair."""
    merged = {c: [] for c in COLUMNS}
    for agency in scope.agencies:
        part = parts.get(agency) or {}
        if any(not isinstance(part.get(c), list) for c in COLUMNS) or len(
                {len(part[c]) for c in COLUMNS}) > 1:
            raise InvalidInput(f"the {agency} directory snapshot is malformed")
        if any(a != agency for a in part["agency"]):
            raise InvalidInput(f"the {agency} directory snapshot holds another agency's rows")
        for c in COLUMNS:
            merged[c].extend(part[c])
    if len(set(merged["entity_id"])) != len(merged["entity_id"]):
        raise InvalidInput("directory snapshots repeat an entity id")
    return DirectorySnapshot.from_columns(*(merged[c] for c in COLUMNS))


def qualified_officers(scope: Scope, rosters: Mapping[str, Iterable[Mapping]],
                       window_ok: set[str]) -> dict[str, str]:
    """officer id -> agency: of the agency of each draw domain, qualified for every one of
    the agency's domains (so any of its entities can be theirs) for the whole window."""
    officers = {}
    for agency in scope.agencies:
        sets = [{r["officer_id"] for r in rosters.get(d, ()) if r.get("agency") == agency}
                for d in scope.domains_of(agency)]
        for officer in set.intersection(*sets) if sets else set():
            if officer in window_ok:
                officers[officer] = agency
    return officers


def _triple(recusal) -> tuple[str, str, str]:
    if isinstance(recusal, Mapping):
        return recusal["officer_id"], recusal["entity_id"], recusal["reason"]
    officer, entity, reason = recusal
    return officer, entity, reason


def build_roster(officers: Mapping[str, str], recusals: Iterable, entity_ids) -> RosterSnapshot:
    """Recusals ({officer_id, entity_id, reason} or triples) are kept only where both the
    officer and the entity are in the draw."""
    entities = set(entity_ids)
    kept = [(o, e, r) for o, e, r in map(_triple, recusals) if o in officers and e in entities]
    ids = sorted(officers)
    return RosterSnapshot.build(ids, [officers[i] for i in ids], kept)
