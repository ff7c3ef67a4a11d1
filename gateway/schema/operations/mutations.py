"""Planner mutations. Each returns JointOperationPayload; business refusals come back as
`errors`, an agency acting on another agency's operation as a FORBIDDEN GraphQL error."""
from __future__ import annotations

import graphene

from gateway.schema.base import errors_field
from gateway.schema.base import (
    Agency, EnforcementDomain, UserError, actor, forbidden, payload_errors, plain, requires)
from gateway.schema.operations import batch
from gateway.schema.operations.roles import PLANNER
from gateway.schema.operations.types import JointOperation
from gateway.schema.scalars import DateTime
from services.common.errors import DomainError


class PlanJointOperationInput(graphene.InputObjectType):
    """A joint operation to plan: its name, participating agencies, window and plan."""
    name = graphene.String(required=True,
                           description="The operation's name (at most 200 characters), e.g. "
                                       "国庆“平安旅游”联合执法行动.")
    agencies = graphene.List(graphene.NonNull(Agency), required=True,
                             description="The participating agencies, one or more of CULTURE and "
                                         "TRANSPORT.")
    starts_at = DateTime(required=True,
                         description="When its window starts; before endsAt (INVALID_INPUT "
                                     "otherwise).")
    ends_at = DateTime(required=True,
                       description="When its window ends.")
    legal_basis = graphene.String(description="Its legal basis or action plan reference (at most "
                                              "1,000 characters).")
    lead_agency = graphene.Field(Agency, description="The lead agency (牵头单位), one of the "
                                                     "agencies; defaults to the first agency.")
    areas = graphene.List(graphene.NonNull(graphene.String),
                          description="The areas it covers (at most 50, each at most 200 "
                                      "characters).")
    objectives = graphene.List(graphene.NonNull(graphene.String),
                               description="Its objectives, in words (at most 50, each at most "
                                           "200 characters).")


class AssignOfficerInput(graphene.InputObjectType):
    """An officer to put on a team of a joint operation, for one domain."""
    operation_id = graphene.ID(required=True,
                               description="The operation's id; unknown: NOT_FOUND.")
    team_name = graphene.String(required=True,
                                description="The team (at most 100 characters); created on first "
                                            "assignment.")
    officer_id = graphene.ID(required=True,
                             description="The officer; of a participating agency and not yet on a "
                                         "team of this operation.")
    domain = graphene.Field(EnforcementDomain, required=True,
                            description="The enforcement domain the officer inspects in on this "
                                        "team; they must be qualified for it over the window.")


class RemoveTeamMemberInput(graphene.InputObjectType):
    """An officer to take off their team."""
    operation_id = graphene.ID(required=True,
                               description="The operation's id; unknown: NOT_FOUND.")
    officer_id = graphene.ID(required=True,
                             description="The officer; not a member: NOT_FOUND.")


class MoveTeamMemberInput(RemoveTeamMemberInput):
    """A team member to move to another (possibly new) team of the operation."""
    team_name = graphene.String(required=True, description="The team to move to (at most 100 "
                                                           "characters); created if new.")


class TargetInput(graphene.InputObjectType):
    """An entity of an agency's directory to inspect in the operation."""
    agency = graphene.Field(Agency, required=True,
                            description="The agency whose directory holds it; must take part in "
                                        "the operation (AGENCY_NOT_PARTICIPATING).")
    entity_id = graphene.ID(required=True,
                            description="The entity's id in that directory; unknown: NOT_FOUND.")
    category = graphene.String(description="Not used: the entity's category is read from the "
                                           "directory.")
    domain = graphene.Field(EnforcementDomain, description="Overrides the category's domain.")


class AddOperationTargetsInput(graphene.InputObjectType):
    """Target entities to add to a DRAFT operation as inspection tasks."""
    operation_id = graphene.ID(required=True,
                               description="The operation's id; unknown: NOT_FOUND.")
    targets = graphene.List(graphene.NonNull(TargetInput), required=True,
                            description="The targets (at most 1,000: LIST_TOO_LONG otherwise).")
    team_name = graphene.String(description="All to this team; else split between teams.")


class JointOperationPayload(graphene.ObjectType):
    """The answer of a planner mutation: the joint operation as it now is, or errors (nothing
    changed)."""
    operation = graphene.Field(JointOperation,
                               description="The operation after the change; null when it was "
                                           "refused.")
    errors = errors_field()


def _mutate(info, method, *args):
    who = actor(info)

    def action():
        try:
            op = getattr(info.context.services.operations, method)(*args, actor=who)
        except DomainError as exc:
            if exc.code == "FORBIDDEN":
                raise forbidden(exc.message) from None
            raise
        batch.want_members(info, [op])
        return op
    return payload_errors(JointOperationPayload, "operation", action)


