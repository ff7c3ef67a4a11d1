"""A draw's life: created with its rules, seed committed, inputs frozen and seed revealed,
inspection results published. Each step returns the new record and its events.

The seed is passed in by the service (made with `secrets`) and kept off the record until
the reveal: the record is what everyone with access may read.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from services.contracts.vocabulary import DRAW_STATUSES
from services.common.errors import DomainError
from services.draws.domain import events
from services.draws.domain.commitment import check_reveal, commit_seed
from services.draws.domain.draw import Draw, run_draw
from services.draws.domain.publication import RESULTS_DUE_WORKDAYS, results_due_date
from services.draws.domain.rules import RuleSet
from services.draws.domain.scope import Scope
from services.draws.domain.snapshots import DirectorySnapshot, RosterSnapshot

CREATED, COMMITTED, REVEALED, RESULTS_PUBLISHED = DRAW_STATUSES
MANAGERS = ("planner",)
TIERS = ("LOW", "MEDIUM", "HIGH")
MIN_INSPECTORS = 2  # directory risk levels; FLAGGED is drawn at its own rate


@dataclass(frozen=True)
class DrawRecord:
    id: str
    title: str
    scope: Scope
    rules: RuleSet
    created_by: str
    created_at: dt.datetime
    results_due_workdays: int = RESULTS_DUE_WORKDAYS
    status: str = CREATED
    seed_commitment: str | None = None
    seed: str | None = None  # set only by the reveal, when it becomes public
    committed_at: dt.datetime | None = None
    revealed_at: dt.datetime | None = None
    hashes: dict = field(default_factory=dict)
    entity_count: int | None = None
    inspector_count: int | None = None
    results_published_on: dt.date | None = None
    overdue_notified: bool = False
    version: int = 0
    plan_id: str | None = None  # the draw plan (抽查批次) it belongs to

    @property
    def results_due(self) -> dt.date:
        return results_due_date(self.scope.inspections_end, self.results_due_workdays)


def may_manage(actor: dict | None, record_or_scope) -> None:
    """A planner tied to an agency manages only draws that agency takes part in."""
    scope = getattr(record_or_scope, "scope", record_or_scope)
    actor = actor or {}
    if not set(actor.get("roles") or ()).intersection(MANAGERS):
        raise DomainError("FORBIDDEN", "only a planner manages draws")
    agency = actor.get("agency")
    if agency and agency not in scope.agencies:
        raise DomainError("FORBIDDEN", f"a {agency} planner cannot manage a draw of "
                          f"{', '.join(scope.agencies)}")


def rules_for(scope: Scope, data: dict) -> RuleSet:
    """The published rule set; `joint` follows the scope, and every risk tier an entity
    can have needs a rate, so a draw cannot fail later for a forgotten tier."""
    missing = [t for t in TIERS if t not in (data.get("tier_rates") or {})]
    if missing:
        raise DomainError("RULES_INCOMPLETE", f"no sampling rate for risk tier(s) "
                          f"{', '.join(missing)}", ["input", "rules", "tierRates"])
    if int(data.get("min_inspectors", MIN_INSPECTORS)) < MIN_INSPECTORS:
        raise DomainError("INVALID_INPUT", f"at least {MIN_INSPECTORS} inspectors per entity "
                          "(Administrative Penalty Law art. 42)",
                          ["input", "rules", "minInspectors"])
    return RuleSet.from_dict({**data, "joint": scope.joint})


def create(draw_id: str, title: str, scope: Scope, rules: RuleSet, actor: dict,
           now: dt.datetime, results_due_workdays: int = RESULTS_DUE_WORKDAYS,
           plan_id: str | None = None) -> DrawRecord:
    may_manage(actor, scope)
    if not title.strip():
        raise DomainError("INVALID_INPUT", "a draw needs a title", ["input", "title"])
    if not 1 <= results_due_workdays <= 250:
        raise DomainError("INVALID_INPUT", "resultsDueWorkdays must be 1..250",
                          ["input", "resultsDueWorkdays"])
    if rules.joint != scope.joint:
        raise DomainError("INVALID_INPUT", "a joint-operation draw needs joint rules",
                          ["input", "rules"])
    return DrawRecord(draw_id, title.strip(), scope, rules, actor.get("sub") or "?", now,
                      results_due_workdays, plan_id=plan_id)


def require(record: DrawRecord, status: str, action: str) -> None:
    if record.status != status:
        raise DomainError("INVALID_TRANSITION", f"cannot {action} a draw that is "
                          f"{record.status} (it must be {status})", ["id"])


def commit(record: DrawRecord, seed: str, now: dt.datetime):
    require(record, CREATED, "commit")
    done = replace(record, status=COMMITTED, seed_commitment=commit_seed(seed), committed_at=now)
    return done, [(events.DRAW_COMMITTED,
                   events.draw_committed(record.id, done.seed_commitment, now))]


def reveal(record: DrawRecord, seed: str, directory: DirectorySnapshot,
           roster: RosterSnapshot, now: dt.datetime) -> tuple[DrawRecord, Draw, list]:
    """Raises SEED_MISMATCH or DRAW_INFEASIBLE (then nothing is stored or published)."""
    require(record, COMMITTED, "reveal")
    check_reveal(seed, record.seed_commitment)
    draw = run_draw(directory, roster, record.rules, seed)
    done = replace(record, status=REVEALED, seed=seed, revealed_at=now, entity_count=draw.entity_count,
                   inspector_count=draw.inspector_count,
                   hashes={"directory": draw.directory_hash, "roster": draw.roster_hash,
                           "rules": draw.rules_hash, "result": draw.result_hash})
    return done, draw, [(events.DRAW_REVEALED, events.draw_revealed(record.id, draw, seed))]


def _overdue_event(record: DrawRecord) -> tuple[str, dict]:
    return (events.RESULTS_PUBLICATION_OVERDUE, events.results_publication_overdue(
        record.id, record.scope.inspections_end, record.results_due))


def publish_results(record: DrawRecord, checks_published: int, today: dt.date):
    """A late publication still raises the overdue event once, if the sweep missed it."""
    require(record, REVEALED, "publish the results of")
    done = replace(record, status=RESULTS_PUBLISHED, results_published_on=today)
    out = [(events.RESULTS_PUBLISHED, events.results_published(
        record.id, today, record.results_due, checks_published))]
    if today > record.results_due and not record.overdue_notified:
        done, out = replace(done, overdue_notified=True), [_overdue_event(record), *out]
    return done, out


def sweep_overdue(record: DrawRecord, today: dt.date):
    """(record, events): the overdue event exactly once per unpublished, late draw."""
    if record.status != REVEALED or record.overdue_notified or today <= record.results_due:
        return record, []
    return replace(record, overdue_notified=True), [_overdue_event(record)]
