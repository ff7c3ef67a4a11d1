"""A launched operation as GraphQL shows it: inspection tasks, alerts and progress."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency, EnforcementDomain, enum_of, requires
from gateway.schema.certification_types import QualificationReason
from gateway.schema import paging
from gateway.schema.operations.report import ProgressFigures
from gateway.schema.operations.roles import STAFF
from gateway.schema.scalars import DateTime


OperationAlertKind = enum_of(
    "OperationAlertKind", ("MEMBER_DISQUALIFIED", "TEAM_UNDERSTAFFED"),
    "What went wrong in a launched joint operation's staffing.", {
        "MEMBER_DISQUALIFIED": "A team member lost their qualification (持证上岗) for their "
                               "domain (certificate suspended, revoked or expired, or a "
                               "sanction) and was taken off the team.",
        "TEAM_UNDERSTAFFED": "A team of the launched operation fell below two officers "
                             "qualified for a domain it covers (after a removal, a move or "
                             "a disqualification)."})


class InspectionTask(graphene.ObjectType):
    """An inspection task of a joint operation: one target entity for one team in one domain, done
    once an agency records an inspection naming it."""
    id = graphene.ID(required=True,
                     description="The task's id (`<operationId>-T<n>`); the taskId an inspection "
                                 "names.")
    team = graphene.String(required=True,
                           description="The team (执法小组) that carries it out.")
    agency = graphene.Field(Agency, required=True,
                            description="The agency whose directory holds the entity (and which "
                                        "records the inspection).")
    entity_id = graphene.ID(required=True,
                            description="The entity to inspect.")
    domain = graphene.Field(EnforcementDomain, required=True,
                            description="The enforcement domain of the inspection.")
    category = graphene.String(required=True,
                               description="The entity's directory category (e.g. "
                                           "COACH_OPERATOR).")
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                description="The team's members for the task's domain (kept "
                                            "current while the operation runs).")
    done = graphene.Boolean(required=True,
                            description="true once an inspection that names the task was "
                                        "recorded.")
    inspection_id = graphene.ID(description="The inspection that did it; null while not done.")
    violation_found = graphene.Boolean(description="Whether that inspection found a violation; "
                                                   "null while not done.")

    @requires(*STAFF)
    def resolve_id(task, info):
        return task["task_id"]

    @requires(*STAFF)
    def resolve_done(task, info):
        return task["inspection_id"] is not None


class OperationAlert(graphene.ObjectType):
    """An alert raised while a joint operation runs: a member lost their qualification, or a team
    became understaffed."""
    id = graphene.ID(required=True,
                     description="The alert's id.")
    kind = graphene.Field(OperationAlertKind, required=True,
                          description="What happened: MEMBER_DISQUALIFIED or TEAM_UNDERSTAFFED.")
    team = graphene.String(required=True,
                           description="The team concerned.")
    at = DateTime(required=True,
                  description="When it happened (the qualification loss, the removal).")
    officer_id = graphene.ID(description="The officer who lost qualification; null for "
                                         "TEAM_UNDERSTAFFED.")
    domain = graphene.Field(EnforcementDomain,
                            description="The domain concerned: the member's, or the one the team "
                                        "is short in.")
    reasons = graphene.List(graphene.NonNull(QualificationReason), required=True,
                            description="Why the officer is no longer qualified "
                                        "(MEMBER_DISQUALIFIED); empty otherwise.")

    @requires(*STAFF)
    def resolve_id(alert, info):
        return alert["alert_id"]


class TeamProgress(ProgressFigures):
    """A team's task progress."""
    team = graphene.String(required=True,
                           description="The team's name.")


class AgencyProgress(ProgressFigures):
    """An agency's task progress (tasks whose entity is in its directory)."""
    agency = graphene.Field(Agency, required=True,
                            description="The agency whose tasks are counted.")


TeamProgressConnection = paging.connection(TeamProgress)
AgencyProgressConnection = paging.connection(AgencyProgress)


class OperationProgress(graphene.ObjectType):
    """How far a joint operation's inspection tasks are: in total, by team and by agency."""
    total = graphene.Field(ProgressFigures, required=True,
                           description="All the operation's tasks.")
    by_team = paging.field(TeamProgressConnection,
                           description="Progress per team, by team name.")
    by_agency = paging.field(AgencyProgressConnection,
                             description="Progress per agency, by agency.")

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
