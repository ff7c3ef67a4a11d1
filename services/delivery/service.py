"""The delivery service: webhooks, the platforms that receive records by law, the
qualification-change feed and machine clients. Entrypoints only (see webhooks, platforms,
feed, clients, outbound)."""
from __future__ import annotations

import logging

from nameko.dependency_providers import Config

from services.bus.client import ServiceClients
from services.bus.rpc import command, rpc
from services.bus.service import BusService
from services.common.paging import Page
from services.bus.store import Store
from services.bus.subscriber import subscribe
from services.contracts.payloads import Event
from services.delivery import clients, feed, platform_reads, platforms, webhooks
from services.delivery.dependencies import Outbound, sweep_timer

log = logging.getLogger(__name__)
SWEEP_SECONDS = 300.0


class DeliveryService(BusService):
    name = "delivery"
    store = Store("delivery")
    outbound = Outbound()
    config = Config()
    clients = ServiceClients("certification", "culture", "transport", "draws")

    @property
    def _cfg(self):
        return self.config["JOINTOPS"]

    # ---- webhooks
    @subscribe()  # services/contracts/topology.py: the events with a public name
    def on_public_event(self, event: Event):
        if webhooks.fan_out(self.store, self._cfg, event):
            self.outbound.wake()

    @rpc
    @command
    def subscribe_webhook(self, input: dict, actor: dict | None = None) -> dict:
        return webhooks.subscribe(self.store, self._cfg, input)

    @rpc
    @command
    def unsubscribe_webhook(self, subscription_id: str, actor: dict | None = None) -> dict:
        return webhooks.unsubscribe(self.store, subscription_id)

    @rpc
    @command
    def webhook_deliveries(self, subscription_id: str, page: dict | None = None,
                           actor: dict | None = None) -> dict:
        found = webhooks.list_deliveries(actor or self.store.actor, subscription_id,
                                         Page.parse(page))
        attempts = webhooks.attempts_of([d["id"] for d in found["items"]])
        for item in found["items"]:
            item["attempt_log"] = attempts.get(item["id"], [])
        return found

    @rpc
    @command
    def replay_webhook_deliveries(self, subscription_id: str, after: str | None = None,
                                  actor: dict | None = None) -> int:
        count = webhooks.replay(self.store, self._cfg, subscription_id, after)
        self.outbound.wake()
        return count

    # ---- the platforms that receive records by law
    @subscribe()  # services/contracts/topology.py: inspections, decisions, draw results
    def on_platform_record(self, event: Event):
        if platforms.fan_in(self.store, self._cfg, self.clients, event):
            self.outbound.wake()

    @sweep_timer(interval=SWEEP_SECONDS)
    def platform_sweep(self):
        marked = platforms.sweep_overdue(self.store)
        if marked:
            log.info("platform sweep: %d deliveries overdue", marked)

    @rpc
    @command
    def sweep_platform_deliveries(self) -> int:
        return platforms.sweep_overdue(self.store)

    @rpc
    @command
    def platform_overview(self) -> list:
        return platform_reads.overview(self._cfg)

    @rpc
    @command
    def platform_deliveries(self, platform: str, overdue_only: bool = False,
                            page: dict | None = None) -> dict:
        return platform_reads.deliveries(platform, overdue_only, Page.parse(page))

    @rpc
    @command
    def replay_platform_delivery(self, delivery_id: str, actor: dict | None = None) -> dict:
        found = platform_reads.replay_one(self.store, self._cfg, delivery_id)
        self.outbound.wake()
        return found

    @rpc
    @command
    def annual_figures(self, year: int, agency: str) -> dict:
        return platform_reads.annual_figures(self._cfg, year, agency)

    # ---- the pull feed
    @subscribe()  # services/contracts/topology.py
    def on_qualification_changed(self, event: Event):
        feed.record(self.store, self.clients, event)

    @rpc
    @command
    def qualification_changes(self, page: dict | None = None) -> dict:
        return feed.page(Page.parse(page))

    # ---- machine clients
    @rpc
    @command
    def add_client(self, input: dict, actor: dict | None = None) -> dict:
        return clients.add(self.store, input)

    @rpc
    @command
    def list_clients(self) -> list:
        return clients.listing()

    @rpc
    @command
    def rotate_client(self, client_id: str, actor: dict | None = None) -> dict:
        return clients.rotate(self.store, client_id)

    @rpc
    @command
    def revoke_client(self, client_id: str, actor: dict | None = None) -> dict:
        return clients.revoke(self.store, client_id)

    @rpc
    @command
    def set_client_documents(self, client_id: str, documents: dict,
                             actor: dict | None = None) -> dict:
        return clients.set_documents(self.store, client_id, documents)

    @rpc
    @command
    def client_for_gateway(self, client_id: str) -> dict | None:
        return clients.for_gateway(client_id)
