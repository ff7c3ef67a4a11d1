"""What every jointops service has: tracing and a `ping` for the health query."""
from __future__ import annotations

from nameko.extensions import DependencyProvider

from services.bus.rpc import rpc
from services.bus.tracing import Tracing


class WorkerData(DependencyProvider):
    """The running worker's context data (correlation id, actor), as nameko forwards it."""

    def get_dependency(self, worker_ctx):
        return worker_ctx.data


class BusService:
    """Mixin for service classes; the subclass sets `name` and `store`."""

    tracing = Tracing()
    worker_data = WorkerData()

    @rpc
    def ping(self):
        try:
            self.store.db.command("ping")
            database = True
        except Exception:  # a health probe reports, it does not fail
            database = False
        return {"service": self.name, "database": database,
                "outbox_pending": self.store.db["outbox"].count_documents({"sent": False})
                if database else None}
