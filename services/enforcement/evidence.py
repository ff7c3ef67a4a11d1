"""Evidence on request: attach a file to an inspection or a case (its SHA-256 in that
record, its bytes in chunks, its event, all in one unit of work), list, download."""
from __future__ import annotations

import base64
import binascii

from services.bus.unit_of_work import ConcurrentUpdate
from services.common.clock import utcnow
from services.common.errors import DomainError, InvalidInput, NotFound
from services.contracts.events import EVIDENCE_ATTACHED
from services.enforcement import files, ids, inputs, repository
from services.enforcement.domain import case_model as m
from services.enforcement.domain import evidence as ev
from services.enforcement.domain.inspections import Inspection
from services.enforcement.domain.record import append, attribute
from services.common.clock import iso
from services.enforcement.views import plain



def _bytes(value) -> bytes:
    if not isinstance(value, str):
        raise InvalidInput("the file's content is required (base64)", ["input", "file"])
    # refused before decoding: base64 is 4 characters per 3 bytes
    if len(value) * 3 // 4 > ev.LARGEST + 2:
        raise DomainError("EVIDENCE_TOO_LARGE", f"files are at most {ev.LARGEST // ev.MIB} "
                          "MiB", ["input", "file"], limit=ev.LARGEST)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput("the file's content is not base64", ["input", "file"]) from None


def _entry(subject: str, record: list, item: ev.EvidenceFile, actor: dict) -> None:
    before = len(record)
    append(record, subject, "EVIDENCE_ATTACHED", [], item.attached_at, [item.id], {
        "evidence_id": item.id, "kind": item.kind, "filename": item.filename,
        "files": [{"id": item.id, "sha256": item.sha256}]})
    attribute(record, before, actor)


def attach(docs, store, agency, data) -> dict:
    data = inputs.obj(data)
    subject_id = inputs.text(data.get("subject_id"), "subjectId", max_len=100)
    kind = ids.kind_of(subject_id)
    if kind not in (ids.CASE, ids.INSPECTION) or ids.agency_of(subject_id) != agency:
        raise NotFound("inspection or case", subject_id, ["input", "subjectId"])
    content = _bytes(data.get("content_base64"))
    now = utcnow()
    item = ev.check(ids.new_id(agency, ids.EVIDENCE), subject_id, data.get("kind"),
                    data.get("filename"), content, now,
                    inputs.text(data.get("description"), "description", False) or "",
                    inputs.strings(data.get("participants"), "participants", 20, 100),
                    inputs.moment(data.get("started_at"), "startedAt", False),
                    inputs.moment(data.get("ended_at"), "endedAt", False))
    item.attached_by = store.actor.to_dict()
    with store.transaction() as uow:
        if kind == ids.CASE:
            case, version = repository.load_case(docs, subject_id)
            if case.state == m.CLOSED:
                m.refuse(case, m.CLOSED, "a closed case takes no more evidence")
            _entry(f"case:{case.id}", case.record, item, item.attached_by)
            repository.save_case(uow, docs, case, version)
        else:
            _add_to_inspection(uow, docs, subject_id, item)
        item.chunks = files.store(uow, docs, item.id, content)
        uow.insert(docs.Evidence(**item.to_dict()))
        uow.emit(EVIDENCE_ATTACHED, {
            "evidence_id": item.id, "subject_id": subject_id, "agency": agency,
            "kind": item.kind, "content_type": item.content_type, "size": item.size,
            "sha256": item.sha256, "attached_at": iso(item.attached_at)})
    return view(item.to_dict())


def _add_to_inspection(uow, docs, inspection_id: str, item: ev.EvidenceFile) -> None:
    """Append the entry; the write holds only if the record's head is still the one read
    (the inspection has no version: its head is its version)."""
    stored = repository.raw(docs.Inspection, inspection_id, "inspection",
                            ("input", "subjectId"))
    inspection = Inspection.from_dict(plain(stored))
    _entry(f"inspection:{inspection.id}", inspection.record, item, item.attached_by)
    new, old = inspection.record[-1], stored["record_head"]
    coll = docs.Inspection._get_collection()

    def op(session):
        res = coll.update_one({"_id": inspection_id, "record_head": old},
                              {"$push": {"record": new.to_dict()},
                               "$set": {"record_head": new.hash}}, session=session)
        if res.matched_count == 0:
            raise ConcurrentUpdate(f"inspection {inspection_id}")
    uow.run(op)


def view(raw: dict) -> dict:
    out = {k: v for k, v in raw.items() if k not in ("_id", "changed_by")}
    out["id"] = raw.get("id") or raw.get("_id")
    return out


def list_for(docs, subject_ids) -> list[dict]:
    """The evidence of each inspection or case, oldest first, in one query."""
    wanted = inputs.strings(subject_ids, "ids", 1000)
    rows = docs.Evidence._get_collection().find({"subject_id": {"$in": wanted}},
                                                sort=[("attached_at", 1)])
    return [view(r) for r in rows]


def download(docs, evidence_id) -> dict:
    """The file's record and its bytes (base64), for the gateway's download."""
    stored = repository.raw(docs.Evidence, evidence_id, "evidence", ("id",))
    data = files.read(docs, evidence_id) or b""
    return {**view(stored), "content_base64": base64.b64encode(data).decode()}
