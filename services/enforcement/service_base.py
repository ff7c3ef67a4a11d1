"""The one enforcement service; culture and transport are thin subclasses that name
their context, agency and store. Entrypoints only: the work is in the modules they call.

Every RPC is `@rpc @command`: a refusal comes back as `{"error": {code, ...}}`. `actor` is
the caller ({sub, roles, agency}); `viewer` decides whether personal data is masked.
"""
from __future__ import annotations

from services.bus.client import ServiceClients
from services.bus.instants import TextInstants
from services.bus.rpc import command, rpc
from services.bus.service import BusService
from services.common.paging import Page
from services.common.replay_clock import ReplayClockMixin
from services.bus.subscriber import subscribe
from services.bus.timer import timer
from services.contracts.payloads import Event
from services.enforcement import (case_documents, commands, directory, evidence, figures,
                                  inspecting, instants, overdue, powers, queries, typical)
from services.enforcement.dependencies import Collections
from services.enforcement.domain.catalogue import catalogue_for

# Short, so an overdue deadline is announced within seconds of passing; cheap, because
# the sweep is one indexed query that usually finds nothing.
SWEEP_SECONDS = 2


class EnforcementService(BusService, ReplayClockMixin):
    agency: str
    clients = ServiceClients("certification")
    docs = Collections()
    text_instants = TextInstants(instants.plan)  # converted at start, before serving

    @property
    def catalogue(self):
        return catalogue_for(self.agency)

    # ---- directory
    @rpc
    @command
    def import_entities(self, rows, actor=None):
        return directory.import_rows(self.docs, self.store, self.catalogue, rows)

    @rpc
    @command
    def register_entity(self, input, actor=None, viewer=None):
        return directory.register(self.docs, self.store, self.catalogue, input, viewer)

    @rpc
    @command
    def list_entities(self, filter=None, page=None, viewer=None):
        return directory.list_page(self.docs, filter, Page.parse(page), viewer)

    @rpc
    @command
    def get_entities(self, ids, viewer=None):
        return directory.get_many(self.docs, ids, viewer)

    @rpc
    @command
    def directory_snapshot(self, domains=None):
        return directory.snapshot(self.docs, self.agency, domains)

    @rpc
    @command
    def recusals(self, domains=None):
        return directory.recusals(self.docs, domains)

    @rpc
    @command
    def declare_conflict(self, input, actor=None):
        return directory.declare_conflict(self.docs, self.store, input, actor)

    @rpc
    @command
    def list_conflicts(self, entity_id=None, officer_id=None):
        return directory.conflicts(self.docs, entity_id, officer_id)

    # ---- inspections
    @rpc
    @command
    def record_inspection(self, input, actor=None):
        return inspecting.record(self.docs, self.store, self.agency, self.catalogue,
                                 self.clients.certification, input)

    @rpc
    @command
    def list_inspections(self, filter=None, page=None):
        return inspecting.list_page(self.docs, filter, Page.parse(page))

    @rpc
    @command
    def get_inspections(self, ids):
        return inspecting.get_many(self.docs, ids)

    @rpc
    @command
    def list_tasks(self, filter=None, page=None):
        return inspecting.tasks_page(self.docs, filter, Page.parse(page))

    @subscribe()  # services/contracts/topology.py: what it receives
    def on_task_assigned(self, event: Event):
        if event.payload.agency == self.agency:
            inspecting.accept_task(self.docs, self.store, event.payload)

    # ---- cases
    @rpc
    @command
    def file_case(self, input, actor=None, viewer=None):
        return commands.file(self.docs, self.store, self.agency, self.catalogue,
                             self.clients.certification, input, actor, viewer)

    @rpc
    @command
    def case_action(self, case_id, action, input, actor=None, viewer=None):
        return commands.act(self.docs, self.store, self.catalogue, self.clients.certification,
                            case_id, action, input, actor, viewer)

    @rpc
    @command
    def get_case(self, case_id, viewer=None):
        return queries.get_case(self.docs, case_id, viewer)

    @rpc
    @command
    def get_cases(self, ids, viewer=None):
        return queries.get_cases(self.docs, ids, viewer)

    @rpc
    @command
    def list_cases(self, filter=None, page=None, viewer=None):
        return queries.list_cases(self.docs, filter, Page.parse(page), viewer)

    @rpc
    @command
    def verify_record(self, id):
        return queries.verify_record(self.docs, id)

    @rpc
    @command
    def overdue(self, viewer=None):
        return overdue.overdue(self.docs, viewer)

    @rpc
    @command
    def sweep(self):
        return overdue.sweep(self.docs, self.store)

    @timer(interval=SWEEP_SECONDS)
    def sweep_overdue(self):
        overdue.sweep(self.docs, self.store)

    # ---- evidence, reasoned documents, typical cases
    @rpc
    @command
    def attach_evidence(self, input, actor=None):
        return evidence.attach(self.docs, self.store, self.agency, input)

    @rpc
    @command
    def list_evidence(self, subject_ids):
        return evidence.list_for(self.docs, subject_ids)

    @rpc
    @command
    def download_evidence(self, id):
        return evidence.download(self.docs, id)

    @rpc
    @command
    def issue_document(self, input, actor=None):
        return case_documents.issue(self.docs, self.store, self.agency, self.catalogue,
                                    input)

    @rpc
    @command
    def list_documents(self, case_ids):
        return case_documents.list_for(self.docs, case_ids)

    @rpc
    @command
    def download_document(self, id, format="pdf"):
        return case_documents.download(self.docs, id, format)

    @rpc
    @command
    def mark_typical(self, input, actor=None):
        return typical.mark(self.docs, self.store, self.catalogue, input)

    @rpc
    @command
    def list_typical(self, filter=None, page=None):
        return typical.list_page(self.docs, self.catalogue, filter, Page.parse(page))

    # ---- bodies, delegated powers, the four lists
    @rpc
    @command
    def register_body(self, input, actor=None):
        return powers.register_body(self.docs, self.store, self.agency, self.catalogue,
                                    input)

    @rpc
    @command
    def delegate_power(self, input, actor=None):
        return powers.delegate_power(self.docs, self.store, self.agency, self.catalogue,
                                     input)

    @rpc
    @command
    def end_power(self, input, actor=None):
        return powers.end_power(self.docs, self.store, input)

    @rpc
    @command
    def assign_officer_to_body(self, input, actor=None):
        return powers.assign_officer(self.docs, self.store, self.agency, self.catalogue,
                                     self.clients.certification, input)

    @rpc
    @command
    def list_bodies(self):
        return powers.list_bodies(self.docs, self.agency, self.catalogue)

    @rpc
    @command
    def get_bodies(self, ids):
        return powers.get_bodies(self.docs, self.agency, self.catalogue, ids)

    @rpc
    @command
    def list_powers(self, filter=None):
        return powers.list_powers(self.docs, filter)

    @rpc
    @command
    def supervision_lists(self, on=None, list=None):
        return powers.list_entries(self.agency, self.catalogue, on, list)

    @rpc
    @command
    def violation_discretion(self, violation_code, on=None):
        return powers.violation_discretion(self.agency, self.catalogue, violation_code, on)

    # ---- publication, figures
    @rpc
    @command
    def public_decisions(self, ids):
        return queries.public_decisions(self.docs, self.catalogue, ids)

    @rpc
    @command
    def list_published(self, filter=None, page=None):
        return queries.list_published(self.docs, self.catalogue, filter, Page.parse(page))

    @rpc
    @command
    def statistics(self, start, end):
        return queries.statistics(self.docs, self.agency, start, end)

    @rpc
    @command
    def annual_figures(self, year):
        return figures.annual_figures(self.docs, self.agency, year)

    @rpc
    @command
    def operation_summary(self, operation_id):
        return queries.operation_summary(self.docs, operation_id)
