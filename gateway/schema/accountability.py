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
from gateway.schema.base import forbidden, mutation, plain, requires
from gateway.schema.certification_types import Officer

READERS = ("accountability_officer", "certification_admin")
WRITERS = ("accountability_officer",)
# Training and reinstatement may also be recorded by whoever keeps the officer roster.
LIFTERS = ("accountability_officer", "certification_admin")


def _record(method, input_cls):
    """`call` and `input` of a mutation recording `input` with `accountability.<method>`."""
    return {"call": lambda services, who, input: getattr(services.accountability, method)(
        plain(input, keep_none=True), who),
            "input": Argument(input_cls, required=True,
                              description="What to record; see the input type.")}


def _roles(roles):
    return f"Roles: {', '.join(roles)}."


class OfficerAccountabilityRecord(graphene.ObjectType):
    """One officer's accountability record (过错责任档案): findings, sanctions and ledger
    items, and the measures in force. accountability_officer and certification_admin (of
    the officer's agency when the token names one)."""
    officer_id = ID(required=True, description="The officer the record is about.")
    officer = graphene.Field(Officer, description="The officer's basics; null if "
                             "certification no longer knows them.")
    active_measures = List(NonNull(SanctionMeasure), required=True,
                           description="Sanctions in force now.")
    findings = paging.field(FindingConnection, "Findings against the officer, newest first.")
    sanctions = paging.field(SanctionConnection, "Sanctions imposed on the officer (in force "
                             "or lifted), newest first.")
    ledger_items = paging.field(LedgerItemConnection, "Rectification ledger items (整改台账) the "
                                "officer owns or that follow from the officer's findings.")

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
        FindingConnection, required=True,
        officer_id=ID(description="Only findings against this officer."),
        source=Argument(FindingSource, description="Only findings from this source."),
        rule=String(description="Only findings an automatic rule recorded, by its name "
                    "(e.g. LATE_PUBLICATION)."),
        case_id=ID(description="Only findings about this enforcement case."),
        **paging.arguments(),
        description="Findings of illegal or improper enforcement (执法过错认定), newest first. "
                    "accountability_officer and certification_admin; never cross_agency.")
    ledger_items = graphene.Field(
        LedgerItemConnection, required=True,
        owner=String(description="Only items this person or unit must put right."),
        status=Argument(LedgerItemStatus, description="Only items in this state."),
        **paging.arguments(),
        description="The rectification ledger (整改台账), newest first. "
                    "accountability_officer and certification_admin.")
    officer_accountability_record = graphene.Field(
        OfficerAccountabilityRecord, officer_id=ID(required=True, description="The "
                                                   "officer's id."),
        description="One officer's accountability record; null for an officer "
                    "certification does not know. accountability_officer and "
                    "certification_admin (another agency's officer: FORBIDDEN).")
    accountability_counts = graphene.Field(
        AccountabilityCounts, required=True,
        start=Date(required=True, description="First civil day counted (Asia/Shanghai)."),
        end=Date(required=True, description="Last civil day counted (inclusive)."),
        description="Accountability figures for the civil days start..end (inclusive), "
                    "e.g. a year. accountability_officer and certification_admin.")

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
    record_finding = mutation(
        FindingPayload, roles=WRITERS, **_record("record_finding", FindingInput),
        description="Record a finding of illegal or improper enforcement (执法过错认定) "
                    "against an officer. Errors: INVALID_INPUT, NOT_FOUND. " + _roles(WRITERS))
    impose_sanction = mutation(
        SanctionPayload, roles=WRITERS, **_record("impose_sanction", SanctionInput),
        description="Impose an accountability measure (问责) for a finding; certification "
                    "applies it to the officer's qualification. Errors: INVALID_INPUT, "
                    "NOT_FOUND, SANCTION_ALREADY_IMPOSED. " + _roles(WRITERS))
    complete_training = mutation(
        LiftedSanctionsPayload, roles=LIFTERS, **_record("complete_training", OfficerStepInput),
        description="Record that off-post training (离岗培训) is completed: the "
                    "OFF_POST_TRAINING sanctions are lifted. Errors: INVALID_INPUT, NOT_FOUND, "
                    "INVALID_TRANSITION. " + _roles(LIFTERS))
    reinstate_to_post = mutation(
        LiftedSanctionsPayload, roles=LIFTERS, **_record("reinstate_to_post", OfficerStepInput),
        description="Reinstate an officer removed from the enforcement post (调离执法岗位): the "
                    "REMOVAL_FROM_POST sanctions are lifted. Errors: INVALID_INPUT, NOT_FOUND, "
                    "INVALID_TRANSITION. " + _roles(LIFTERS))
    open_ledger_item = mutation(
        LedgerItemPayload, roles=WRITERS, **_record("open_ledger_item", OpenLedgerItemInput),
        description="Open a rectification ledger item (整改台账) with an owner and a deadline. "
                    "Errors: INVALID_INPUT, NOT_FOUND. " + _roles(WRITERS))
    fix_on_the_spot = mutation(
        LedgerItemPayload, roles=WRITERS, **_record("fix_on_the_spot", FixOnTheSpotInput),
        description="Record a problem fixed on the spot (立行立改): opened and rectified at "
                    "once. Errors: INVALID_INPUT, NOT_FOUND. " + _roles(WRITERS))
    rectify_ledger_item = mutation(
        LedgerItemPayload, roles=WRITERS,
        **_record("rectify_ledger_item", RectifyLedgerItemInput),
        description="Mark a ledger item rectified, with evidence. Errors: INVALID_INPUT, "
                    "NOT_FOUND, INVALID_TRANSITION. " + _roles(WRITERS))
    verify_ledger_item = mutation(
        LedgerItemPayload, roles=WRITERS, **_record("verify_ledger_item", VerifyLedgerItemInput),
        description="Verify a rectified ledger item: by someone other than who rectified it. "
                    "Errors: INVALID_INPUT, NOT_FOUND, INVALID_TRANSITION, SAME_PERSON. "
                    + _roles(WRITERS))
