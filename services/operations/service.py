"""The operations service: a joint operation's own state. Entrypoints only."""
from __future__ import annotations

from services.bus.client import ServiceClients
from services.bus.rpc import command, rpc
from services.bus.service import BusService
from services.common.paging import Page
from services.common.replay_clock import ReplayClockMixin
from services.bus.store import Store
from services.bus.subscriber import subscribe
from services.contracts.payloads import Event
from services.operations import commands, documents, domain, figures, reactions, views


class OperationsService(BusService, ReplayClockMixin):
    name = "operations"
    store = Store("operations")
    clients = ServiceClients("certification", "culture", "transport")

    def _enforcement(self):
        return {"CULTURE": self.clients.culture, "TRANSPORT": self.clients.transport}

    @rpc
    @command
    def plan(self, input: dict, actor: dict | None = None) -> dict:
        return views.present(commands.plan(self.store, input, actor))

    @rpc
    @command
    def assign_officer(self, input: dict, actor: dict | None = None) -> dict:
        return views.present(commands.assign(self.store, self.clients.certification, input,
                                             actor))

    @rpc
    @command
    def remove_member(self, input: dict, actor: dict | None = None) -> dict:
        return views.present(commands.remove(self.store, input, actor))

    @rpc
    @command
    def move_member(self, input: dict, actor: dict | None = None) -> dict:
        return views.present(commands.move(self.store, input, actor))

    @rpc
    @command
    def add_targets(self, input: dict, actor: dict | None = None) -> dict:
        return views.present(commands.add_targets(self.store, self._enforcement(), input,
                                                      actor))

    @rpc
    @command
    def launch(self, operation_id: str, actor: dict | None = None) -> dict:
        return views.present(commands.launch(self.store, self.clients.certification,
                                             operation_id, actor))

    @rpc
    @command
    def complete(self, operation_id: str, actor: dict | None = None) -> dict:
        return views.present(commands.complete(self.store, operation_id, actor))

    @rpc
    @command
    def cancel(self, operation_id: str, reason: str | None = None,
               actor: dict | None = None) -> dict:
        return views.present(commands.cancel(self.store, operation_id, reason, actor))

    @rpc
    @command
    def get_operation(self, operation_id: str) -> dict | None:
        found = documents.find(operation_id)
        return views.present(found[0]) if found else None

    @rpc
    @command
    def list_operations(self, filter: dict | None = None, page: dict | None = None) -> dict:
        return views.page(filter, Page.parse(page))

    @rpc
    @command
    def annual_figures(self, year: int, agency: str) -> dict:
        return figures.annual_figures(year, agency)

    @rpc
    @command
    def progress(self, operation_id: str) -> dict:
        return domain.progress(documents.load(operation_id)[0])

    @rpc
    @command
    def report(self, operation_id: str) -> dict:
        return views.report(documents.load(operation_id)[0], self._enforcement())

    @rpc
    @command
    def report_html(self, operation_id: str) -> str:
        return views.report_html(documents.load(operation_id)[0], self._enforcement())

    @subscribe()  # services/contracts/topology.py: what it receives
    def on_qualification_event(self, event: Event):
        reactions.recheck_officer(self.store, self.clients.certification,
                                  event.payload.officer_id)

    @subscribe()  # services/contracts/topology.py: what it receives
    def on_inspection_recorded(self, event: Event):
        if event.payload.operation_id:  # inspections outside operations: not ours
            reactions.inspection_recorded(self.store, event.payload)
