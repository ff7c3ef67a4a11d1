"""Accountability over GraphQL: findings, sanctions, the rectification ledger, records.

Findings are for legal-affairs staff and certification administrators only: a
cross_agency caller learns whether an officer is qualified (officerQualification) and
nothing about why.
"""
from __future__ import annotations

import graphene
from graphene import ID, Argument, Date, List, NonNull, String

from gateway.schema.accountability_inputs import (
    FindingInput, FixOnTheSpotInput, OfficerStepInput, OpenLedgerItemInput,
    RectifyLedgerItemInput, SanctionInput, VerifyLedgerItemInput)
from gateway.schema.accountability_types import (
    AccountabilityCounts, FindingConnection, FindingPayload, FindingSource, LedgerItemConnection,
    LedgerItemPayload, LedgerItemStatus, LiftedSanctionsPayload, SanctionConnection,
    SanctionMeasure, SanctionPayload, officer_of, remember_officers)
from gateway.schema import paging
from gateway.schema.base import actor, forbidden, payload_errors, plain, requires
from gateway.schema.certification_types import Officer

READERS = ("accountability_officer", "certification_admin")
WRITERS = ("accountability_officer",)
# Training and reinstatement may also be recorded by whoever keeps the officer roster.
LIFTERS = ("accountability_officer", "certification_admin")


def _mutation(payload, key, method, input_cls, roles, description):
    @requires(*roles)
    def resolve(root, info, input):
        accountability = info.context.services.accountability
        return payload_errors(payload, key, lambda: getattr(accountability, method)(
            plain(input, keep_none=True), actor(info)))
    return graphene.Field(payload, required=True, input=Argument(input_cls, required=True),
                          resolver=resolve, description=description)


class OfficerAccountabilityRecord(graphene.ObjectType):
    officer_id = ID(required=True)
    officer = graphene.Field(Officer)
    active_measures = List(NonNull(SanctionMeasure), required=True,
                           description="Sanctions in force now.")
    findings = paging.field(FindingConnection, "The officer's findings.")
    sanctions = paging.field(SanctionConnection, "The officer's sanctions.")
    ledger_items = paging.field(LedgerItemConnection, "Ledger items the officer owns or "
                                "that follow from the officer's findings.")

    @staticmethod
    def resolve_active_measures(root, info):
        return root["standing"]["active_measures"]

    @staticmethod
    def resolve_findings(root, info, **page):
        return paging.from_list(FindingConnection, root["findings"], **page)

    @staticmethod
    def resolve_sanctions(root, info, **page):
        return paging.from_list(SanctionConnection, root["sanctions"], **page)

    @staticmethod
    def resolve_ledger_items(root, info, **page):
        return paging.from_list(LedgerItemConnection, root["ledger_items"], **page)


class Query(graphene.ObjectType):
    accountability_findings = graphene.Field(
        FindingConnection, required=True, officer_id=ID(), source=Argument(FindingSource),
        rule=String(), case_id=ID(), **paging.arguments(),
        description="Findings, newest first.")
    ledger_items = graphene.Field(
        LedgerItemConnection, required=True, owner=String(), status=Argument(LedgerItemStatus),
        **paging.arguments(), description="The rectification ledger, newest first.")
    officer_accountability_record = graphene.Field(
        OfficerAccountabilityRecord, officer_id=ID(required=True),
        description="Null for an officer certification does not know.")
    accountability_counts = graphene.Field(
        AccountabilityCounts, required=True, start=Date(required=True), end=Date(required=True),
        description="Figures for the civil days start..end (inclusive), e.g. a year.")

    @requires(*READERS)
    def resolve_accountability_findings(root, info, first=None, after=None, offset=None,
                                        **filters):
        return paging.page(FindingConnection, lambda page: info.context.services
                           .accountability.list_findings(plain(filters, keep_none=True), page),
                           first, after, offset, prime=lambda rows: remember_officers(info, rows))

    @requires(*READERS)
    def resolve_ledger_items(root, info, first=None, after=None, offset=None, **filters):
        return paging.page(LedgerItemConnection, lambda page: info.context.services
                           .accountability.list_ledger_items(plain(filters, keep_none=True),
                                                             page), first, after, offset)

    @requires(*READERS)
    def resolve_officer_accountability_record(root, info, officer_id):
        officer = officer_of(info, officer_id)
        if officer is None:
            return None
        agency = info.context.principal.agency
        if agency and officer["agency"] != agency:  # staff of one agency see their own
            raise forbidden(f"officer {officer_id} belongs to another agency")
        record = info.context.services.accountability.officer_record(officer_id)
        return {**record, "officer": officer}

    @requires(*READERS)
    def resolve_accountability_counts(root, info, start, end):
        counts = info.context.services.accountability.period_counts(start.isoformat(),
                                                                    end.isoformat())
        return {k: {n.lower(): c for n, c in v.items()} if isinstance(v, dict) else v
                for k, v in counts.items()}


class Mutation(graphene.ObjectType):
    record_finding = _mutation(FindingPayload, "finding", "record_finding", FindingInput,
                               WRITERS, "A finding of illegal or improper enforcement.")
    impose_sanction = _mutation(SanctionPayload, "sanction", "impose_sanction", SanctionInput,
                                WRITERS, "Certification applies it to the qualification.")
    complete_training = _mutation(LiftedSanctionsPayload, "sanctions", "complete_training",
                                  OfficerStepInput, LIFTERS, "Off-post training is done.")
    reinstate_to_post = _mutation(LiftedSanctionsPayload, "sanctions", "reinstate_to_post",
                                  OfficerStepInput, LIFTERS, "Back on the enforcement post.")
    open_ledger_item = _mutation(LedgerItemPayload, "ledger_item", "open_ledger_item",
                                 OpenLedgerItemInput, WRITERS, "Something to put right.")
    fix_on_the_spot = _mutation(LedgerItemPayload, "ledger_item", "fix_on_the_spot",
                                FixOnTheSpotInput, WRITERS, "Opened and rectified at once.")
    rectify_ledger_item = _mutation(LedgerItemPayload, "ledger_item", "rectify_ledger_item",
                                    RectifyLedgerItemInput, WRITERS, "Put right, with evidence.")
    verify_ledger_item = _mutation(LedgerItemPayload, "ledger_item", "verify_ledger_item",
                                   VerifyLedgerItemInput, WRITERS,
                                   "Checked by someone other than who rectified it.")
