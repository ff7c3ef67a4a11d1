"""`Outbound`: runs this replica's delivery dispatcher beside the service and lets
handlers wake it the moment they have queued something; the overdue sweep's timer."""
from __future__ import annotations

from nameko.extensions import DependencyProvider

from services.bus.store import Store
from services.bus.timer import LeaseTimer
from services.bus.unit_of_work import UnitOfWork
from services.common.actor import Actor
from services.delivery import outbound, platforms, webhooks


class Outbound(DependencyProvider):
    def setup(self):
        self.config = self.container.config["JOINTOPS"]
        self.dispatcher = outbound.Dispatcher(self.config)
        outbound.SENDERS[webhooks.KIND] = webhooks.WebhookSender(self._transaction)
        platforms.register()

    def _transaction(self, actor: Actor) -> UnitOfWork:
        store = next(d for d in self.container.dependencies if isinstance(d, Store))
        return UnitOfWork(store.client, store.db, self.container.service_name,
                          {"correlation_id": None, "causation_id": None,
                           "actor": actor.to_dict(), "inbox_key": None}, store.relay.wake)

    def start(self):
        self.container.spawn_managed_thread(self.dispatcher.run)

    def stop(self):
        self.dispatcher.stop()

    def kill(self):
        self.dispatcher.stop()

    def get_dependency(self, worker_ctx):
        return self.dispatcher


class SweepTimer(LeaseTimer):
    """The overdue sweep's timer; its interval comes from the config key
    DELIVERY_SWEEP_SECONDS when set (tests run the real sweep on a short interval)."""

    def setup(self):
        self.interval = float(self.container.config.get("DELIVERY_SWEEP_SECONDS",
                                                        self.interval))
        super().setup()


sweep_timer = SweepTimer.decorator
