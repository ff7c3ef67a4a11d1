"""Loading and saving operations inside the service: optimistic concurrency, and a
retry when someone else changed the operation between our read and our write."""
from __future__ import annotations

import datetime as dt

from tenacity import (
    retry, retry_if_exception_type, stop_after_attempt, wait_random_exponential)

from services.bus.unit_of_work import ConcurrentUpdate
from services.common.errors import DomainError
from services.operations import documents
from services.operations.domain.model import JointOperation, iso

# A planner's edit and a live event can touch one operation at the same moment; the loser
# re-reads and re-applies (domain rules are re-checked on the fresh state).
retry_on_conflict = retry(retry=retry_if_exception_type(ConcurrentUpdate),
                          stop=stop_after_attempt(10),
                          wait=wait_random_exponential(multiplier=0.01, max=0.2),
                          reraise=True)


def check_access(op: JointOperation, actor: dict | None) -> None:
    """A planner of an agency changes only operations that agency takes part in."""
    agency = (actor or {}).get("agency")
    if agency and agency not in op.agencies:
        raise DomainError("FORBIDDEN", f"agency {agency} does not take part in operation "
                          f"{op.operation_id}", ["id"])


def save(store, changed, events, guards: dict | None = None) -> None:
    """Write every (operation, version read) and their events in one transaction (inside
    an event handler the inbox record joins it), bumping the officer `guards` read."""
    with store.transaction() as uow:
        for op, version in changed:
            uow.save(documents.to_document(op, version + 1), expect_version=version)
        for officer_id, seq in (guards or {}).items():
            uow.run(documents.bump_guard(officer_id, seq))
        uow.emit_all(events)


@retry_on_conflict
def change(store, operation_id: str, actor: dict | None, apply,
           busy_officers=None) -> JointOperation:
    """Load, `apply(op) -> (op, events)`, save. An unchanged operation writes nothing.
    `busy_officers(op)`: whom the change may put on a launched operation; their guards
    are read before `apply` checks they are free and bumped with the write, so the busy
    check holds even against a change racing for the same officer."""
    op, version = documents.load(operation_id)
    check_access(op, actor)
    guards = documents.guard_seqs(busy_officers(op)) if busy_officers else {}
    new, events = apply(op)
    if new is not op or events:
        save(store, [(new, version)], events, guards if new.status == "LAUNCHED" else None)
    return new


def remaining_window(op: JointOperation, now: dt.datetime) -> dict:
    """The part of the window still ahead: an officer must be qualified over all of it.
    Before the start that is the whole window; after the end, the whole window again
    (there is nothing ahead to judge, and certification needs a real window)."""
    start = max(now, op.starts_at) if now < op.ends_at else op.starts_at
    return {"start": iso(start), "end": iso(op.ends_at)}
