"""Planner mutations. Each returns JointOperationPayload; business refusals come back as
`errors`, an agency acting on another agency's operation as a FORBIDDEN GraphQL error."""
from __future__ import annotations

import graphene

from gateway.schema.base import errors_field
from gateway.schema.base import (
    Agency, EnforcementDomain, UserError, actor, forbidden, payload_errors, plain, requires)
from gateway.schema.operations import batch
from gateway.schema.operations.roles import PLANNER
from gateway.schema.operations.types import JointOperation, operation_node
from gateway.schema.scalars import DateTime
from services.common.errors import DomainError


class PlanJointOperationInput(graphene.InputObjectType):
    name = graphene.String(required=True)
    agencies = graphene.List(graphene.NonNull(Agency), required=True)
    starts_at = DateTime(required=True)
    ends_at = DateTime(required=True)
    legal_basis = graphene.String(description="Legal basis / action plan reference.")
    lead_agency = graphene.Field(Agency, description="Defaults to the first agency.")
    areas = graphene.List(graphene.NonNull(graphene.String))
    objectives = graphene.List(graphene.NonNull(graphene.String))


class AssignOfficerInput(graphene.InputObjectType):
    operation_id = graphene.ID(required=True)
    team_name = graphene.String(required=True)
    officer_id = graphene.ID(required=True)
    domain = graphene.Field(EnforcementDomain, required=True)


class RemoveTeamMemberInput(graphene.InputObjectType):
    operation_id = graphene.ID(required=True)
    officer_id = graphene.ID(required=True)


class MoveTeamMemberInput(RemoveTeamMemberInput):
    team_name = graphene.String(required=True, description="Created if new.")


class TargetInput(graphene.InputObjectType):
    agency = graphene.Field(Agency, required=True)
    entity_id = graphene.ID(required=True)
    category = graphene.String(description="Directory category; picks the domain.")
    domain = graphene.Field(EnforcementDomain, description="Overrides the category's domain.")


class AddOperationTargetsInput(graphene.InputObjectType):
    operation_id = graphene.ID(required=True)
    targets = graphene.List(graphene.NonNull(TargetInput), required=True)
    team_name = graphene.String(description="All to this team; else split between teams.")


class JointOperationPayload(graphene.ObjectType):
    operation = graphene.Field(JointOperation)
    errors = errors_field()


def _mutate(info, method, *args):
    who = actor(info)

    def action():
        try:
            op = operation_node(getattr(info.context.services.operations, method)(
                *args, actor=who))
        except DomainError as exc:
            if exc.code == "FORBIDDEN":
                raise forbidden(exc.message) from None
            raise
        batch.want_members(info, [op])
        return op
    return payload_errors(JointOperationPayload, "operation", action)


def _field(input_cls, description=None):
    return graphene.Field(JointOperationPayload, required=True, description=description,
                          input=input_cls(required=True))


def _by_id(description=None, **args):
    return graphene.Field(JointOperationPayload, required=True, description=description,
                          id=graphene.ID(required=True), **args)


class Mutation(graphene.ObjectType):
    plan_joint_operation = _field(PlanJointOperationInput)
    assign_officer = _field(AssignOfficerInput, "Refused with code OFFICER_NOT_QUALIFIED when "
                            "the officer is not qualified for the domain over the whole "
                            "operation window.")
    remove_team_member = _field(RemoveTeamMemberInput)
    move_team_member = _field(MoveTeamMemberInput)
    add_operation_targets = _field(AddOperationTargetsInput)
    launch_joint_operation = _by_id("Refused with code TEAM_UNDERSTAFFED unless every team has "
                                    "at least two officers qualified for each domain it covers.")
    complete_joint_operation = _by_id()
    cancel_joint_operation = _by_id(reason=graphene.String())

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
