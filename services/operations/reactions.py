"""How a launched operation follows the event stream: officers losing qualification are
taken off their team, inspections done under the operation tick off their task."""
from __future__ import annotations

import logging

from services.common.clock import utcnow
from services.common.errors import DomainError, NotFound
from services.contracts.payloads import InspectionRecorded
from services.operations import documents, domain
from services.operations.repository import remaining_window, retry_on_conflict, save

log = logging.getLogger(__name__)

# Any of these can end a qualification. Certification is asked for the answer rather than
# reading it off the event: it is the authority, and event order then does not matter.


@retry_on_conflict
def recheck_officer(store, certification, officer_id: str) -> int:
    """Re-check the officer on every launched operation they serve in (for what is left of
    its window); take them off where they are no longer qualified. Returns how many
    operations changed. One transaction for all, so the event's inbox record is written once."""
    now = utcnow()
    serving = [(op, v) for op, v in documents.launched_with([officer_id]) if now < op.ends_at]
    if not serving:
        return 0
    checks = [{"officer_id": officer_id, "domain": op.member(officer_id)[1].domain,
               **remaining_window(op, now)} for op, _ in serving]
    answers = certification.check_qualifications_over(checks)
    changed, events = [], []
    for (op, version), answer in zip(serving, answers):
        if not answer["qualified"]:
            new, raised = domain.on_qualification_lost(op, officer_id, now, answer["reasons"])
            changed.append((new, version))
            events += raised
    if changed:
        save(store, changed, events)
    return len(changed)


def _task_for(op, payload: InspectionRecorded) -> str | None:
    """The task an inspection carried out: named, or the open task for the same entity."""
    if payload.task_id:
        return payload.task_id
    return next((t.task_id for t in op.tasks if not t.done and t.agency == payload.agency
                 and t.entity_id == payload.entity_id), None)


@retry_on_conflict
def inspection_recorded(store, payload: InspectionRecorded) -> bool:
    """Mark the operation's task done. An inspection that matches nothing here (unknown
    operation, no such task, operation no longer launched) is logged, not retried: no
    retry can make it match."""
    try:
        op, version = documents.load(payload.operation_id)
        task_id = _task_for(op, payload)
        if task_id is None:
            raise NotFound("task for entity", payload.entity_id)
        new, events = domain.record_inspection(op, task_id, payload.inspection_id,
                                               payload.violation_found)
    except DomainError as exc:
        log.warning("inspection %s not linked to operation %s: %s", payload.inspection_id,
                    payload.operation_id, exc)
        return False
    if new is not op:
        save(store, [(new, version)], events)
    return True
