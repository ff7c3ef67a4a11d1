"""The register of rule-of-law activities (法治建设活动台账) over GraphQL: planners and
legal-affairs staff record meetings, study sessions, publicity, trainings, normative
documents, fair-competition reviews and government-service items, and list them."""
from __future__ import annotations

import datetime as dt

import graphene

from gateway.schema import paging
from gateway.schema.base import Agency, UserError, actor, enum_of, payload_errors, plain, requires
from gateway.schema.scalars import DateTime
from services.contracts.vocabulary import ACTIVITY_KINDS as KINDS, MAX_ACTIVITY_QUANTITY as MAX_QUANTITY

ROLES = ("planner", "accountability_officer")
RuleOfLawActivityKind = enum_of(
    "RuleOfLawActivityKind", tuple(KINDS),
    "What the register counts: " + "; ".join(f"{k}: {v}" for k, v in KINDS.items()) + ".")


class RuleOfLawActivity(graphene.ObjectType):
    id = graphene.ID(required=True)
    kind = graphene.Field(RuleOfLawActivityKind, required=True)
    agency = graphene.Field(Agency, required=True)
    title = graphene.String(required=True)
    held_on = graphene.Date(required=True)
    quantity = graphene.Int(required=True, description="How many of the kind it stands for.")
    recorded_by = graphene.String(required=True)
    recorded_at = DateTime(required=True)

    def resolve_id(row, info):
        return row["activity_id"]

    def resolve_held_on(row, info):
        return dt.date.fromisoformat(row["held_on"])

    def resolve_recorded_at(row, info):
        return dt.datetime.fromisoformat(row["recorded_at"])


RuleOfLawActivityConnection = paging.connection(RuleOfLawActivity)


class RecordRuleOfLawActivityInput(graphene.InputObjectType):
    kind = graphene.Field(RuleOfLawActivityKind, required=True)
    agency = graphene.Field(Agency, description="Default: the caller's own agency.")
    title = graphene.String(required=True)
    held_on = graphene.Date(required=True)
    quantity = graphene.Int(description=f"Default 1, at most {MAX_QUANTITY}.")
    request_key = graphene.String(description="Sending the same key again records nothing "
                                              "new and returns the first entry.")


class RuleOfLawActivityPayload(graphene.ObjectType):
    activity = graphene.Field(RuleOfLawActivity)
    errors = graphene.List(graphene.NonNull(UserError), required=True)


class Query(graphene.ObjectType):
    rule_of_law_activities = paging.field(
        RuleOfLawActivityConnection, "The register, newest first.", agency=Agency(),
        kind=RuleOfLawActivityKind(), year=graphene.Int())

    @requires(*ROLES)
    def resolve_rule_of_law_activities(root, info, agency=None, kind=None, year=None,
                                       first=None, after=None, offset=None):
        filters = plain({"agency": agency, "kind": kind, "year": year})
        return paging.page(RuleOfLawActivityConnection, lambda page: info.context
                           .services.accountability.list_activities(filters, page),
                           first, after, offset)


class Mutation(graphene.ObjectType):
    record_rule_of_law_activity = graphene.Field(
        RuleOfLawActivityPayload, input=RecordRuleOfLawActivityInput(required=True),
        required=True, description="Add an entry to the register of rule-of-law activities.")

    @requires(*ROLES)
    def resolve_record_rule_of_law_activity(root, info, input):
        return payload_errors(RuleOfLawActivityPayload, "activity", lambda: info.context
                              .services.accountability.record_activity(plain(input),
                                                                       actor(info)))
