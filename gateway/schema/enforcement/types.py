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
from gateway.schema.scalars import DateTime
from services.contracts.vocabulary import CHECK_RESULTS as RESULTS, ENTITY_CATEGORIES
from services.contracts.vocabulary import INSPECTION_KINDS as KINDS, RISK_LEVELS


EntityCategory = enum_of("EntityCategory", [*ENTITY_CATEGORIES["CULTURE"], *ENTITY_CATEGORIES["TRANSPORT"]],
                       "What kind of inspectable entity (the agency's directory categories).")
RiskLevel = enum_of("RiskLevel", RISK_LEVELS)
InspectionKind = enum_of("InspectionKind", KINDS)
ChecklistResult = enum_of("ChecklistResult", RESULTS)
TaskStatus = enum_of("PlannedInspectionStatus", ("OPEN", "DONE"))


def _attribute(key, kind=graphene.String, **kwargs):
    return kind(resolver=lambda root, info: (root.get("attributes") or {}).get(key), **kwargs)


class ChecklistItem(graphene.ObjectType):
    """One line of an inspection's checklist: what was checked and the result."""
    item = graphene.String(required=True,
                           description="What was checked, in words (e.g. 营业执照是否悬挂).")
    result = graphene.Field(ChecklistResult, required=True,
                            description="PASS, FAIL or NOT_APPLICABLE.")
    note = graphene.String(description="The inspector's remark on the line; null when none.")


class InspectionFinding(graphene.ObjectType):
    """A problem found in an inspection, possibly naming the violation it amounts to."""
    description = graphene.String(required=True,
                                  description="What was found, in plain text.")
    violation_code = graphene.String(description="The violation it amounts to (the agency "
                                                 "catalogue's code); null when none was named.")


class RecordEntry(graphene.ObjectType):
    """One step of the full-process record; each entry hashes the one before it."""
    seq = graphene.Int(required=True,
                       description="Position in the record, from 0, in recording order.")
    action = graphene.String(required=True,
                             description="The step, e.g. FILED, INVESTIGATION_STARTED, "
                                         "RIGHTS_NOTIFIED, LEGAL_REVIEW_SUBMITTED, DECIDED, "
                                         "SERVICE_ATTEMPTED, PUBLISHED, CLOSED; "
                                         "INSPECTION_RECORDED for an inspection.")
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                description="The officers who acted (the reviewer or filer for "
                                            "review and justice-bureau entries).")
    at = DateTime(required=True,
                  description="When the step was done (may be earlier than recorded; never "
                              "before the previous entry).")
    documents = graphene.List(graphene.NonNull(graphene.String), required=True,
                              description="References to the step's documents (document numbers, "
                                          "file names, recordings).")
    data = graphene.JSONString(description="The step's own details as JSON (e.g. the decision, "
                                           "the review's opinion, the service method).")
    prev_hash = graphene.String(required=True,
                                description="The previous entry's hash (a fixed genesis value for "
                                            "the first entry): the chain's link.")
    hash = graphene.String(required=True,
                           description="SHA-256 (hex) of the entry's canonical JSON, prevHash and "
                                       "actor included: an edited entry fails its own hash.")
    actor = actor_field("actor", True, "Who did the step (hashed with it).")


def first_actor(root) -> dict:
    """Who opened a record (its first entry's actor): the filer, the recorder."""
    entries = root.get("record") or [{}]
    return stored(entries[0].get("actor"))


class RecordCheck(graphene.ObjectType):
    """Whether a record is intact; where it breaks (first bad entry) and why."""
    id = graphene.ID(required=True,
                     description="The case or inspection whose record was checked.")
    intact = graphene.Boolean(required=True,
                              description="true when every entry's hash, link and sequence hold "
                                          "and the stored head matches the last entry.")
    index = graphene.Int(description="First entry found wrong (the entry count for a cut "
                                     "tail).")
    reason = graphene.String(description="HASH_MISMATCH | BROKEN_LINK | BAD_SEQUENCE | "
                                         "HEAD_MISMATCH | FILE_CHANGED | FILE_MISSING (a "
                                         "stored file no longer hashes as its entry says: "
                                         "verifyCaseRecord only)")
    file_id = graphene.ID(description="The stored file that changed (FILE_CHANGED, "
                          "FILE_MISSING): an evidence id, or <document id>.pdf / .html.")
    entries = graphene.Int(required=True,
                           description="How many entries the stored record holds.")
    head = graphene.String(description="The hash of the record's last entry as stored with the "
                                       "case or inspection; null when none was stored.")


def _officers(root, info):
    # Reviewers and filers in the record are legal staff, not certified officers: skipped.
    found = [support.officers(info).get(o) for o in support.involved(root)]
    return [o for o in found if o is not None]


