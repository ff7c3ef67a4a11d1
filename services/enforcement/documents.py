"""The enforcement collections, one set per agency context.

Culture and transport run the same code but own separate databases: each Document's fields
are declared once (abstract), and each context declares its own subclass of it with its
`db_alias` (`CultureCase`, `TransportCase`, ...); `bind(context)` hands out that set.

Cases and inspections are stored in the case core's plain form (`Case.to_dict()`):
instants are BSON dates (nested ones too), civil dates (due dates, validity) ISO date
text; the full-process record's entries keep their times as the text their hashes cover
(domain.serial). Top-level fields the service queries on are declared so mongoengine validates
them; nested parts are plain dicts.
"""
from __future__ import annotations

from types import SimpleNamespace

from mongoengine import (BinaryField, BooleanField, DateTimeField, DictField, Document, IntField,
                         ListField, StringField)

AGENCIES = ("CULTURE", "TRANSPORT")


class EntityDoc(Document):
    meta = {"abstract": True}
    id = StringField(primary_key=True)
    agency = StringField(required=True, choices=AGENCIES)
    category = StringField(required=True)
    domain = StringField(required=True)
    registration_no = StringField(required=True)
    name = StringField(required=True)
    risk_level = StringField(required=True)
    natural_person = BooleanField(default=False)
    id_number = StringField(null=True)
    address = StringField(null=True)
    attributes = DictField()
    inspections = IntField(default=0)           # count, kept with each inspection
    last_inspected_at = DateTimeField(null=True)
    updated_at = DateTimeField()
    changed_by = DictField(null=True)  # the Actor of the last write (UnitOfWork stamps it)
    version = IntField(default=0)


class _Recorded(Document):
    """What inspections and cases share: whose they are and their full-process record."""
    meta = {"abstract": True}
    id = StringField(primary_key=True)
    agency = StringField(required=True, choices=AGENCIES)
    domain = StringField(required=True)
    entity_id = StringField(required=True)
    record = ListField(DictField())
    # The chain head kept apart from the entries: removing the newest entries is caught.
    record_head = StringField(required=True)


class InspectionDoc(_Recorded):
    meta = {"abstract": True}
    kind = StringField(required=True)
    officer_ids = ListField(StringField())
    performed_at = DateTimeField(required=True)
    checklist = ListField(DictField())
    findings = ListField(DictField())
    evidence = ListField(StringField())
    operation_id = StringField(null=True)
    task_id = StringField(null=True)
    recorded_by = StringField()


class CaseDoc(_Recorded):
    meta = {"abstract": True}
    party = DictField(required=True)
    filed_at = DateTimeField(required=True)
    decision_due = StringField(required=True)
    state = StringField(required=True)
    complex = BooleanField(default=False)
    violation_code = StringField(null=True)
    inspection_id = StringField(null=True)
    operation_id = StringField(null=True)
    legal_reviews = ListField(DictField())
    decision = DictField(null=True)
    publication_due = StringField(null=True)
    service = ListField(DictField())
    publication = DictField(null=True)
    justice_filing = DictField(null=True)
    closed_at = DateTimeField(null=True)
    overdue_reported = ListField(StringField())
    kind = StringField(default="PENALTY")
    body_id = StringField(null=True)            # the body that filed it (None: older cases)
    compulsory_measures = ListField(DictField())
    typical = DictField(null=True)              # 典型案例: {summary, marked_at}
    version = IntField(default=0)


class BodyDoc(Document):
    """A township or sub-district enforcement body (the agency itself is not stored)."""
    meta = {"abstract": True}
    id = StringField(primary_key=True)
    agency = StringField(required=True, choices=AGENCIES)
    name = StringField(required=True)
    kind = StringField(required=True)
    parent_id = StringField(null=True)
    area = StringField()
    registered_at = DateTimeField(null=True)
    changed_by = DictField(null=True)  # the Actor of the last write (UnitOfWork stamps it)


