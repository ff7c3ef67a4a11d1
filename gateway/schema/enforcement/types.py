"""Directory and inspection types. Resolvers receive the services' dicts (snake_case);
nested entities and officers come from the request's batches, never one call per row."""
from __future__ import annotations

import graphene

from gateway.schema.actors import Actor, actor_field, deprecated_author
from gateway.schema.base import Agency, EnforcementDomain, enum_of
from gateway.schema.certification_types import Officer
from gateway.schema.enforcement import support
from services.common.actor import stored
from gateway.schema import paging
from gateway.schema.paging import connection
from services.contracts.vocabulary import CHECK_RESULTS as RESULTS, ENTITY_CATEGORIES
from services.contracts.vocabulary import INSPECTION_KINDS as KINDS, RISK_LEVELS


EntityCategory = enum_of("EntityCategory", [*ENTITY_CATEGORIES["CULTURE"], *ENTITY_CATEGORIES["TRANSPORT"]],
                       "What kind of inspectable entity (the agency's directory categories).")
RiskLevel = enum_of("RiskLevel", RISK_LEVELS)
InspectionKind = enum_of("InspectionKind", KINDS)
ChecklistResult = enum_of("ChecklistResult", RESULTS)
TaskStatus = enum_of("PlannedInspectionStatus", ("OPEN", "DONE"))


def _attribute(key, kind=graphene.String):
    return kind(resolver=lambda root, info: (root.get("attributes") or {}).get(key))


class ChecklistItem(graphene.ObjectType):
    item = graphene.String(required=True)
    result = graphene.Field(ChecklistResult, required=True)
    note = graphene.String()


class InspectionFinding(graphene.ObjectType):
    description = graphene.String(required=True)
    violation_code = graphene.String()


class RecordEntry(graphene.ObjectType):
    """One step of the full-process record; each entry hashes the one before it."""
    seq = graphene.Int(required=True)
    action = graphene.String(required=True)
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)
    at = support.when("at", required=True)
    documents = graphene.List(graphene.NonNull(graphene.String), required=True)
    data = graphene.JSONString()
    prev_hash = graphene.String(required=True)
    hash = graphene.String(required=True)
    actor = actor_field("actor", True, "Who did the step (hashed with it).")


def first_actor(root) -> dict:
    """Who opened a record (its first entry's actor): the filer, the recorder."""
    entries = root.get("record") or [{}]
    return stored(entries[0].get("actor"))


class RecordCheck(graphene.ObjectType):
    """Whether a record is intact; where it breaks (first bad entry) and why."""
    id = graphene.ID(required=True)
    intact = graphene.Boolean(required=True)
    index = graphene.Int(description="First entry found wrong (the entry count for a cut "
                                     "tail).")
    reason = graphene.String(description="HASH_MISMATCH | BROKEN_LINK | BAD_SEQUENCE | "
                                         "HEAD_MISMATCH")
    entries = graphene.Int(required=True)
    head = graphene.String()


def _officers(root, info):
    # Reviewers and filers in the record are legal staff, not certified officers: skipped.
    found = [support.officers(info).get(o) for o in support.involved(root)]
    return [o for o in found if o is not None]


class EnforcementEntity(graphene.ObjectType):
    id = graphene.ID(required=True)
    agency = graphene.Field(Agency, required=True)
    category = graphene.Field(EntityCategory, required=True)
    domain = graphene.Field(EnforcementDomain, required=True)
    registration_no = graphene.String(required=True, description="Masked for natural "
                                      "persons unless you are staff of the holding agency.")
    name = graphene.String(required=True)
    risk_level = graphene.Field(RiskLevel, required=True)
    natural_person = graphene.Boolean(required=True)
    id_number = graphene.String()
    address = graphene.String()
    plate = _attribute("plate")
    seats = _attribute("seats", graphene.Int)
    licence = _attribute("licence")
    inspection_count = graphene.Int(required=True, resolver=lambda r, i: r.get("inspections")
                                    or 0)
    last_inspected_at = support.when("last_inspected_at")
    inspections = graphene.Field(lambda: InspectionConnection, required=True,
                                 **paging.arguments(),
                                 description="Its inspection history, newest first.")

    def resolve_inspections(root, info, first=None, after=None, offset=None):
        svc = support.service(info, root["agency"])
        return paging.page(InspectionConnection, lambda page: svc.list_inspections(
            {"entity_id": root["id"]}, page), first, after, offset,
            prime=support.primer(info))


class Inspection(graphene.ObjectType):
    id = graphene.ID(required=True)
    agency = graphene.Field(Agency, required=True)
    domain = graphene.Field(EnforcementDomain, required=True)
    entity = graphene.Field(EnforcementEntity)
    kind = graphene.Field(InspectionKind, required=True)
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)
    officers = graphene.List(graphene.NonNull(Officer), required=True, resolver=_officers)
    performed_at = support.when("performed_at", required=True)
    checklist = graphene.List(graphene.NonNull(ChecklistItem), required=True)
    findings = graphene.List(graphene.NonNull(InspectionFinding), required=True)
    evidence = graphene.List(graphene.NonNull(graphene.String), required=True)
    operation_id = graphene.ID()
    task_id = graphene.ID()
    recorded_by = deprecated_author("Subject of whoever recorded it")
    recorded_by_actor = graphene.Field(Actor, required=True, description="Who recorded it.",
                                       resolver=lambda root, info: first_actor(root))
    record = graphene.List(graphene.NonNull(RecordEntry), required=True)

    def resolve_entity(root, info):
        return support.entities(info).get((root["agency"], root["entity_id"]))


class PlannedInspectionTask(graphene.ObjectType):
    """An inspection task handed over by a joint operation, as the agency holds it."""
    id = graphene.ID(required=True)
    operation_id = graphene.ID(required=True)
    entity_id = graphene.ID(required=True)
    domain = graphene.Field(EnforcementDomain, required=True)
    team = graphene.String(required=True)
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)
    status = graphene.Field(TaskStatus, required=True)
    inspection_id = graphene.ID()
    assigned_at = support.when("assigned_at", required=True)


class ConflictOfInterest(graphene.ObjectType):
    id = graphene.ID(required=True)
    officer_id = graphene.ID(required=True)
    entity_id = graphene.ID(required=True)
    reason = graphene.String(required=True)
    declared_at = support.when("declared_at", required=True)


EntityConnection = connection(EnforcementEntity)
InspectionConnection = connection(Inspection)
PlannedInspectionTaskConnection = connection(PlannedInspectionTask)
ConflictConnection = connection(ConflictOfInterest)
