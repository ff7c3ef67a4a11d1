"""Applying accountability's sanction events to the officer's record.

Runs inside the event handler's unit of work, so the inbox makes a redelivery a no-op;
the domain also ignores a sanction id it has already applied. A completion that arrives
before its sanction is refused by the domain (INVALID_TRANSITION) and the handler raises,
so the bus retries it after the sanction has been applied.
"""
from __future__ import annotations

from services.certification import domain as cd
from services.certification import repository
from services.common.clock import parse_instant, utcnow
from services.contracts.payloads import ReinstatedToPost, SanctionImposed, TrainingCompleted

FIELD = ["payload", "officer_id"]
SWEEP_CHUNK = 50


def _instant(value: str, name: str):
    return parse_instant(value, ["payload", name])


def sanction_imposed(store, payload: SanctionImposed, config) -> None:
    repository.change(store, payload.officer_id, lambda record, uow: cd.apply_sanction(
        record, measure=payload.measure, sanction_id=payload.sanction_id, now=utcnow(),
        effective_at=_instant(payload.effective_at, "effective_at"), config=config), FIELD,
        config=config)


def training_completed(store, payload: TrainingCompleted, config) -> None:
    repository.change(store, payload.officer_id, lambda record, uow: cd.complete_training(
        record, now=utcnow(), effective_at=_instant(payload.completed_at, "completed_at"),
        cause=payload.sanction_id, config=config), FIELD,
        config=config)


def reinstated_to_post(store, payload: ReinstatedToPost, config) -> None:
    repository.change(store, payload.officer_id, lambda record, uow: cd.reinstate_to_post(
        record, now=utcnow(), effective_at=_instant(payload.reinstated_at, "reinstated_at"),
        cause=payload.sanction_id, config=config), FIELD,
        config=config)


def sweep_all(store, config, now=None) -> int:
    """Announce expiries and overdue reviews not announced yet; returns events raised.
    Only officers with something to announce get a write."""
    now, raised = now or utcnow(), 0
    # Through the parsed-record cache, a chunk at a time: decoding every officer's whole
    # history at once (the cursor's first batch) put a step of 5-10 MB on the service's
    # memory at each sweep of the soak (bench_soak.py), 2 MB this way.
    ids = [doc["_id"] for doc in repository.officers().find({}, {"_id": 1})]
    for at in range(0, len(ids), SWEEP_CHUNK):
        for officer_id, (record, _) in repository.load_many(ids[at:at + SWEEP_CHUNK]).items():
            if cd.sweep(record, now, config)[1]:
                raised += _announce(store, officer_id, now, config)
    return raised


def _announce(store, officer_id, now, config) -> int:
    committed = []

    def action(record, uow):
        after, events = cd.sweep(record, now, config)
        committed[:] = events  # a retried attempt replaces, not adds
        return after, events
    repository.change(store, officer_id, action, FIELD, config=config)
    return len(committed)
