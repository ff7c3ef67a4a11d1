"""GraphQL types of joint operations. Roots are the operations service's dicts (snake_case
keys, read by graphene's default resolver); times are parsed once, in `operation_node`."""
from __future__ import annotations

import datetime as dt

import graphene

from gateway.schema.base import Agency, EnforcementDomain, enum_of, requires
from gateway.schema.certification_types import Officer, Qualification
from gateway.schema import paging
from gateway.schema.batching import officers
from gateway.schema.operations import batch
from gateway.schema.operations.live_types import (
    InspectionTaskConnection, OperationAlertConnection, OperationProgress)
from gateway.schema.operations.report import JointReport, fetch_report
from gateway.schema.operations.roles import PUBLISHED, STAFF
from gateway.schema.scalars import DateTime
from services.contracts.vocabulary import OPERATION_STATUSES as STATUSES

_TIMES = ("starts_at", "ends_at", "planned_at", "launched_at", "closed_at")


def _moment(value):
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def operation_node(data: dict | None) -> dict | None:
    if data is None:
        return None
    return {**data, **{k: _moment(data.get(k)) for k in _TIMES},
            "alerts": [{**a, "at": _moment(a["at"])} for a in data["alerts"]]}


JointOperationStatus = enum_of("JointOperationStatus", STATUSES, "A joint operation's state.")


class TeamMember(graphene.ObjectType):
    officer = graphene.Field(Officer, required=True)
    domain = graphene.Field(EnforcementDomain, required=True)
    qualification = graphene.Field(Qualification, required=True, description=(
        "As of now; an operation whose member lost qualification shows it here."))
    agency = graphene.Field(Agency, required=True)

    @requires(*STAFF)
    def resolve_officer(member, info):
        return officers(info).get(member["officer_id"])

    @requires(*PUBLISHED)
    def resolve_qualification(member, info):
        return batch.qualifications(info).get((member["officer_id"], member["domain"]))


class Team(graphene.ObjectType):
    name = graphene.String(required=True)
    members = graphene.List(graphene.NonNull(TeamMember), required=True)
    understaffed = graphene.List(graphene.NonNull(EnforcementDomain), required=True,
                                 description="Domains the team fell below two qualified "
                                             "officers in while launched.")


class JointOperation(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    status = graphene.Field(JointOperationStatus, required=True)
    agencies = graphene.List(graphene.NonNull(Agency), required=True)
    starts_at = DateTime(required=True)
    ends_at = DateTime(required=True)
    teams = graphene.List(graphene.NonNull(Team), required=True)
    legal_basis = graphene.String(required=True, description="Legal basis / action plan.")
    lead_agency = graphene.Field(Agency, required=True)
    areas = graphene.List(graphene.NonNull(graphene.String), required=True)
    objectives = graphene.List(graphene.NonNull(graphene.String), required=True)
    planned_at = DateTime()
    launched_at = DateTime()
    closed_at = DateTime(description="When it was completed or cancelled.")
    cancel_reason = graphene.String()
    tasks = paging.field(InspectionTaskConnection, team=graphene.String())
    alerts = paging.field(OperationAlertConnection, description="Newest first.")
    progress = graphene.Field(OperationProgress, required=True)
    report = graphene.Field(JointReport, description="The joint result report; cross-agency "
                                                     "systems see it once COMPLETED.")

    @requires(*PUBLISHED)
    def resolve_id(op, info):
        return op["operation_id"]

    @requires(*PUBLISHED)
    def resolve_teams(op, info):
        return op["teams"]

    @requires(*STAFF)
    def resolve_tasks(op, info, first=None, after=None, offset=None, team=None):
        tasks = [t for t in op["tasks"] if team is None or t["team"] == team]
        return paging.from_list(InspectionTaskConnection, tasks, first, after, offset)

    @requires(*STAFF)
    def resolve_alerts(op, info, first=None, after=None, offset=None):
        return paging.from_list(OperationAlertConnection, op["alerts"][::-1], first, after, offset)

    @requires(*STAFF)
    def resolve_progress(op, info):
        return op["progress"]

    @requires(*PUBLISHED)
    def resolve_report(op, info):
        return fetch_report(info, op)


JointOperationConnection = paging.connection(JointOperation)
