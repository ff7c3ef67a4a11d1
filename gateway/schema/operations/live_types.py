"""A launched operation as GraphQL shows it: inspection tasks, alerts and progress."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency, EnforcementDomain, requires
from gateway.schema.certification_types import QualificationReason
from gateway.schema import paging
from gateway.schema.operations.report import ProgressFigures
from gateway.schema.operations.roles import STAFF
from gateway.schema.scalars import DateTime


class OperationAlertKind(graphene.Enum):
    MEMBER_DISQUALIFIED = "MEMBER_DISQUALIFIED"
    TEAM_UNDERSTAFFED = "TEAM_UNDERSTAFFED"


class InspectionTask(graphene.ObjectType):
    id = graphene.ID(required=True)
    team = graphene.String(required=True)
    agency = graphene.Field(Agency, required=True)
    entity_id = graphene.ID(required=True)
    domain = graphene.Field(EnforcementDomain, required=True)
    category = graphene.String(required=True)
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)
    done = graphene.Boolean(required=True)
    inspection_id = graphene.ID()
    violation_found = graphene.Boolean()

    @requires(*STAFF)
    def resolve_id(task, info):
        return task["task_id"]

    @requires(*STAFF)
    def resolve_done(task, info):
        return task["inspection_id"] is not None


class OperationAlert(graphene.ObjectType):
    id = graphene.ID(required=True)
    kind = graphene.Field(OperationAlertKind, required=True)
    team = graphene.String(required=True)
    at = DateTime(required=True)
    officer_id = graphene.ID()
    domain = graphene.Field(EnforcementDomain)
    reasons = graphene.List(graphene.NonNull(QualificationReason), required=True)

    @requires(*STAFF)
    def resolve_id(alert, info):
        return alert["alert_id"]


class TeamProgress(ProgressFigures):
    team = graphene.String(required=True)


class AgencyProgress(ProgressFigures):
    agency = graphene.Field(Agency, required=True)


TeamProgressConnection = paging.connection(TeamProgress)
AgencyProgressConnection = paging.connection(AgencyProgress)


class OperationProgress(graphene.ObjectType):
    total = graphene.Field(ProgressFigures, required=True)
    by_team = paging.field(TeamProgressConnection)
    by_agency = paging.field(AgencyProgressConnection)

    @requires(*STAFF)
    def resolve_by_team(progress, info, first=None, after=None, offset=None):
        return paging.from_list(TeamProgressConnection, [
            {"team": k, **v} for k, v in progress["by_team"].items()], first, after, offset)

    @requires(*STAFF)
    def resolve_by_agency(progress, info, first=None, after=None, offset=None):
        return paging.from_list(AgencyProgressConnection, [
            {"agency": k, **v} for k, v in progress["by_agency"].items()], first, after, offset)


InspectionTaskConnection = paging.connection(InspectionTask)
OperationAlertConnection = paging.connection(OperationAlert)
