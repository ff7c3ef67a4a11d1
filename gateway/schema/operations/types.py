"""GraphQL types of joint operations. Roots are the operations service's dicts (snake_case
keys, read by graphene's default resolver; times as ISO text, which the scalars serialize)."""
from __future__ import annotations

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

JointOperationStatus = enum_of("JointOperationStatus", STATUSES, "A joint operation's state.")


class TeamMember(graphene.ObjectType):
    """An officer on a team, for one enforcement domain."""
    officer = graphene.Field(Officer, required=True,
                             description="The officer (staff only; cross_agency: FORBIDDEN on "
                                         "this field).")
    domain = graphene.Field(EnforcementDomain, required=True,
                            description="The enforcement domain they inspect in on this team.")
    qualification = graphene.Field(Qualification, required=True, description=(
        "As of now; an operation whose member lost qualification shows it here."))
    agency = graphene.Field(Agency, required=True,
                            description="The officer's agency.")

    @requires(*STAFF)
    def resolve_officer(member, info):
        return officers(info).get(member["officer_id"])

    @requires(*PUBLISHED)
    def resolve_qualification(member, info):
        return batch.qualifications(info).get((member["officer_id"], member["domain"]))


class Team(graphene.ObjectType):
    """A mixed inspection team (执法小组) of a joint operation; at launch each domain it covers needs
    two qualified officers."""
    name = graphene.String(required=True,
                           description="The team's name, unique in the operation.")
    members = graphene.List(graphene.NonNull(TeamMember), required=True,
                            description="Its members, in order of assignment.")
    understaffed = graphene.List(graphene.NonNull(EnforcementDomain), required=True,
                                 description="Domains the team fell below two qualified "
                                             "officers in while launched.")


class JointOperation(graphene.ObjectType):
    """A joint enforcement operation (联合执法行动) of the culture and transport agencies: window, teams,
    targets as inspection tasks, alerts, progress and the joint result report. DRAFT -> LAUNCHED
    -> COMPLETED, or CANCELLED."""
    id = graphene.ID(required=True,
                     description="The operation's id (`JO-…`).")
    name = graphene.String(required=True,
                           description="The operation's name, e.g. 暑期旅游客运市场专项整治行动.")
    status = graphene.Field(JointOperationStatus, required=True,
                            description="DRAFT, LAUNCHED, COMPLETED or CANCELLED.")
    agencies = graphene.List(graphene.NonNull(Agency), required=True,
                             description="The participating agencies.")
    starts_at = DateTime(required=True,
                         description="When the operation's window starts.")
    ends_at = DateTime(required=True,
                       description="When the operation's window ends.")
    teams = graphene.List(graphene.NonNull(Team), required=True,
                          description="Its mixed teams (执法小组).")
    legal_basis = graphene.String(required=True, description="Its legal basis or action plan "
                                                             "reference (empty when none was "
                                                             "given).")
    lead_agency = graphene.Field(Agency, required=True,
                                 description="The lead agency (牵头单位).")
    areas = graphene.List(graphene.NonNull(graphene.String), required=True,
                          description="The areas it covers (districts, routes, scenic spots).")
    objectives = graphene.List(graphene.NonNull(graphene.String), required=True,
                               description="Its objectives, in words.")
    planned_at = DateTime(description="When it was planned.")
    launched_at = DateTime(description="When it was launched; null while DRAFT.")
    closed_at = DateTime(description="When it was completed or cancelled.")
    cancel_reason = graphene.String(description="Why it was cancelled; null unless CANCELLED with "
                                                "a reason.")
    tasks = paging.field(InspectionTaskConnection, team=graphene.String(description="Only this "
                                                                                    "team's "
                                                                                    "tasks."),
                         description="Its inspection tasks, in planning order (staff only).")
    alerts = paging.field(OperationAlertConnection, description="Alerts raised while it ran (lost "
                                                                "qualifications, understaffed "
                                                                "teams), newest first (staff "
                                                                "only).")
    progress = graphene.Field(OperationProgress, required=True,
                              description="How far its tasks are (staff only).")
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