class EnforcementEntity(graphene.ObjectType):
    """An inspectable entity of an agency's directory (检查对象名录库): a business, venue, vehicle or
    person, with its risk level and inspection history."""
    id = graphene.ID(required=True,
                     description="The entity's id (derived from its agency and registration "
                                 "number).")
    agency = graphene.Field(Agency, required=True,
                            description="The agency whose directory holds it.")
    category = graphene.Field(EntityCategory, required=True,
                              description="Its directory category (e.g. INTERNET_CAFE, VEHICLE), "
                                          "which sets its domain.")
    domain = graphene.Field(EnforcementDomain, required=True,
                            description="The enforcement domain it is supervised in.")
    registration_no = graphene.String(required=True, description="Masked for natural "
                                      "persons unless you are staff of the holding agency.")
    name = graphene.String(required=True,
                           description="Its name (a person's name for natural persons).")
    risk_level = graphene.Field(RiskLevel, required=True,
                                description="Its risk level, which sets its draw rate in "
                                            "double-random checks (FLAGGED: drawn at the flagged "
                                            "rate).")
    natural_person = graphene.Boolean(required=True,
                                      description="true for a natural person or sole proprietor, "
                                                  "whose personal data is masked outside the "
                                                  "holding agency.")
    id_number = graphene.String(description="The resident ID number of a natural person; null for "
                                            "organisations, masked outside the holding agency.")
    address = graphene.String(description="Its address; null when not recorded.")
    plate = _attribute("plate",
                       description="A vehicle's plate number; null for other categories.")
    seats = _attribute("seats", graphene.Int,
                       description="A vehicle's approved passenger seats (a count); null for "
                                   "other categories.")
    licence = _attribute("licence",
                         description="Its business licence or permit number; null when its "
                                     "category needs none.")
    inspection_count = graphene.Int(required=True, resolver=lambda r, i: r.get("inspections")
                                    or 0,
                                    description="How many inspections of it were recorded (a "
                                                "count, 0 when never inspected).")
    last_inspected_at = DateTime(description="When it was last inspected; null when never.")
    inspections = graphene.Field(lambda: InspectionConnection, required=True,
                                 **paging.arguments(),
                                 description="Its inspection history, newest first.")

    def resolve_inspections(root, info, first=None, after=None, offset=None):
        svc = support.service(info, root["agency"])
        return paging.page(InspectionConnection, lambda page: svc.list_inspections(
            {"entity_id": root["id"]}, page), first, after, offset,
            prime=support.primer(info))


class Inspection(graphene.ObjectType):
    """An inspection (行政检查) of one entity by at least two qualified officers: checklist, findings,
    evidence and its full-process record."""
    id = graphene.ID(required=True,
                     description="The inspection's id (it names its agency).")
    agency = graphene.Field(Agency, required=True,
                            description="The agency that inspected.")
    domain = graphene.Field(EnforcementDomain, required=True,
                            description="The enforcement domain it was done in (the entity's).")
    entity = graphene.Field(EnforcementEntity,
                            description="The entity inspected; null if it is no longer in the "
                                        "directory.")
    kind = graphene.Field(InspectionKind, required=True,
                          description="PLANNED (it did a planned task) or AD_HOC.")
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                description="The officers who inspected (at least two).")
    officers = graphene.List(graphene.NonNull(Officer), required=True, resolver=_officers,
                             description="The officers who inspected, as everyone sees them.")
    performed_at = DateTime(required=True,
                            description="When the inspection was done.")
    checklist = graphene.List(graphene.NonNull(ChecklistItem), required=True,
                              description="The checklist lines and their results.")
    findings = graphene.List(graphene.NonNull(InspectionFinding), required=True,
                             description="What was found; empty when nothing was.")
    evidence = graphene.List(graphene.NonNull(graphene.String), required=True,
                             description="References to evidence: photos, recordings, documents.")
    operation_id = graphene.ID(description="The joint operation it was done for; null when none.")
    task_id = graphene.ID(description="The joint operation's planned task it did; null when none.")
    recorded_by = deprecated_author("Subject of whoever recorded it")
    recorded_by_actor = graphene.Field(Actor, required=True, description="Who recorded it.",
                                       resolver=lambda root, info: first_actor(root))
    record = graphene.List(graphene.NonNull(RecordEntry), required=True,
                           description="Its full-process record (执法全过程记录), oldest entry first.")
    evidence_files = graphene.List(
        graphene.NonNull(lambda: _evidence_types().EvidenceFile), required=True,
        description="Evidence files attached to it (POST /evidence), oldest first.",
        resolver=lambda r, i: _evidence_types()._by_subject(
            i, "enforcement.evidence", "list_evidence", "subject_id").get(r["id"]))

    def resolve_entity(root, info):
        return support.entities(info).get((root["agency"], root["entity_id"]))


class PlannedInspectionTask(graphene.ObjectType):
    """An inspection task handed over by a joint operation, as the agency holds it."""
    id = graphene.ID(required=True,
                     description="The task's id (the joint operation's task id).")
    operation_id = graphene.ID(required=True,
                               description="The joint operation that planned it.")
    entity_id = graphene.ID(required=True,
                            description="The entity to inspect (in this agency's directory).")
    domain = graphene.Field(EnforcementDomain, required=True,
                            description="The enforcement domain the inspection is in.")
    team = graphene.String(required=True,
                           description="The operation's team (执法小组) that carries it out.")
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                description="The team members for the task's domain when it was "
                                            "handed over.")
    status = graphene.Field(TaskStatus, required=True,
                            description="OPEN until an inspection names it (taskId), then DONE.")
    inspection_id = graphene.ID(description="The inspection that did it; null while OPEN.")
    assigned_at = DateTime(required=True,
                           description="When the agency received it (the operation's launch).")


class ConflictOfInterest(graphene.ObjectType):
    """A declared conflict of interest (回避, APL art. 43): the officer must not inspect, be drawn
    for or act on a case of the entity."""
    id = graphene.ID(required=True,
                     description="The conflict's id: `<officerId>|<entityId>` (one per pair; "
                                 "declaring again updates the reason).")
    officer_id = graphene.ID(required=True,
                             description="The officer who must recuse.")
    entity_id = graphene.ID(required=True,
                            description="The entity they must not act on.")
    reason = graphene.String(required=True,
                             description="Why, in plain text (e.g. a relative runs the business).")
    declared_at = DateTime(required=True,
                           description="When it was declared (or last updated).")


EntityConnection = connection(EnforcementEntity)
InspectionConnection = connection(Inspection)
PlannedInspectionTaskConnection = connection(PlannedInspectionTask)
ConflictConnection = connection(ConflictOfInterest)


def _evidence_types():
    from gateway.schema.enforcement import evidence_types  # it imports this module
    return evidence_types
