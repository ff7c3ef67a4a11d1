"""The audit service: entrypoints only (see trail)."""
from __future__ import annotations

from services.audit import trail
from services.bus.rpc import command, rpc
from services.bus.service import BusService
from services.bus.store import Store
from services.bus.subscriber import subscribe
from services.common.paging import Page



class AuditService(BusService):
    name = "audit"
    store = Store("audit")

    @subscribe()  # services/contracts/topology.py: every event, as it came (VERBATIM)
    def record(self, event: dict):
        trail.append(self.store, event)

    @rpc
    @command
    def audit_trail(self, filters: dict | None = None, page: dict | None = None) -> dict:
        return trail.page(filters, Page.parse(page))

    @rpc
    @command
    def check_trail(self) -> dict:
        return trail.check()
