"""The table of case steps after filing: each parses its input and calls the case core.

A step's `apply(case, team, at, data, svc, actor_id)` returns the events; `team=False`
steps are done by one person (a reviewer, a receipt, a filing with the bureau).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from services.common.errors import InvalidInput
from services.enforcement import inputs
from services.enforcement.domain import (cases, compulsory, decisions, delivery, justice,
                                         publication)
from services.enforcement.domain.catalogue import DECISION
from services.enforcement.domain.discretion import FIRST_VIOLATION_BARS, check_first_violation
from services.common.clock import parse_instant


@dataclass(frozen=True)
class Step:
    apply: Callable      # (case, team, at, data, svc, actor_id) -> events
    team: bool = True    # acted by >= 2 qualified officers (not: a reviewer, a receipt)


def docs(d):
    return inputs.strings(d.get("documents"), "documents")


def _index(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("attemptIndex must be a whole number", ["input", "attemptIndex"])
    return value


def _checked_draft(svc, case, value, at, field="decision"):
    """The draft, with a first-violation waiver checked against the entity's own cases
    (the officer's firstViolation is their claim)."""
    draft = inputs.draft(value, field)
    if draft.outcome == "NO_PENALTY_FIRST_VIOLATION":
        found = svc.docs.Case._get_collection().find(
            {"entity_id": case.entity_id, "_id": {"$ne": case.id},
             "decision.draft.violation_code": draft.violation_code,
             "decision.draft.outcome": {"$in": list(FIRST_VIOLATION_BARS)}},
            {"decision.draft": 1, "decision.decided_at": 1})
        earlier = [{"case_id": d["_id"], "violation_code": d["decision"]["draft"].get(
                    "violation_code"), "outcome": d["decision"]["draft"]["outcome"],
                    "decided_at": parse_instant(d["decision"]["decided_at"])} for d in found]
        check_first_violation(case, draft, at, earlier, svc.catalogue)
    return draft


def _submit(c, t, at, d, svc, who):
    stage = inputs.text(d.get("stage"), "stage", False, 32) or DECISION
    proposal = _checked_draft(svc, c, d["proposal"], at, "proposal") \
        if d.get("proposal") is not None and stage == DECISION else None
    return cases.submit_for_legal_review(c, t, at, proposal, svc.catalogue, docs(d), stage,
                                         svc.store.actor.subject)


def _review(c, t, at, d, svc, who):
    return cases.record_legal_review(
        c, inputs.text(d.get("outcome"), "outcome", max_len=20),
        inputs.text(d.get("reviewer_id"), "reviewerId", False, 100) or who, at,
        inputs.text(d.get("opinion"), "opinion", False) or "", docs(d),
        svc.store.actor.subject)


def _measure(c, t, at, d, svc, who):
    return compulsory.record_measure(
        c, t, at, inputs.text(d.get("measure"), "measure", max_len=20),
        inputs.strings(d.get("items"), "items", 50, 200),
        inputs.text(d.get("reason"), "reason", False) or "", svc.catalogue, docs(d))


STEPS = {
    "start_investigation": Step(lambda c, t, at, d, svc, who: cases.start_investigation(
        c, t, at, docs(d))),
    "notify_rights": Step(lambda c, t, at, d, svc, who: cases.notify_rights(
        c, t, at, docs(d))),
    "submit_for_legal_review": Step(_submit),
    "record_legal_review": Step(_review, team=False),
    "record_compulsory_measure": Step(_measure),
    "decide": Step(lambda c, t, at, d, svc, who: decisions.decide(
        c, t, at, _checked_draft(svc, c, d.get("decision"), at), svc.catalogue, docs(d))),
    "record_service_consent": Step(lambda c, t, at, d, svc, who: delivery.record_consent(
        c, t, at, inputs.text(d.get("method"), "method", max_len=20),
        inputs.text(d.get("address"), "address", max_len=200), docs(d))),
    "attempt_service": Step(lambda c, t, at, d, svc, who: delivery.attempt_service(
        c, t, at, inputs.text(d.get("document"), "document", max_len=40),
        inputs.text(d.get("method"), "method", max_len=20),
        inputs.text(d.get("address"), "address", False, 200), docs(d))),
    "record_service_receipt": Step(lambda c, t, at, d, svc, who: delivery.record_receipt(
        c, _index(d.get("attempt_index")), at, docs(d)), team=False),
    "file_with_justice_bureau": Step(lambda c, t, at, d, svc, who:
                                     justice.file_with_justice_bureau(
        c, at, inputs.text(d.get("reference"), "reference", max_len=100), who, docs(d)),
        team=False),
    "publish_decision": Step(lambda c, t, at, d, svc, who: publication.publish_decision(
        c, t, at, inputs.text(d.get("channel"), "channel", False, 200) or "", docs(d))),
    "close": Step(lambda c, t, at, d, svc, who: cases.close_case(c, t, at, docs(d))),
}
