"""Group commit: units of work of one process that are ready together commit in one
MongoDB transaction.

While one transaction is in flight, the units of work that become ready queue; the next
to commit takes all of them and commits them as one. Nobody waits for company (an idle
service commits at once), but under load (a consumer with ten events in flight) the
fixed cost of a transaction - and, on the embedded database, of each command - is shared:
inboxes go in one insert, adjacent inserts into one collection in one, outboxes in one.

Each caller gets the outcome it would have had alone: if the shared transaction fails on
a write (a duplicate delivery, a version conflict, a unique key, a rule in a raw write),
nothing of it is kept and every unit commits again on its own. An outage (connection
lost, time limit) is reported to every caller as it is, without a second wait.
"""
from __future__ import annotations

import logging
from itertools import groupby

import pymongo
from eventlet.semaphore import Semaphore
from pymongo.errors import ConnectionFailure

from services.bus import mongo_settings
from services.bus.unit_of_work import INBOX, OUTBOX, Insert

log = logging.getLogger(__name__)
MAX_GROUP = 50


class _Waiting:
    __slots__ = ("uow", "error", "done")

    def __init__(self, uow):
        self.uow, self.error, self.done = uow, None, False


def _outage(exc: BaseException) -> bool:
    return isinstance(exc, ConnectionFailure) or bool(getattr(exc, "timeout", False))


def _coalesced(ops):
    """Adjacent inserts into one collection become one insert_many (order kept)."""
    for _, run in groupby(ops, key=lambda op: op.collection.full_name
                          if isinstance(op, Insert) else id(op)):
        run = list(run)
        if len(run) > 1:
            yield lambda s, run=run: run[0].collection.insert_many([op.son for op in run],
                                                                   session=s)
        else:
            yield run[0]


def apply_together(uows, session) -> None:
    """The units' writes in one transaction, in their order (inboxes first, outboxes last,
    as each unit alone does)."""
    db = uows[0].db
    inboxes = [doc for doc in (u.inbox_doc() for u in uows) if doc]
    if inboxes:
        db[INBOX].insert_many(inboxes, session=session)
    for op in _coalesced([op for u in uows for op in u.ops]):
        op(session)
    outboxes = [doc for u in uows for doc in u.outbox_docs()]
    if outboxes:
        db[OUTBOX].insert_many(outboxes, session=session)


class GroupCommit:
    def __init__(self):
        self._lock = Semaphore(1)
        self._queue: list[_Waiting] = []

    def commit(self, uow) -> None:
        mine = _Waiting(uow)
        self._queue.append(mine)
        with self._lock:
            while not mine.done:
                group, self._queue = self._queue[:MAX_GROUP], self._queue[MAX_GROUP:]
                try:
                    self._commit(group)
                except BaseException as exc:  # this green thread was killed mid-commit
                    for other in group:
                        if not other.done and other is not mine:
                            other.error, other.done = ConnectionFailure(
                                f"commit interrupted: {exc!r}"), True
                    raise
        # Raised without keeping it on `mine`: the error's traceback holds the frames that
        # hold `mine`, and that cycle kept each failed unit of work (its documents, its
        # record) alive until the cycle collector ran (bench_soak.py).
        error, mine.error = mine.error, None
        if error is not None:
            try:
                raise error
            finally:
                del error

    @staticmethod
    def _commit(group: list[_Waiting]) -> None:
        if len(group) > 1:
            uows = [w.uow for w in group]
            limits = [limit for limit in (u.time_limit() for u in uows) if limit is not None]
            try:
                with pymongo.timeout(min(limits, default=None)), \
                        mongo_settings.session(uows[0].client) as session:
                    mongo_settings.in_transaction(session, lambda s: apply_together(uows, s))
            except Exception as exc:  # noqa: BLE001 - sorted below, per unit
                if _outage(exc):
                    for w in group:
                        w.error, w.done = exc, True
                    return
                log.info("group commit of %d fell back to one by one: %r", len(group), exc)
            else:
                for w in group:
                    w.done = True
                    w.uow.committed()
                return
        for w in group:
            try:
                w.uow.commit_alone()
            except Exception as exc:  # noqa: BLE001 - the caller's own outcome
                w.error = exc
            w.done = True
