"""The draw: a pure function of (directory, roster, rules, seed).

`run_draw` is the single code path used both to make a draw and to verify one.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from services.draws.domain.assignment import initial_assignment
from services.draws.domain.canonical import digest, join_strings
from services.draws.domain.feasibility import check_capacity, check_recusals
from services.draws.domain.prng import Stream, draw_key
from services.draws.domain.repair import Repair
from services.draws.domain.rules import RuleSet
from services.draws.domain.sampling import select_entities
from services.draws.domain.snapshots import DirectorySnapshot, RosterSnapshot

Assignments = tuple[tuple[str, tuple[str, ...]], ...]


def result_hash(assignments: Assignments) -> str:
    """SHA-256 of "entity<TAB>insp,insp" lines, entities and inspectors sorted by id."""
    lines = [f"{e}\t{','.join(sorted(i))}" for e, i in sorted(assignments)]
    return digest(b"jointops.draw-result.v1", join_strings(lines, "result"))


@dataclass(frozen=True, eq=False)
class Draw:
    directory_hash: str
    roster_hash: str
    rules_hash: str
    assignments: Assignments  # sorted by entity id; each entity's inspectors sorted by id

    @property
    def entity_count(self) -> int:
        return len(self.assignments)

    @property
    def inspector_count(self) -> int:
        return len({i for _, insp in self.assignments for i in insp})

    @cached_property
    def result_hash(self) -> str:
        return result_hash(self.assignments)


def _recusal_pairs(roster: RosterSnapshot, sel_ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(row in the drawn list, inspector index) of recusals touching drawn entities."""
    row_of = {e: k for k, e in enumerate(sel_ids)}  # only drawn entities matter
    insp_index = {i: k for k, i in enumerate(roster.inspector_ids)}
    pairs = [(row_of[e], insp_index[i]) for i, e, _ in roster.recusals
             if e in row_of and i in insp_index]
    arr = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    return arr[:, 0], arr[:, 1]


def run_draw(directory: DirectorySnapshot, roster: RosterSnapshot, rules: RuleSet,
             seed: str) -> Draw:
    """Raises DomainError DRAW_INFEASIBLE (message names the constraint)."""
    key = draw_key(seed, directory.content_hash, roster.content_hash, rules.content_hash)
    selected = select_entities(directory, rules, key)
    # Agencies known to the roster first; directory-only agencies have no inspectors.
    names = list(roster.agencies) + [a for a in directory.agencies if a not in roster.agencies]
    to_code = np.array([names.index(a) for a in directory.agencies] or [0], dtype=np.int64)
    ent_agency = to_code[directory.agency_code[selected]]
    insp_agency = roster.agency_code.astype(np.int64)
    sel_ids = [directory.entity_ids[e] for e in selected.tolist()]
    m, n_insp = rules.min_inspectors, len(roster)
    check_capacity(ent_agency, insp_agency, names, m, rules.max_checks_per_inspector, rules.joint)
    rec_rows, rec_insp = _recusal_pairs(roster, sel_ids)
    check_recusals(rec_rows, rec_insp, ent_agency, insp_agency, names, sel_ids, m, rules.joint)
    mat, cls = initial_assignment(ent_agency, insp_agency, len(names), m, rules.joint,
                                  Stream(key, "inspectors"))
    pools = [np.flatnonzero(insp_agency == a) for a in range(len(names))]
    pools.append(np.arange(n_insp, dtype=np.int64))  # the joint, any-agency class
    rec_keys = np.unique(rec_rows * n_insp + rec_insp)
    mat = Repair(mat, cls, pools, rec_keys, n_insp, rules.max_checks_per_inspector,
                 Stream(key, "repair")).run(sel_ids)
    mat.sort(axis=1)  # roster ids are sorted, so index order is id order
    insp_ids = roster.inspector_ids
    assignments = tuple((e, tuple(insp_ids[i] for i in row))
                        for e, row in zip(sel_ids, mat.tolist()))
    return Draw(directory.content_hash, roster.content_hash, rules.content_hash, assignments)
