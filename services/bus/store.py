"""The `Store` dependency: a context's database, its units of work and its relay."""
from __future__ import annotations

import mongoengine
from mongoengine.base.common import _document_registry
from nameko.extensions import DependencyProvider
from services.bus.group_commit import GroupCommit
from services.bus.mongo_settings import CLIENT_SETTINGS
from services.bus.relay import Relay
from services.bus.unit_of_work import UnitOfWork
from services.common.actor import Actor


def connect(alias: str, mongo_uri: str, db_name: str):
    """Register the mongoengine connection for a context (idempotent; re-points it)."""
    mongoengine.disconnect(alias)
    mongoengine.connect(db=db_name, alias=alias, host=mongo_uri, tz_aware=True,
                        uuidRepresentation="standard", serverSelectionTimeoutMS=3000,
                        **CLIENT_SETTINGS)
    return mongoengine.get_connection(alias), mongoengine.get_db(alias)


def documents_of(alias: str) -> list:
    """The concrete mongoengine Documents stored under connection `alias`."""
    return [cls for cls in list(_document_registry.values())
            if not cls._meta.get("abstract") and cls._meta.get("db_alias") == alias]


class StoreHandle:
    """What a worker sees: the database and a way to open a unit of work."""

    def __init__(self, provider, worker_ctx):
        self.db = provider.db
        # what it reads of the worker, not the worker context itself: the context holds
        # the service instance, which holds this handle, and that cycle kept every
        # finished worker's objects alive until the cycle collector ran (bench_soak.py)
        self._provider, self._data = provider, worker_ctx.data
        self._entrypoint, self._service = worker_ctx.entrypoint, worker_ctx.service_name

    @property
    def actor(self) -> Actor:
        """Who the running worker acts for: the caller's actor (RPC headers, or the event
        being handled), else the worker's own system actor (`system:<service>.<method>`:
        timers and tools acting on their own)."""
        found = Actor.from_value(self._data.get("actor"))
        if found is not None:
            return found
        method = getattr(self._entrypoint, "method_name", None) or "worker"
        return Actor.system(f"{self._service}.{method}")

    @property
    def replica(self) -> str:
        """This process's name among its service's replicas (host:pid:random)."""
        return self._provider.relay.lease.holder

    def transaction(self, actor=None) -> UnitOfWork:
        """`actor`: only for work done in another actor's name (an automatic rule)."""
        data, entrypoint = self._data, self._entrypoint
        inbox_key = None
        if data.get("event_id") and getattr(entrypoint, "queue_name", None):
            inbox_key = f"{entrypoint.queue_name}:{data['event_id']}"
        context = {"correlation_id": data.get("correlation_id"),
                   "causation_id": data.get("event_id") or data.get("correlation_id"),
                   "actor": (Actor.from_value(actor) or self.actor).to_dict(),
                   "inbox_key": inbox_key}
        p = self._provider
        return UnitOfWork(p.client, p.db, p.container.service_name, context, p.relay.wake,
                          p.group)


class Store(DependencyProvider):
    def __init__(self, context: str, on_start=None):
        """`on_start()`: the context's own start-up work once its indexes exist (a read
        model's backfill). Entrypoints start alongside, so it must tolerate commands
        running meanwhile."""
        self.context, self.on_start = context, on_start

    def setup(self):
        cfg = self.container.config["JOINTOPS"]
        self.client, self.db = connect(self.context, cfg.mongo_uri, cfg.db_name(self.context))
        self.relay = Relay(self.db, cfg.amqp_uri, retention_hours=cfg.outbox_retention_hours)
        self.group = GroupCommit()  # this container's workers commit together under load

    def start(self):
        # Every index of this context's documents before the first request, not lazily on
        # a document's first use: that may fall inside a transaction, and SecantusDB leaves
        # documents a concurrent transaction writes out of an index built meanwhile (a
        # unique index that misses documents keeps nothing single). Every setup() has run
        # by now, so documents made at setup (enforcement's per-agency ones) are included.
        for doc_cls in documents_of(self.context):
            doc_cls.ensure_indexes()
        if self.on_start is not None:
            self.on_start()
        self.container.spawn_managed_thread(self.relay.run)

    def stop(self):
        self.relay.stop()

    def kill(self):
        self.relay.stop()

    def get_dependency(self, worker_ctx):
        return StoreHandle(self, worker_ctx)
