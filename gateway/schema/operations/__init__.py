"""Joint operations in the gateway: the operation's state lives in the operations service;
the gateway joins it with officers and qualifications (batched) and stays stateless."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency, enum_value, requires
from gateway.schema import paging
from gateway.schema.operations import batch
from gateway.schema.operations.mutations import Mutation  # noqa: F401  (schema mixin)
from gateway.schema.operations.roles import PUBLISHED, published_only, require_published
from gateway.schema.operations.types import (
    JointOperation, JointOperationConnection, JointOperationStatus)


class Query(graphene.ObjectType):
    joint_operation = graphene.Field(
        JointOperation, id=graphene.ID(required=True, description="The operation's id "
                                       "(`JO-…`)."),
        description="One joint operation (联合执法行动) with its teams, tasks, alerts, progress "
                    "and report; null when unknown. planner, enforcement_officer, "
                    "certification_admin, accountability_officer; cross_agency only once it "
                    "is COMPLETED (FORBIDDEN before).")
    joint_operations = paging.field(
        JointOperationConnection, "Joint operations, newest window first. planner, "
        "enforcement_officer, certification_admin, accountability_officer, cross_agency "
        "(who sees COMPLETED operations only).",
        status=JointOperationStatus(description="Only operations in this state (ignored for "
                                    "cross_agency: always COMPLETED)."),
        agency=Agency(description="Only operations this agency takes part in."),
        officer_id=graphene.ID(description="Operations this officer is a team member of."))

    @requires(*PUBLISHED)
    def resolve_joint_operation(root, info, id):
        op = info.context.services.operations.get_operation(id)
        if op is not None:
            require_published(info, op)
            batch.want_members(info, [op])
        return op

    @requires(*PUBLISHED)
    def resolve_joint_operations(root, info, first=None, after=None, offset=None, status=None,
                                 agency=None, officer_id=None):
        status = "COMPLETED" if published_only(info) else status
        filters = {"status": enum_value(status), "agency": enum_value(agency),
                   "officer_id": officer_id}
        return paging.page(
            JointOperationConnection, lambda page: info.context.services.operations
            .list_operations(filters, page), first, after, offset,
            prime=lambda ops: batch.want_members(info, ops))