def _field(input_cls, description, what):
    return graphene.Field(JointOperationPayload, required=True, description=description,
                          input=input_cls(required=True, description=what))


def _by_id(description, **args):
    return graphene.Field(JointOperationPayload, required=True, description=description,
                          id=graphene.ID(required=True, description="The operation's id "
                                         "(`JO-…`); unknown: NOT_FOUND."), **args)


# Who may call a planner mutation, and what every one on an existing operation answers.
_PLANNER = ("planner, of an agency taking part in the operation (another agency's planner: "
            "FORBIDDEN)")
_ANY = "NOT_FOUND (operation), INVALID_TRANSITION (not in a state that allows it)"


class Mutation(graphene.ObjectType):
    plan_joint_operation = _field(
        PlanJointOperationInput,
        "Plan a joint operation (联合执法行动) as a DRAFT: name, participating agencies, lead "
        "agency and window. planner, whose agency (if their token names one) must take part "
        "(FORBIDDEN otherwise). Errors: INVALID_INPUT.",
        "The operation's name, agencies, window, legal basis, areas and objectives.")
    assign_officer = _field(
        AssignOfficerInput,
        "Put an officer on a team (created on first use) for a domain, in a DRAFT or "
        "LAUNCHED operation; the officer must be qualified for the domain over the whole "
        f"(remaining) window. {_PLANNER}. Errors: {_ANY}, INVALID_INPUT, "
        "AGENCY_NOT_PARTICIPATING (the officer's agency), OFFICER_ALREADY_ASSIGNED, "
        "OFFICER_NOT_QUALIFIED (with the reasons; an unknown officer too), OFFICER_BUSY (on "
        "another launched operation in an overlapping window).",
        "The operation, the team, the officer and the domain.")
    remove_team_member = _field(
        RemoveTeamMemberInput,
        "Take an officer off their team (DRAFT or LAUNCHED; an emptied team without tasks "
        f"goes). {_PLANNER}. Errors: {_ANY}, NOT_FOUND (not a member).",
        "The operation and the officer.")
    move_team_member = _field(
        MoveTeamMemberInput,
        "Move a member to another team, created if new (DRAFT or LAUNCHED); their domain "
        f"stays. {_PLANNER}. Errors: {_ANY}, NOT_FOUND (not a member), INVALID_INPUT "
        "(already in that team).",
        "The operation, the officer and the team to move to.")
    add_operation_targets = _field(
        AddOperationTargetsInput,
        "Add target entities from the agencies' directories as inspection tasks (DRAFT only), "
        "to one team or split between the teams by domain; a target already planned is "
        f"skipped. {_PLANNER}. Errors: {_ANY}, NOT_FOUND (entity, team), INVALID_INPUT "
        "(no teams to split between), AGENCY_NOT_PARTICIPATING.",
        "The operation, the targets and optionally the team.")
    launch_joint_operation = _by_id(
        "Launch a DRAFT operation: its tasks go to the agencies (plannedInspectionTasks). "
        "Refused with TEAM_UNDERSTAFFED unless every team has at least two officers "
        "qualified for each domain it covers over the remaining window. "
        f"{_PLANNER}. Errors: {_ANY}, TEAM_UNDERSTAFFED, OFFICER_BUSY.")
    complete_joint_operation = _by_id(
        "Complete a LAUNCHED operation; cross-agency systems may then read it and its joint "
        f"result report. {_PLANNER}. Errors: {_ANY}.")
    cancel_joint_operation = _by_id(
        "Cancel a DRAFT or LAUNCHED operation. "
        f"{_PLANNER}. Errors: {_ANY}, INVALID_INPUT (reason too long).",
        reason=graphene.String(description="Why it is cancelled (at most 1,000 characters); "
                               "optional."))

    @requires(*PLANNER)
    def resolve_plan_joint_operation(root, info, input):
        return _mutate(info, "plan", plain(input))

    @requires(*PLANNER)
    def resolve_assign_officer(root, info, input):
        return _mutate(info, "assign_officer", plain(input))

    @requires(*PLANNER)
    def resolve_remove_team_member(root, info, input):
        return _mutate(info, "remove_member", plain(input))

    @requires(*PLANNER)
    def resolve_move_team_member(root, info, input):
        return _mutate(info, "move_member", plain(input))

    @requires(*PLANNER)
    def resolve_add_operation_targets(root, info, input):
        return _mutate(info, "add_targets", plain(input))

    @requires(*PLANNER)
    def resolve_launch_joint_operation(root, info, id):
        return _mutate(info, "launch", id)

    @requires(*PLANNER)
    def resolve_complete_joint_operation(root, info, id):
        return _mutate(info, "complete", id)

    @requires(*PLANNER)
    def resolve_cancel_joint_operation(root, info, id, reason=None):
        return _mutate(info, "cancel", id, reason)
