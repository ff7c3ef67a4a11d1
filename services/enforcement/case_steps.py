"""The table of case steps after filing: each parses its input and calls the case core.

A step is a named function whose parameters say what it needs, by these names:
`case`, `team`, `at`, `data` (the step's input), `catalogue`, `cases` (the context's cases
collection, for a first-violation waiver's earlier decisions), `actor` (who acts: the
store's Actor) and `caller` (the caller's subject, or "unknown"). A step that takes `team`
is acted by >= 2 qualified officers, assembled and checked before it runs; the others are
done by one person (a reviewer, a receipt, a filing with the bureau).
"""
from __future__ import annotations

import datetime as dt
import inspect
from dataclasses import dataclass, field
from typing import Callable

from services.common.actor import Actor
from services.common.clock import parse_instant
from services.common.errors import InvalidInput
from services.enforcement import inputs
from services.enforcement.domain import (cases as core, compulsory, decisions, delivery,
                                         justice, publication)
from services.enforcement.domain.case_model import Case
from services.enforcement.domain.catalogue import DECISION, AgencyCatalogue
from services.enforcement.domain.discretion import FIRST_VIOLATION_BARS, check_first_violation
from services.enforcement.domain.team import Team

# What `commands.act` can hand a step.
PROVIDED = frozenset({"case", "team", "at", "data", "catalogue", "cases", "actor", "caller"})


@dataclass(frozen=True)
class Step:
    run: Callable
    needs: frozenset[str] = field(init=False)

    def __post_init__(self):
        needs = frozenset(inspect.signature(self.run).parameters)
        unknown = needs - PROVIDED
        if unknown:
            raise TypeError(f"{self.run.__name__} needs {sorted(unknown)}: not provided")
        object.__setattr__(self, "needs", needs)

    @property
    def team(self) -> bool:
        return "team" in self.needs


def docs(d):
    return inputs.strings(d.get("documents"), "documents")


def _index(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("attemptIndex must be a whole number", ["input", "attemptIndex"])
    return value


def _checked_draft(cases, catalogue, case, value, at, field="decision"):
    """The draft, with a first-violation waiver checked against the entity's own cases
    (the officer's firstViolation is their claim)."""
    draft = inputs.draft(value, field)
    if draft.outcome == "NO_PENALTY_FIRST_VIOLATION":
        found = cases.find(
            {"entity_id": case.entity_id, "_id": {"$ne": case.id},
             "decision.draft.violation_code": draft.violation_code,
             "decision.draft.outcome": {"$in": list(FIRST_VIOLATION_BARS)}},
            {"decision.draft": 1, "decision.decided_at": 1})
        earlier = [{"case_id": d["_id"], "violation_code": d["decision"]["draft"].get(
                    "violation_code"), "outcome": d["decision"]["draft"]["outcome"],
                    "decided_at": parse_instant(d["decision"]["decided_at"])} for d in found]
        check_first_violation(case, draft, at, earlier, catalogue)
    return draft


def start_investigation(case: Case, team: Team, at: dt.datetime, data: dict):
    return core.start_investigation(case, team, at, docs(data))


def notify_rights(case: Case, team: Team, at: dt.datetime, data: dict):
    return core.notify_rights(case, team, at, docs(data))


def submit_for_legal_review(case: Case, team: Team, at: dt.datetime, data: dict,
                            catalogue: AgencyCatalogue, cases, actor: Actor):
    stage = inputs.text(data.get("stage"), "stage", False, 32) or DECISION
    proposal = _checked_draft(cases, catalogue, case, data["proposal"], at, "proposal") \
        if data.get("proposal") is not None and stage == DECISION else None
    return core.submit_for_legal_review(case, team, at, proposal, catalogue, docs(data),
                                        stage, actor.subject)


def record_legal_review(case: Case, at: dt.datetime, data: dict, actor: Actor, caller: str):
    return core.record_legal_review(
        case, inputs.text(data.get("outcome"), "outcome", max_len=20),
        inputs.text(data.get("reviewer_id"), "reviewerId", False, 100) or caller, at,
        inputs.text(data.get("opinion"), "opinion", False) or "", docs(data), actor.subject)


def record_compulsory_measure(case: Case, team: Team, at: dt.datetime, data: dict,
                              catalogue: AgencyCatalogue):
    return compulsory.record_measure(
        case, team, at, inputs.text(data.get("measure"), "measure", max_len=20),
        inputs.strings(data.get("items"), "items", 50, 200),
        inputs.text(data.get("reason"), "reason", False) or "", catalogue, docs(data))


def decide(case: Case, team: Team, at: dt.datetime, data: dict, catalogue: AgencyCatalogue,
           cases):
    return decisions.decide(case, team, at,
                            _checked_draft(cases, catalogue, case, data.get("decision"), at),
                            catalogue, docs(data))


def record_service_consent(case: Case, team: Team, at: dt.datetime, data: dict):
    return delivery.record_consent(
        case, team, at, inputs.text(data.get("method"), "method", max_len=20),
        inputs.text(data.get("address"), "address", max_len=200), docs(data))


def attempt_service(case: Case, team: Team, at: dt.datetime, data: dict):
    return delivery.attempt_service(
        case, team, at, inputs.text(data.get("document"), "document", max_len=40),
        inputs.text(data.get("method"), "method", max_len=20),
        inputs.text(data.get("address"), "address", False, 200), docs(data))


def record_service_receipt(case: Case, at: dt.datetime, data: dict):
    return delivery.record_receipt(case, _index(data.get("attempt_index")), at, docs(data))


def file_with_justice_bureau(case: Case, at: dt.datetime, data: dict, caller: str):
    return justice.file_with_justice_bureau(
        case, at, inputs.text(data.get("reference"), "reference", max_len=100), caller,
        docs(data))


def publish_decision(case: Case, team: Team, at: dt.datetime, data: dict):
    return publication.publish_decision(
        case, team, at, inputs.text(data.get("channel"), "channel", False, 200) or "",
        docs(data))


def close(case: Case, team: Team, at: dt.datetime, data: dict):
    return core.close_case(case, team, at, docs(data))


# The one list of actions a filed case takes (`case_action`'s `action`).
STEPS = {name: Step(run) for name, run in {
    "start_investigation": start_investigation,
    "notify_rights": notify_rights,
    "submit_for_legal_review": submit_for_legal_review,
    "record_legal_review": record_legal_review,
    "record_compulsory_measure": record_compulsory_measure,
    "decide": decide,
    "record_service_consent": record_service_consent,
    "attempt_service": attempt_service,
    "record_service_receipt": record_service_receipt,
    "file_with_justice_bureau": file_with_justice_bureau,
    "publish_decision": publish_decision,
    "close": close,
}.items()}
