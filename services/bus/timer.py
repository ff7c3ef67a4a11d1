"""`@timer(interval=...)` for sweeps (expiry, overdue deadlines, the ledger, draws): fires
on the replica that holds its service's lease (services.bus.lease) only, so N replicas
sweep once, not N times; another replica's timer takes over with the lease."""
from __future__ import annotations

from nameko.timer import Timer

from services.bus.store import Store


class LeaseTimer(Timer):
    def handle_timer_tick(self):
        lease = self._lease()
        if lease is None or lease.held or lease.renew():
            super().handle_timer_tick()
        else:
            self.worker_complete.send()  # the loop waits for a worker: there is none

    def _lease(self):
        stores = [d for d in self.container.dependencies if isinstance(d, Store)]
        return stores[0].relay.lease if stores else None


timer = LeaseTimer.decorator
