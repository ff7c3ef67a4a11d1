"""The audit trail over GraphQL: who did what, for legal-affairs staff only."""
from __future__ import annotations


import graphene

from gateway.schema import paging
from gateway.schema.actors import actor_field
from gateway.schema.base import requires
from gateway.schema.enforcement.types import RecordCheck
from gateway.schema.scalars import DateTime

AUDITORS = ("accountability_officer",)


class AuditEntry(graphene.ObjectType):
    """One event as the trail keeps it; entries are hash-chained in the order kept."""
    at = DateTime(required=True, description="When the event occurred.")
    actor = actor_field("actor", description="Who caused it (system:<what> for automatic "
                                             "work).")
    event_type = graphene.String(required=True,
                                 description="The event's versioned type, e.g. "
                                             "certification.certificate_revoked.v1 (README's "
                                             "event catalogue).")
    subject_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                description="Every officer, case, inspection, operation, "
                                            "finding, sanction, draw and entity id it names.")
    correlation_id = graphene.String(required=True,
                                     description="The request the event came from: the same for "
                                                 "every event one request caused.")
    event_id = graphene.ID(required=True,
                           description="The event's own id (unique).")


AuditEntryConnection = paging.connection(AuditEntry)


def _filters(subject_id, actor_subject, start, end) -> dict:
    return {"subject_id": subject_id, "actor_subject": actor_subject,
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None}


class Query:
    audit_trail = paging.field(
        AuditEntryConnection, "The audit trail (操作日志): every event the services emitted, "
        "hash-chained, newest first. accountability_officer only.",
        subject_id=graphene.ID(description="Only entries naming this id (an officer, case, "
                               "operation, draw...)."),
        actor_subject=graphene.String(description="Only entries caused by this actor "
                                      "(a token's subject or system:<what>)."),
        **{"from": DateTime(description="Only entries at or after this moment."),
           "to": DateTime(description="Only entries before this moment.")})
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
