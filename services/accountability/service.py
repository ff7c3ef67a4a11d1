"""The accountability service: entrypoints only (see commands, rectification, queries,
automatic)."""
from __future__ import annotations

import logging

from services.accountability import (activities, automatic, commands, complaints, queries,
                                     rectification)
from services.accountability.dependencies import (CERTIFICATION_TIMEOUT, SWEEP_SECONDS,
                                                   sweep_timer)
from services.bus.client import ServiceClients
from services.bus.rpc import command, rpc
from services.bus.service import BusService
from services.common.clock import utcnow
from services.common.paging import Page
from services.common.replay_clock import ReplayClockMixin
from services.bus.store import Store
from services.bus.subscriber import subscribe
from services.contracts.payloads import Event

log = logging.getLogger(__name__)


class AccountabilityService(BusService, ReplayClockMixin):
    name = "accountability"
    store = Store("accountability")
    clients = ServiceClients("certification", timeout=CERTIFICATION_TIMEOUT)

    # ---- findings and sanctions (`actor`: {sub, roles, agency} of the caller)
    @rpc
    @command
    def record_finding(self, input: dict, actor: dict | None = None) -> dict:
        return commands.record_finding(self.store, self.clients.certification, input)

    @rpc
    @command
    def impose_sanction(self, input: dict, actor: dict | None = None) -> dict:
        return commands.impose_sanction(self.store, input)

    @rpc
    @command
    def complete_training(self, input: dict, actor: dict | None = None) -> list[dict]:
        return commands.lift_sanctions(self.store, input, "OFF_POST_TRAINING")

    @rpc
    @command
    def reinstate_to_post(self, input: dict, actor: dict | None = None) -> list[dict]:
        return commands.lift_sanctions(self.store, input, "REMOVAL_FROM_POST")

    # ---- complaints about officers' conduct
    @rpc
    @command
    def submit_complaint(self, input: dict, actor: dict | None = None) -> dict:
        return complaints.submit(self.store, input, actor)

    @rpc
    @command
    def acknowledge_complaint(self, input: dict, actor: dict | None = None) -> dict:
        return complaints.acknowledge(self.store, input)

    @rpc
    @command
    def open_finding_from_complaint(self, input: dict, actor: dict | None = None) -> dict:
        return complaints.open_finding(self.store, self.clients.certification, input)

    @rpc
    @command
    def list_complaints(self, filters: dict | None = None, page: dict | None = None) -> dict:
        return complaints.list_page(filters, Page.parse(page))

    @rpc
    @command
    def overdue_complaints(self) -> list[dict]:
        return complaints.overdue(utcnow())

    # ---- the rectification ledger
    @rpc
    @command
    def open_ledger_item(self, input: dict, actor: dict | None = None) -> dict:
        return rectification.open_ledger_item(self.store, input)

    @rpc
    @command
    def fix_on_the_spot(self, input: dict, actor: dict | None = None) -> dict:
        return rectification.fix_on_the_spot(self.store, input, actor)

    @rpc
    @command
    def rectify_ledger_item(self, input: dict, actor: dict | None = None) -> dict:
        return rectification.rectify_ledger_item(self.store, input, actor)

    @rpc
    @command
    def verify_ledger_item(self, input: dict, actor: dict | None = None) -> dict:
        return rectification.verify_ledger_item(self.store, input, actor)

    @rpc
    @command
    def sweep_overdue(self) -> int:
        return rectification.sweep_overdue(self.store)

    @sweep_timer(interval=SWEEP_SECONDS, eager=True)
    def overdue_sweep(self):
        marked = rectification.sweep_overdue(self.store)
        if marked:
            log.info("ledger sweep: %d item(s) overdue", marked)

    # ---- reads
    @rpc
    @command
    def list_findings(self, filters: dict | None = None, page: dict | None = None) -> dict:
        return queries.list_findings(filters, Page.parse(page))

    @rpc
    @command
    def list_ledger_items(self, filters: dict | None = None, page: dict | None = None) -> dict:
        return queries.list_ledger_items(filters, Page.parse(page))

    @rpc
    @command
    def officer_record(self, officer_id: str) -> dict:
        return queries.officer_record(officer_id)

    @rpc
    @command
    def period_counts(self, start: str, end: str) -> dict:
        return queries.period_counts(start, end)

    # ---- the register of rule-of-law activities, the annual figures
    @rpc
    @command
    def record_activity(self, input: dict, actor: dict | None = None) -> dict:
        return activities.record(self.store, input, actor)

    @rpc
    @command
    def list_activities(self, filters: dict | None = None, page: dict | None = None) -> dict:
        return activities.list_page(filters, Page.parse(page))

    @rpc
    @command
    def annual_figures(self, year: int, agency: str) -> dict:
        return activities.annual_figures(self.clients.certification, year, agency)

    @subscribe()  # services/contracts/topology.py: a platform delivery missed its deadline
    def on_platform_delivery_overdue(self, event: Event):
        rectification.open_for_overdue_delivery(self.store, event.payload)

    # ---- automatic findings
    @subscribe()  # services/contracts/topology.py: what it receives
    def on_case_event(self, event: Event):
        automatic.on_case_event(self.store, event)

    @subscribe()  # services/contracts/topology.py: what it receives
    def on_action_event(self, event: Event):
        automatic.on_action_event(self.store, self.clients.certification, event)