class PowerDoc(Document):
    """A power delegated to a body, in the core's plain form (dates as ISO text)."""
    meta = {"abstract": True}
    id = StringField(primary_key=True)
    body_id = StringField(required=True)
    agency = StringField(required=True, choices=AGENCIES)
    violation_code = StringField(required=True)
    effective_from = StringField(required=True)
    effective_until = StringField(null=True)
    delegated_from = StringField(required=True)
    document_no = StringField(required=True)
    granted_at = DateTimeField(required=True)
    ended_reason = StringField()
    changed_by = DictField(null=True)
    version = IntField(default=0)


class MembershipDoc(Document):
    """Which body an officer belongs to, when not the agency itself."""
    meta = {"abstract": True}
    id = StringField(primary_key=True)          # officer id
    body_id = StringField(required=True)
    assigned_at = DateTimeField(required=True)
    changed_by = DictField(null=True)


class ConflictDoc(Document):
    """A declared conflict of interest (APL art. 43): the officer recuses from the entity."""
    meta = {"abstract": True}
    id = StringField(primary_key=True)          # officer_id|entity_id: declared once
    officer_id = StringField(required=True)
    entity_id = StringField(required=True)
    reason = StringField(required=True)
    declared_at = DateTimeField(required=True)
    declared_by = StringField()
    changed_by = DictField(null=True)  # the Actor who declared it (UnitOfWork stamps it)


class TaskDoc(Document):
    """A planned inspection handed over by a joint operation."""
    meta = {"abstract": True}
    id = StringField(primary_key=True)          # the operation's task id
    operation_id = StringField(required=True)
    entity_id = StringField(required=True)
    domain = StringField(required=True)
    team = StringField(required=True)
    officer_ids = ListField(StringField())
    status = StringField(required=True, choices=("OPEN", "DONE"))
    inspection_id = StringField(null=True)
    assigned_at = DateTimeField(required=True)
    changed_by = DictField(null=True)  # the Actor of the last write (UnitOfWork stamps it)


class EvidenceDoc(Document):
    """An evidence file's record (domain.evidence.EvidenceFile); its bytes: FileChunkDoc."""
    meta = {"abstract": True}
    id = StringField(primary_key=True)
    subject_id = StringField(required=True)     # the inspection or case
    kind = StringField(required=True)
    filename = StringField(required=True)
    content_type = StringField(required=True)
    size = IntField(required=True)
    sha256 = StringField(required=True)
    attached_at = DateTimeField(required=True)
    description = StringField()
    interview = DictField(null=True)
    attached_by = DictField(null=True)
    chunks = IntField(required=True)
    labels = ListField(StringField())
    changed_by = DictField(null=True)


class CaseDocumentDoc(Document):
    """A reasoned document generated from a case (domain.case_documents): its PDF and
    HTML are stored files (FileChunkDoc) named `<id>.pdf` / `<id>.html`."""
    meta = {"abstract": True}
    id = StringField(primary_key=True)
    case_id = StringField(required=True)
    kind = StringField(required=True)
    number = StringField(required=True)         # 文号
    title = StringField(required=True)
    issued_at = DateTimeField(required=True)
    files = DictField(required=True)            # "pdf"/"html" -> {id, sha256, size}
    issued_by = DictField(null=True)
    changed_by = DictField(null=True)


class FileChunkDoc(Document):
    """Stored bytes in GridFS's layout (files_id, n, data), written inside the unit of
    work (pymongo's GridFS cannot join a transaction: infra/probe_gridfs.py)."""
    meta = {"abstract": True}
    id = StringField(primary_key=True)          # <files_id>:<n>
    files_id = StringField(required=True)
    n = IntField(required=True)
    data = BinaryField(required=True)


