"""The audit trail over GraphQL: who did what, for legal-affairs staff only."""
from __future__ import annotations

import datetime as dt

import graphene

from gateway.schema import paging
from gateway.schema.actors import actor_field
from gateway.schema.base import requires
from gateway.schema.enforcement.types import RecordCheck
from gateway.schema.scalars import DateTime

AUDITORS = ("accountability_officer",)


class AuditEntry(graphene.ObjectType):
    """One event as the trail keeps it; entries are hash-chained in the order kept."""
    at = DateTime(required=True, resolver=lambda root, info: dt.datetime.fromisoformat(
        root["at"]))
    actor = actor_field("actor", description="Who caused it (system:<what> for automatic "
                                             "work).")
    event_type = graphene.String(required=True)
    subject_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                description="Every officer, case, inspection, operation, "
                                            "finding, sanction, draw and entity id it names.")
    correlation_id = graphene.String(required=True)
    event_id = graphene.ID(required=True)


AuditEntryConnection = paging.connection(AuditEntry)


def _filters(subject_id, actor_subject, start, end) -> dict:
    return {"subject_id": subject_id, "actor_subject": actor_subject,
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None}


class Query:
    audit_trail = paging.field(
        AuditEntryConnection, "Newest first.", subject_id=graphene.ID(),
        actor_subject=graphene.String(), **{"from": DateTime(), "to": DateTime()})
    audit_trail_check = graphene.Field(
        RecordCheck, required=True,
        description="Checks the whole audit trail: intact, or where it breaks (id: audit).")

    @staticmethod
    @requires(*AUDITORS)
    def resolve_audit_trail(root, info, first=None, after=None, offset=None, subject_id=None,
                            actor_subject=None, **span):
        filters = _filters(subject_id, actor_subject, span.get("from"), span.get("to"))
        return paging.page(AuditEntryConnection, lambda page: (
            info.context.services.audit.audit_trail(filters, page)), first, after, offset)

    @staticmethod
    @requires(*AUDITORS)
    def resolve_audit_trail_check(root, info):
        return info.context.services.audit.check_trail()
