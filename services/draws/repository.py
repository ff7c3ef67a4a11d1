"""Between the pure DrawRecord and the stored documents."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

from services.common.clock import as_utc
from services.common.errors import NotFound
from services.draws.documents import AssignmentDoc, DrawDoc, TextChunk
from services.draws.domain.draw import Draw
from services.draws.domain.lifecycle import DrawRecord
from services.draws.domain.rules import RuleSet
from services.draws.domain.scope import Scope
from services.draws.domain.snapshots import DirectorySnapshot

CHUNK = 1_000_000  # characters of published text per stored chunk


def _date(value):
    return None if value is None else dt.date.fromisoformat(value)


def _utc(value):
    return None if value is None else as_utc(value)


def to_doc(record: DrawRecord) -> DrawDoc:
    data = dataclasses.asdict(record)
    data.update(scope=record.scope.to_dict(), rules=record.rules.to_dict(),
                kind=record.scope.kind, operation_id=record.scope.operation_id,
                results_due=record.results_due.isoformat(),
                results_published_on=(record.results_published_on.isoformat()
                                      if record.results_published_on else None))
    return DrawDoc(**data)


def to_record(doc: DrawDoc) -> DrawRecord:
    return DrawRecord(
        id=doc.id, title=doc.title, scope=Scope.from_dict(doc.scope),
        rules=RuleSet.from_dict(doc.rules), created_by=doc.created_by,
        created_at=_utc(doc.created_at), results_due_workdays=doc.results_due_workdays,
        status=doc.status, seed_commitment=doc.seed_commitment, seed=doc.seed,
        committed_at=_utc(doc.committed_at), revealed_at=_utc(doc.revealed_at),
        hashes=dict(doc.hashes or {}), entity_count=doc.entity_count,
        inspector_count=doc.inspector_count,
        results_published_on=_date(doc.results_published_on),
        overdue_notified=bool(doc.overdue_notified), version=doc.version or 0,
        plan_id=doc.plan_id)


def load(draw_id: str) -> DrawRecord:
    doc = DrawDoc.objects(id=str(draw_id)).first()
    if doc is None:
        raise NotFound("draw", draw_id, ["id"])
    return to_record(doc)


def insert(uow, record: DrawRecord) -> DrawRecord:
    record = dataclasses.replace(record, version=1)
    uow.insert(to_doc(record))
    return record


def save(uow, record: DrawRecord) -> DrawRecord:
    """Store as the next version of the one loaded; CONCURRENT_UPDATE if someone else
    stored another first."""
    after = dataclasses.replace(record, version=record.version + 1)
    uow.save(to_doc(after), expect_version=record.version)
    return after


def assignment_rows(draw_id: str, draw: Draw, directory: DirectorySnapshot,
                    inspection_date: dt.date) -> list[dict]:
    index = {e: k for k, e in enumerate(directory.entity_ids)}
    rows = []
    for seq, (entity, inspectors) in enumerate(draw.assignments):
        k = index[entity]
        rows.append(AssignmentDoc(
            id=f"{draw_id}:{entity}", draw_id=draw_id, seq=seq, entity_id=entity,
            agency=directory.agencies[directory.agency_code[k]],
            category=directory.categories[directory.category_code[k]],
            tier=directory.tiers[directory.tier_code[k]], flagged=bool(directory.flagged[k]),
            inspector_ids=list(inspectors),
            inspection_date=inspection_date.isoformat()).to_mongo())
    return rows


def text_chunks(draw_id: str, part: str, obj) -> list[dict]:
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    return [TextChunk(id=f"{draw_id}:{part}:{n}", draw_id=draw_id, part=part, n=n,
                      text=text[i:i + CHUNK]).to_mongo()
            for n, i in enumerate(range(0, max(len(text), 1), CHUNK))]


def read_text(draw_id: str, part: str) -> str | None:
    chunks = TextChunk.objects(draw_id=draw_id, part=part).order_by("n")
    text = "".join(c.text for c in chunks)
    return text or None


def insert_many(uow, document_cls, rows: list[dict]) -> None:
    if rows:
        uow.run(lambda s: document_cls._get_collection().insert_many(rows, session=s))
