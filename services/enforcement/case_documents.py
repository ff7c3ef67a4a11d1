"""Reasoned documents on request: compose one from the case (pure), render its HTML and
PDF here at the edge (services.common.pdf), and store both with their SHA-256 in a new
entry of the case record, the document's record and its event, in one unit of work."""
from __future__ import annotations

import base64
import hashlib

from services.common import pdf
from services.common.clock import as_stored, iso, utcnow
from services.common.errors import InvalidInput, NotFound
from services.contracts.events import CASE_DOCUMENT_ISSUED as DOCUMENT_ISSUED
from services.enforcement import evidence, files, ids, inputs, repository
from services.enforcement.domain import case_documents as composer
from services.enforcement.domain import case_model as m
from services.enforcement.domain.record import append, attribute

FORMATS = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


def _references(case: m.Case) -> list[str]:
    """Documents the record names that are not stored files (notes, forms, numbers)."""
    stored = {ref["id"].split(".")[0] for e in case.record for ref in e.data.get("files", ())}
    refs = [d for e in case.record for d in e.documents
            if d not in stored and not d.startswith("inspection:")]
    return list(dict.fromkeys(refs))[:50]


def _address(docs, entity_id: str) -> str | None:
    found = docs.Entity._get_collection().find_one({"_id": entity_id}, {"address": 1})
    return (found or {}).get("address")


def issue(docs, store, agency, catalogue, data) -> dict:
    data = inputs.obj(data)
    case, version = repository.load_case(docs, inputs.text(data.get("case_id"), "caseId",
                                                           max_len=100))
    if case.state == m.CLOSED:
        m.refuse(case, m.CLOSED, "a closed case issues no more documents")
    kind = inputs.text(data.get("kind"), "kind", max_len=40)
    proposal = inputs.draft(data["proposal"], "proposal") if data.get("proposal") else None
    now = utcnow()
    shown = evidence.list_for(docs, [case.id] + ([case.inspection_id] if case.inspection_id
                                                  else []))
    composed = composer.compose(case, kind, catalogue, now, evidence=shown,
                                references=_references(case),
                                address=_address(docs, case.entity_id), proposal=proposal)
    html = composer.render_html(composed)
    rendered = {"pdf": pdf.render_pdf(html), "html": html.encode("utf-8")}
    doc_id = ids.new_id(agency, ids.DOCUMENT)
    stored = {fmt: {"id": f"{doc_id}.{fmt}", "sha256": hashlib.sha256(raw).hexdigest(),
                    "size": len(raw)} for fmt, raw in rendered.items()}
    before = len(case.record)
    append(case.record, f"case:{case.id}", "DOCUMENT_ISSUED", [], now, [doc_id], {
        "document_id": doc_id, "kind": kind, "number": composed.number,
        "files": [{"id": s["id"], "sha256": s["sha256"]} for s in stored.values()]})
    attribute(case.record, before, store.actor.to_dict())
    record = {"id": doc_id, "case_id": case.id, "kind": kind, "number": composed.number,
              "title": composed.title, "issued_at": as_stored(now), "files": stored,
              "issued_by": store.actor.to_dict()}
    with store.transaction() as uow:
        repository.save_case(uow, docs, case, version)
        for fmt, raw in rendered.items():
            files.store(uow, docs, stored[fmt]["id"], raw)
        uow.insert(docs.CaseDocument(**record))
        uow.emit(DOCUMENT_ISSUED, {
            "case_id": case.id, "agency": case.agency, "domain": case.domain,
            "document_id": doc_id, "kind": kind, "number": composed.number,
            "pdf_sha256": stored["pdf"]["sha256"], "html_sha256": stored["html"]["sha256"],
            "issued_at": iso(now)})
    return view(record)


def view(raw: dict) -> dict:
    out = {k: v for k, v in raw.items() if k not in ("_id", "changed_by")}
    out["id"] = raw.get("id") or raw.get("_id")
    return out


def list_for(docs, case_ids) -> list[dict]:
    wanted = inputs.strings(case_ids, "ids", 1000)
    rows = docs.CaseDocument._get_collection().find({"case_id": {"$in": wanted}},
                                                    sort=[("issued_at", 1)])
    return [view(r) for r in rows]


def download(docs, document_id, fmt) -> dict:
    """The document's record and one of its files (base64) as stored now."""
    if fmt not in FORMATS:
        raise InvalidInput(f"format must be one of {sorted(FORMATS)}", ["format"])
    stored = repository.raw(docs.CaseDocument, document_id, "document", ("id",))
    data = files.read(docs, f"{document_id}.{fmt}")
    if data is None:
        raise NotFound("document file", f"{document_id}.{fmt}", ["id"])
    return {**view(stored), "content_type": FORMATS[fmt],
            "content_base64": base64.b64encode(data).decode()}
