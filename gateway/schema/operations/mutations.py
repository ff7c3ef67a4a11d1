"""Planner mutations. Each returns JointOperationPayload; business refusals come back as
`errors`, an agency acting on another agency's operation as a FORBIDDEN GraphQL error."""
from __future__ import annotations

import graphene

from gateway.schema.base import errors_field
from gateway.schema.base import Agency, EnforcementDomain, mutation, plain
from gateway.schema.operations import batch
from gateway.schema.operations.roles import PLANNER
from gateway.schema.operations.types import JointOperation
from gateway.schema.scalars import DateTime


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

    @staticmethod
    def resolve_operation(payload, info):
        if payload.operation is not None:  # its members' officers: one call for all
            batch.want_members(info, [payload.operation])
        return payload.operation


def _change(description, call, **arguments):
    """A planner's change: `call(operations, who, **arguments)` answers the operation. An
    agency acting on another agency's operation is a top-level FORBIDDEN."""
    return mutation(JointOperationPayload, roles=PLANNER, top_level_forbidden=True,
                    description=description, **arguments,
                    call=lambda services, who, **args: call(services.operations, who, **args))


def _input(input_cls, what):
    return input_cls(required=True, description=what)


def _operation_id():
    return graphene.ID(required=True, description="The operation's id (`JO-…`); unknown: "
                                                  "NOT_FOUND.")


# Who may call a planner mutation, and what every one on an existing operation answers.
_PLANNER = ("planner, of an agency taking part in the operation (another agency's planner: "
            "FORBIDDEN)")
_ANY = "NOT_FOUND (operation), INVALID_TRANSITION (not in a state that allows it)"


class Mutation(graphene.ObjectType):
    plan_joint_operation = _change(
        "Plan a joint operation (联合执法行动) as a DRAFT: name, participating agencies, lead "
        "agency and window. planner, whose agency (if their token names one) must take part "
        "(FORBIDDEN otherwise). Errors: INVALID_INPUT.",
        lambda operations, who, input: operations.plan(plain(input), actor=who),
        input=_input(PlanJointOperationInput, "The operation's name, agencies, window, legal "
                     "basis, areas and objectives."))
    assign_officer = _change(
        "Put an officer on a team (created on first use) for a domain, in a DRAFT or "
        "LAUNCHED operation; the officer must be qualified for the domain over the whole "
        f"(remaining) window. {_PLANNER}. Errors: {_ANY}, INVALID_INPUT, "
        "AGENCY_NOT_PARTICIPATING (the officer's agency), OFFICER_ALREADY_ASSIGNED, "
        "OFFICER_NOT_QUALIFIED (with the reasons; an unknown officer too), OFFICER_BUSY (on "
        "another launched operation in an overlapping window).",
        lambda operations, who, input: operations.assign_officer(plain(input), actor=who),
        input=_input(AssignOfficerInput, "The operation, the team, the officer and the "
                     "domain."))
    remove_team_member = _change(
        "Take an officer off their team (DRAFT or LAUNCHED; an emptied team without tasks "
        f"goes). {_PLANNER}. Errors: {_ANY}, NOT_FOUND (not a member).",
        lambda operations, who, input: operations.remove_member(plain(input), actor=who),
        input=_input(RemoveTeamMemberInput, "The operation and the officer."))
    move_team_member = _change(
        "Move a member to another team, created if new (DRAFT or LAUNCHED); their domain "
        f"stays. {_PLANNER}. Errors: {_ANY}, NOT_FOUND (not a member), INVALID_INPUT "
        "(already in that team).",
        lambda operations, who, input: operations.move_member(plain(input), actor=who),
        input=_input(MoveTeamMemberInput, "The operation, the officer and the team to move "
                     "to."))
    add_operation_targets = _change(
        "Add target entities from the agencies' directories as inspection tasks (DRAFT only), "
        "to one team or split between the teams by domain; a target already planned is "
        f"skipped. {_PLANNER}. Errors: {_ANY}, NOT_FOUND (entity, team), INVALID_INPUT "
        "(no teams to split between), AGENCY_NOT_PARTICIPATING.",
        lambda operations, who, input: operations.add_targets(plain(input), actor=who),
        input=_input(AddOperationTargetsInput, "The operation, the targets and optionally "
                     "the team."))
    launch_joint_operation = _change(
        "Launch a DRAFT operation: its tasks go to the agencies (plannedInspectionTasks). "
        "Refused with TEAM_UNDERSTAFFED unless every team has at least two officers "
        "qualified for each domain it covers over the remaining window. "
        f"{_PLANNER}. Errors: {_ANY}, TEAM_UNDERSTAFFED, OFFICER_BUSY.",
        lambda operations, who, id: operations.launch(id, actor=who), id=_operation_id())
    complete_joint_operation = _change(
        "Complete a LAUNCHED operation; cross-agency systems may then read it and its joint "
        f"result report. {_PLANNER}. Errors: {_ANY}.",
        lambda operations, who, id: operations.complete(id, actor=who), id=_operation_id())
    cancel_joint_operation = _change(
        "Cancel a DRAFT or LAUNCHED operation. "
        f"{_PLANNER}. Errors: {_ANY}, INVALID_INPUT (reason too long).",
        lambda operations, who, id, reason=None: operations.cancel(id, reason, actor=who),
        reason=graphene.String(description="Why it is cancelled (at most 1,000 characters); "
                               "optional."), id=_operation_id())

