"""Loading domain objects from a context's collections and writing them back in a unit
of work. Reads are raw pymongo (the stored form is the core's plain dict); writes go
through the mongoengine Documents so they are validated first."""
from __future__ import annotations

from services.common.errors import NotFound
from services.enforcement.domain.case_model import Case
from services.enforcement.domain.entities import Entity
from services.enforcement.domain.inspections import Inspection
from services.enforcement.domain.record import GENESIS
from services.common.clock import as_stored
from services.enforcement.views import plain


def raw(doc_cls, ident: str, what: str, field=("input", "id")) -> dict:
    if not isinstance(ident, str) or not ident:
        raise NotFound(what, repr(ident), list(field))
    found = doc_cls._get_collection().find_one({"_id": ident})
    if found is None:
        raise NotFound(what, ident, list(field))
    return found


def many(doc_cls, ids) -> dict[str, dict]:
    """Stored documents by id, for a batch of ids (one query)."""
    wanted = [i for i in dict.fromkeys(ids) if isinstance(i, str)]
    return {d["_id"]: d for d in doc_cls._get_collection().find({"_id": {"$in": wanted}})}


def head(record) -> str:
    return record[-1].hash if record else GENESIS


def load_case(docs, case_id: str) -> tuple[Case, int]:
    stored = raw(docs.Case, case_id, "case", ("input", "caseId"))
    return Case.from_dict(plain(stored)), stored.get("version", 0)


def save_case(uow, docs, case: Case, version: int | None) -> None:
    """New (version None) or an update that fails if someone else changed the case."""
    doc = docs.Case(**case.to_dict(), record_head=head(case.record),
                    version=0 if version is None else version + 1)
    if version is None:
        uow.insert(doc)
    else:
        uow.save(doc, expect_version=version)


def load_entity(docs, entity_id: str) -> tuple[Entity, dict]:
    stored = raw(docs.Entity, entity_id, "entity", ("input", "entityId"))
    return Entity.from_dict(plain(stored)), stored


def save_entity(uow, docs, entity: Entity, stored: dict | None, now) -> None:
    """Replace the entity, keeping its inspection counters (which the import knows not)."""
    keep = {k: stored.get(k) for k in ("inspections", "last_inspected_at")} if stored else {}
    doc = docs.Entity(**entity.to_dict(), **{k: v for k, v in keep.items() if v is not None},
                      updated_at=as_stored(now),
                      version=(stored.get("version", 0) + 1) if stored else 0)
    uow.save(doc, expect_version=stored.get("version", 0) if stored else None)


def save_inspection(uow, docs, inspection: Inspection, recorded_by: str) -> None:
    uow.insert(docs.Inspection(**inspection.to_dict(), record_head=head(inspection.record),
                               recorded_by=recorded_by))


def count_inspection(uow, docs, entity_id: str, performed_at) -> None:
    """The entity's inspection history figures, kept with the inspection's write."""
    coll = docs.Entity._get_collection()
    uow.run(lambda s: coll.update_one(
        {"_id": entity_id},
        {"$inc": {"inspections": 1, "version": 1},
         "$max": {"last_inspected_at": as_stored(performed_at)}},
        session=s))
