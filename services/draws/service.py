"""The draws service: "double random, one public" draws, entrypoints only."""
from __future__ import annotations

from services.bus.client import ServiceClients
from services.bus.rpc import command, rpc
from services.bus.service import BusService
from services.common.paging import Page
from services.common.replay_clock import ReplayClockMixin
from services.bus.store import Store
from services.bus.subscriber import subscribe
from services.bus.timer import timer
from services.contracts.payloads import Event
from services.draws import commands, plans, queries

SWEEP_SECONDS = 3600  # deadlines are in days: hourly is prompt enough


class DrawsService(BusService, ReplayClockMixin):
    name = "draws"
    store = Store("draws")
    clients = ServiceClients("certification", "culture", "transport", "operations")

    @rpc
    @command
    def create_draw(self, input: dict, actor: dict) -> dict:
        return commands.create(self, input, actor)

    @rpc
    @command
    def commit_draw(self, draw_id: str, actor: dict) -> dict:
        return commands.commit(self, draw_id, actor)

    @rpc
    @command
    def reveal_draw(self, draw_id: str, actor: dict) -> dict:
        return commands.reveal(self, draw_id, actor)

    @rpc
    @command
    def publish_results(self, draw_id: str, actor: dict) -> dict:
        return commands.publish_results(self, draw_id, actor)

    @rpc
    @command
    def create_plan(self, input: dict, actor: dict) -> dict:
        return plans.create(self, input, actor)

    @rpc
    @command
    def list_plans(self, filters: dict | None = None, page: dict | None = None) -> dict:
        return plans.list_plans(filters, Page.parse(page))

    @rpc
    @command
    def annual_figures(self, year: int, agency: str) -> dict:
        return plans.annual_figures(year, agency)

    @rpc
    @command
    def get_draws(self, ids: list) -> list:
        return queries.get_draws(ids)

    @rpc
    @command
    def list_draws(self, filters: dict | None = None, page: dict | None = None) -> dict:
        return queries.list_draws(filters, Page.parse(page))

    @rpc
    @command
    def list_assignments(self, draw_id: str, page: dict | None = None) -> dict:
        return queries.list_assignments(draw_id, Page.parse(page))

    @rpc
    @command
    def published_draw(self, draw_id: str) -> dict | None:
        return queries.published(draw_id)

    @rpc
    @command
    def verify_draw(self, draw_id: str) -> dict | None:
        return queries.verify(draw_id)

    @rpc
    @command
    def draw_targets(self, draw_id: str) -> list:
        return queries.targets(draw_id)

    @rpc
    @command
    def sweep_overdue(self, as_of: str | None = None) -> list:
        """`as_of` (ISO date) lets an operator re-run the sweep for a given day."""
        return commands.sweep_overdue(self, as_of)

    @timer(interval=SWEEP_SECONDS)
    def sweep(self):
        commands.sweep_overdue(self)

    @subscribe()  # services/contracts/topology.py: what it receives
    def on_inspection_recorded(self, event: Event):
        commands.record_inspection(self, event.payload)
