"""`Outbound`: runs this replica's delivery dispatcher beside the service and lets
handlers wake it the moment they have queued something."""
from __future__ import annotations

from nameko.extensions import DependencyProvider

from services.bus.store import Store
from services.bus.unit_of_work import UnitOfWork
from services.common.actor import Actor
from services.delivery import outbound, webhooks


class Outbound(DependencyProvider):
    def setup(self):
        self.config = self.container.config["JOINTOPS"]
        self.dispatcher = outbound.Dispatcher(self.config)
        outbound.SENDERS[webhooks.KIND] = webhooks.WebhookSender(self._transaction)

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