# ---- Each context's collections, declared. Indexes: what the lists sort and filter on.
_INDEXES = {
    "entities": [("category", "name"), "risk_level"],
    "inspections": [("entity_id", "-performed_at"), "operation_id", "performed_at"],
    # the last four: one per annual figure (services/enforcement/figures.py)
    "cases": [("state", "decision_due"), "entity_id", "operation_id", "-filed_at",
              "legal_reviews.reviewed_at", "justice_filing.filed_at",
              "publication.published_at", "decision.decided_at", "typical.marked_at"],
    "conflicts": ["entity_id"],
    "tasks": ["operation_id"],
    "bodies": [],
    "powers": [("body_id", "violation_code")],
    "memberships": ["body_id"],
    "evidence": [("subject_id", "attached_at")],
    "case_documents": [("case_id", "issued_at")],
    "file_chunks": [("files_id", "n")],
}


def _meta(context: str, collection: str) -> dict:
    """A context's Document meta: its own database (alias), the collection and its indexes,
    built by the Store when the service starts (not by mongoengine on first use)."""
    return {"db_alias": context, "collection": collection,
            "indexes": [list(i) if isinstance(i, tuple) else i for i in _INDEXES[collection]],
            "auto_create_index": False}


# ---- culture
class CultureEntity(EntityDoc):
    meta = _meta("culture", "entities")


class CultureInspection(InspectionDoc):
    meta = _meta("culture", "inspections")


class CultureCase(CaseDoc):
    meta = _meta("culture", "cases")


class CultureConflict(ConflictDoc):
    meta = _meta("culture", "conflicts")


class CultureTask(TaskDoc):
    meta = _meta("culture", "tasks")


class CultureBody(BodyDoc):
    meta = _meta("culture", "bodies")


class CulturePower(PowerDoc):
    meta = _meta("culture", "powers")


class CultureMembership(MembershipDoc):
    meta = _meta("culture", "memberships")


class CultureEvidence(EvidenceDoc):
    meta = _meta("culture", "evidence")


class CultureCaseDocument(CaseDocumentDoc):
    meta = _meta("culture", "case_documents")


class CultureFileChunk(FileChunkDoc):
    meta = _meta("culture", "file_chunks")


# ---- transport
class TransportEntity(EntityDoc):
    meta = _meta("transport", "entities")


class TransportInspection(InspectionDoc):
    meta = _meta("transport", "inspections")


class TransportCase(CaseDoc):
    meta = _meta("transport", "cases")


class TransportConflict(ConflictDoc):
    meta = _meta("transport", "conflicts")


class TransportTask(TaskDoc):
    meta = _meta("transport", "tasks")


class TransportBody(BodyDoc):
    meta = _meta("transport", "bodies")


class TransportPower(PowerDoc):
    meta = _meta("transport", "powers")


class TransportMembership(MembershipDoc):
    meta = _meta("transport", "memberships")


class TransportEvidence(EvidenceDoc):
    meta = _meta("transport", "evidence")


class TransportCaseDocument(CaseDocumentDoc):
    meta = _meta("transport", "case_documents")


class TransportFileChunk(FileChunkDoc):
    meta = _meta("transport", "file_chunks")


CULTURE = SimpleNamespace(
    Entity=CultureEntity,
    Inspection=CultureInspection,
    Case=CultureCase,
    Conflict=CultureConflict,
    Task=CultureTask,
    Body=CultureBody,
    Power=CulturePower,
    Membership=CultureMembership,
    Evidence=CultureEvidence,
    CaseDocument=CultureCaseDocument,
    FileChunk=CultureFileChunk)

TRANSPORT = SimpleNamespace(
    Entity=TransportEntity,
    Inspection=TransportInspection,
    Case=TransportCase,
    Conflict=TransportConflict,
    Task=TransportTask,
    Body=TransportBody,
    Power=TransportPower,
    Membership=TransportMembership,
    Evidence=TransportEvidence,
    CaseDocument=TransportCaseDocument,
    FileChunk=TransportFileChunk)

_BOUND = {"culture": CULTURE, "transport": TRANSPORT}


def bind(context: str) -> SimpleNamespace:
    """The Documents of `context` (`docs.Case`, `docs.Entity`, ...)."""
    return _BOUND[context]
