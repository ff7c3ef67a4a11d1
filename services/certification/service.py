"""The certification service: officers, exams, certificates and the qualification check.

Entrypoints only; the rules live in `domain/`, the storage in `repository.py`.
"""
from __future__ import annotations

from services.bus.instants import TextInstants
from services.bus.rpc import command, rpc
from services.bus.service import BusService
from services.common.paging import Page
from services.common.replay_clock import ReplayClockMixin
from services.bus.store import Store
from services.bus.subscriber import subscribe
from services.bus.timer import timer
from services.certification import checks as qualification_checks
from services.certification import (commands, credentials, exam_import, figures, queries,
                                    reactions, repository)
from services.certification.access import admin_of
from services.certification.dependencies import Credentials, Rules
from services.certification.domain import officer_view
from services.common.clock import utcnow
from services.contracts.payloads import Event

SWEEP_SECONDS = 300  # expiry needs no sweep to be right; this only announces it
# Credentials' status lists must show a change by time alone (expiry) within a second.
CREDENTIAL_SWEEP_SECONDS = 1


class CertificationService(BusService, ReplayClockMixin):
    name = "certification"
    # The roster's read model gets a row for every officer stored without one.
    store = Store("certification", on_start=repository.backfill_listings)
    rules = Rules()
    credential_setup = Credentials()
    # officers' history written before the time rule held its instants as text
    text_instants = TextInstants(lambda context: {
        "officers": ["history.effective_at", "history.recorded_at"]})

    # ---- the cross-service API
    @rpc
    @command
    def check_qualifications(self, checks: list) -> list:
        return qualification_checks.qualifications(checks, self.rules)

    @rpc
    @command
    def check_qualifications_over(self, checks: list) -> list:
        return qualification_checks.qualifications_over(checks, self.rules)

    @rpc
    @command
    def get_officers(self, ids: list, viewer: dict | None = None) -> list:
        found, now, admin = repository.load_many(qualification_checks.id_list(ids)), utcnow(), \
            admin_of(viewer)
        return [officer_view(found[str(i)][0], now, admin_of=admin, config=self.rules)
                if str(i) in found else None for i in ids]

    @rpc
    @command
    def qualified_roster(self, domain: str, at: str | None = None,
                         agency: str | None = None) -> list:
        return qualification_checks.qualified_roster(domain, at, agency, self.rules)

    @rpc
    @command
    def annual_figures(self, year: int, agency: str) -> dict:
        return figures.annual_figures(year, agency, self.rules)

    # ---- administrators' reads
    @rpc
    @command
    def list_officers(self, filter: dict | None = None, page: dict | None = None,
                      viewer: dict | None = None) -> dict:
        # up to a whole roster in one page: the spreadsheet export asks for it
        return queries.list_officers(filter, Page.parse(page, most=queries.MAX_EXPORT),
                                     viewer, self.rules)

    @rpc
    @command
    def officer_history(self, officer_id: str, viewer: dict | None = None) -> dict:
        return queries.officer_history(officer_id, viewer, self.rules)

    # ---- administrators' commands (`actor` None: a trusted internal caller)
    @rpc
    @command
    def register_officer(self, input: dict, actor: dict | None = None) -> dict:
        return commands.register(self.store, input, actor, self.rules)

    @rpc
    @command
    def import_officer(self, row: dict, actor: dict | None = None) -> dict:
        return commands.import_officer(self.store, row, actor, self.rules)

    @rpc
    @command
    def import_exam_results(self, csv: str, actor: dict | None = None) -> dict:
        return exam_import.import_exam_results(self.store, csv, actor, self.rules)

    def _run(self, name, input, actor):
        return commands.run(self.store, name, input, actor, self.rules)

    @rpc
    @command
    def record_exam(self, input: dict, actor: dict | None = None) -> dict:
        return self._run("record_exam", input, actor)

    @rpc
    @command
    def issue_certificate(self, input: dict, actor: dict | None = None) -> dict:
        return self._run("issue_certificate", input, actor)

    @rpc
    @command
    def renew_certificate(self, input: dict, actor: dict | None = None) -> dict:
        return self._run("renew_certificate", input, actor)

    @rpc
    @command
    def suspend_certificate(self, input: dict, actor: dict | None = None) -> dict:
        return self._run("suspend_certificate", input, actor)

    @rpc
    @command
    def reinstate_certificate(self, input: dict, actor: dict | None = None) -> dict:
        return self._run("reinstate_certificate", input, actor)

    @rpc
    @command
    def revoke_certificate(self, input: dict, actor: dict | None = None) -> dict:
        return self._run("revoke_certificate", input, actor)

    @rpc
    @command
    def record_annual_review(self, input: dict, actor: dict | None = None) -> dict:
        return self._run("record_annual_review", input, actor)

    # ---- officer credentials (the gateway serves them; this service signs and counts)
    @rpc
    @command
    def issue_credential(self, input: dict, actor: dict | None = None) -> dict:
        return credentials.issue(self.store, input, actor, self.rules, self.credential_setup)

    @rpc
    @command
    def status_lists(self, list_ids: list) -> dict:
        return credentials.status_lists(list_ids, self.credential_setup)

    @timer(interval=CREDENTIAL_SWEEP_SECONDS)
    def sweep_credentials(self):
        credentials.sweep_due(self.store, self.rules)

    # ---- time and accountability
    @rpc
    @command
    def sweep(self) -> int:
        return reactions.sweep_all(self.store, self.rules)

    @timer(interval=SWEEP_SECONDS)
    def expiry(self):  # its work is recorded as system:certification.expiry
        reactions.sweep_all(self.store, self.rules)

    @subscribe()  # services/contracts/topology.py: what it receives
    def on_sanction_imposed(self, event: Event):
        reactions.sanction_imposed(self.store, event.payload, self.rules)

    @subscribe()  # services/contracts/topology.py: what it receives
    def on_training_completed(self, event: Event):
        reactions.training_completed(self.store, event.payload, self.rules)

    @subscribe()  # services/contracts/topology.py: what it receives
    def on_reinstated_to_post(self, event: Event):
        reactions.reinstated_to_post(self.store, event.payload, self.rules)
