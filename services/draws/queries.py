"""The draws service's reads. Lists follow the one paging contract
(services.common.paging), which the gateway turns into Relay connections."""
from __future__ import annotations

import hashlib
import json

from services.common import paging
from services.common.errors import InvalidInput
from services.common.paging import Page
from services.draws import repository, views
from services.draws.documents import AssignmentDoc, DrawDoc
from services.draws.domain.lifecycle import REVEALED, RESULTS_PUBLISHED
from services.draws.domain.scope import AGENCY_BATCH, JOINT_OPERATION
from services.draws.domain.verify import verify_document

PUBLISHED = (REVEALED, RESULTS_PUBLISHED)
_VERIFIED: dict[str, list[str]] = {}  # document digest -> differences


def get_draws(ids: list[str]) -> list[dict | None]:
    found = {d.id: d for d in DrawDoc.objects(id__in=[str(i) for i in ids])}
    return [views.draw(repository.to_record(found[i])) if i in found else None for i in ids]


def list_draws(filters: dict | None, request: Page) -> dict:
    """Newest first; filters: status, kind, operation_id (exact values only), and
    published (revealed, with or without results: what the public may list)."""
    filters, query = filters or {}, {}
    for key in ("status", "kind", "operation_id"):
        if filters.get(key) is not None:
            query[key] = str(filters[key])
    if query.get("kind") not in (None, AGENCY_BATCH, JOINT_OPERATION):
        raise InvalidInput("unknown draw kind", ["kind"])
    if filters.get("published"):
        wanted = query.pop("status", None)
        query["status__in"] = [s for s in PUBLISHED if wanted in (None, s)]
    docs = DrawDoc.objects(**query).order_by("-created_at", "id")
    return paging.positions(request, docs.count(), lambda skip, limit: [
        views.draw(repository.to_record(d)) for d in docs.skip(skip).limit(limit)])


def list_assignments(draw_id: str, request: Page) -> dict:
    repository.load(draw_id)  # NOT_FOUND for an unknown draw, not an empty page
    rows = AssignmentDoc.objects(draw_id=str(draw_id)).order_by("seq")
    return paging.positions(request, rows.count(), lambda skip, limit: [
        views.assignment(r) for r in rows.skip(skip).limit(limit)])


def published(draw_id: str) -> dict | None:
    """What the public may read: the revealed draw's document and, once published, its
    inspection results (both JSON text). Nothing for a draw not revealed yet."""
    doc = DrawDoc.objects(id=str(draw_id), status__in=PUBLISHED).first()
    if doc is None:
        return None
    return {"draw_id": doc.id, "title": doc.title, "status": doc.status,
            "revealed_at": doc.revealed_at.isoformat() if doc.revealed_at else None,
            "result_hash": (doc.hashes or {}).get("result"),
            "document": repository.read_text(doc.id, "document"),
            "results": repository.read_text(doc.id, "results")}


def _differences(text: str) -> list[str]:
    """verify_document of a stored text, remembered by its digest: anyone may ask, and a
    large draw costs a second of CPU to re-run, so the same text is re-run once."""
    key = hashlib.sha256(text.encode()).hexdigest()
    if key not in _VERIFIED:
        if len(_VERIFIED) >= 256:
            _VERIFIED.clear()
        _VERIFIED[key] = verify_document(json.loads(text))
    return list(_VERIFIED[key])


def verify(draw_id: str) -> dict | None:
    """The stored published document, re-run by the same code as `jointops draw verify`."""
    page = published(draw_id)
    if page is None:
        return None
    differences = _differences(page["document"])
    return {"draw_id": page["draw_id"], "verified": not differences,
            "differences": differences}


def targets(draw_id: str) -> list[dict]:
    """Drawn entities with their inspectors, for operations to turn into tasks."""
    record = repository.load(draw_id)
    if record.status not in PUBLISHED:
        return []
    return [{"agency": r.agency, "entity_id": r.entity_id, "category": r.category,
             "inspector_ids": list(r.inspector_ids)}
            for r in AssignmentDoc.objects(draw_id=record.id).order_by("seq")]
