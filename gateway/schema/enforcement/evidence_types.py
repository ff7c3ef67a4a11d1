"""Evidence files, reasoned documents and typical cases as GraphQL types. A case's or an
inspection's files come from one service call per agency for every row of the answer."""
from __future__ import annotations

import graphene

from gateway.schema.actors import actor_field
from gateway.schema.base import enum_of
from gateway.schema.batching import batch
from gateway.schema.enforcement import support
from gateway.schema.paging import connection
from gateway.schema.scalars import DateTime
from services.contracts.vocabulary import CASE_DOCUMENT_KINDS, EVIDENCE_KINDS, agency_of

EvidenceKind = enum_of("EvidenceKind", EVIDENCE_KINDS, (
    "照片 / 视频 / 录音 / 书证 / 视频询问 (a video with its participants and time)."))
CaseDocumentKind = enum_of("CaseDocumentKind", CASE_DOCUMENT_KINDS, (
    "说理式文书: RIGHTS_NOTICE 行政处罚事先告知书, PENALTY_DECISION 行政处罚决定书, "
    "NO_PENALTY_DECISION 不予行政处罚决定书, GUIDANCE_LETTER 行政指导书."))


class VideoInterview(graphene.ObjectType):
    """视频询问: who took part and when."""
    participants = graphene.List(graphene.NonNull(graphene.String), required=True,
                                 description="Officer ids and the people interviewed.")
    started_at = DateTime(required=True, description="When it started.")
    ended_at = DateTime(description="When it ended.")


class EvidenceFile(graphene.ObjectType):
    """A file attached to an inspection or a case (POST /evidence); its SHA-256 is in that
    record, and verifyCaseRecord re-hashes the stored bytes."""
    id = graphene.ID(required=True, description="The evidence id.")
    subject_id = graphene.ID(required=True, description="The inspection or case.")
    kind = graphene.Field(EvidenceKind, required=True, description="The kind of evidence (photo, video, audio, document, video interview).")
    filename = graphene.String(required=True, description="Its name, for people (no path).")
    content_type = graphene.String(required=True, description="From its bytes, not its name.")
    size = graphene.Int(required=True, description="The file's size in bytes.")
    sha256 = graphene.String(required=True, description="Hex SHA-256 of the bytes.")
    attached_at = DateTime(required=True, description="When attached.")
    description = graphene.String(description="What it shows.")
    interview = graphene.Field(VideoInterview, description="VIDEO_INTERVIEW only.")
    attached_by = actor_field("attached_by", True, "Who attached it.")
    download_url = graphene.String(required=True, description=(
        "GET with the bearer token (enforcement or legal-affairs staff of the agency)."),
        resolver=lambda root, info: f"/evidence/{root['id']}")


class CaseDocument(graphene.ObjectType):
    """A reasoned document generated from a case; its PDF's and HTML's SHA-256 are in the
    case record."""
    id = graphene.ID(required=True, description="The document id.")
    case_id = graphene.ID(required=True, description="The case the document was generated from.")
    kind = graphene.Field(CaseDocumentKind, required=True, description="Which document.")
    number = graphene.String(required=True, description="The document number (文号) printed on it.")
    title = graphene.String(required=True, description="Its Chinese title.")
    issued_at = DateTime(required=True, description="When generated.")
    issued_by = actor_field("issued_by", True, "Who generated it.")
    pdf_sha256 = graphene.String(required=True, description="Hex SHA-256 of the PDF.",
                                 resolver=lambda r, i: r["files"]["pdf"]["sha256"])
    html_sha256 = graphene.String(required=True, description="Hex SHA-256 of the HTML.",
                                  resolver=lambda r, i: r["files"]["html"]["sha256"])
    pdf_url = graphene.String(required=True, description=(
        "GET with the bearer token (enforcement or legal-affairs staff of the agency)."),
        resolver=lambda root, info: f"/documents/{root['id']}.pdf")
    html_url = graphene.String(required=True, description="The same document as HTML.",
                               resolver=lambda root, info: f"/documents/{root['id']}.html")


class TypicalCase(graphene.ObjectType):
    """典型案例: a published decision (masked as published) and its public summary."""
    decision = graphene.Field(lambda: _published_decision(), required=True,
                              description="As published (natural persons masked).",
                              resolver=lambda root, info: root)
    summary = graphene.String(required=True, description="Why it is typical. Plain text.")
    marked_at = DateTime(required=True, description="When it was marked.")


TypicalCaseConnection = connection(TypicalCase)


def _published_decision():
    from gateway.schema.enforcement.published_types import PublishedDecision  # a cycle
    return PublishedDecision


def _by_subject(info, name: str, method: str, key: str):
    """Rows of `method` by subject id, one call per agency for the whole answer."""
    def fetch(ids):
        found = {i: [] for i in ids}
        for agency in {agency_of(i) for i in ids} - {None}:
            mine = [i for i in ids if agency_of(i) == agency]
            for row in getattr(support.service(info, agency), method)(mine):
                found.setdefault(row[key], []).append(row)
        return [found.get(i, []) for i in ids]
    return batch(info, name, fetch)


def evidence_of(root, info):
    ids = [root["id"]] + ([root["inspection_id"]] if root.get("inspection_id") else [])
    rows = _by_subject(info, "enforcement.evidence", "list_evidence", "subject_id")
    return [row for i in ids for row in rows.get(i)]


def documents_of(root, info):
    return _by_subject(info, "enforcement.documents", "list_documents", "case_id").get(
        root["id"])
