"""The directory of inspectable entities: import (merged by registration number), lists,
the snapshot the random draws take, and declared conflicts of interest."""
from __future__ import annotations

from dataclasses import asdict

from services.common.clock import as_stored, utcnow
from services.common.errors import DomainError, InvalidInput
from services.enforcement import inputs, paging, repository, views
from services.enforcement.domain.entities import Entity, register_entity
from services.enforcement.domain.entity_import import RowError, parse_entity_rows

MAX_BATCH = 500
LIST_FILTERS = {"category": "category", "risk_level": "risk_level", "domain": "domain",
                "registration_no": "registration_no"}


def _numbered(rows) -> list[tuple[int, dict]]:
    """(line, row) pairs; a row may say its CSV line, else its place counts (header = 1)."""
    if not isinstance(rows, list) or len(rows) > MAX_BATCH:
        raise InvalidInput(f"rows must be a list of at most {MAX_BATCH}", ["rows"])
    pairs = []
    for place, row in enumerate(rows, start=2):
        if not isinstance(row, dict):
            raise InvalidInput(f"row {place} is not an object", ["rows"])
        line = row.get("line")
        pairs.append((line if isinstance(line, int) else place,
                      {k: v for k, v in row.items() if k != "line"}))
    return pairs


def import_rows(docs, store, catalogue, rows) -> dict:
    """Register or merge every valid row in one unit of work; report the others by line."""
    pairs = _numbered(rows)
    entities, errors = parse_entity_rows(pairs, catalogue)
    line_of = {str(r.get("registration_no", "")).strip(): line for line, r in pairs}
    stored = repository.many(docs.Entity, [e.id for e in entities])
    counts, ids, now = {"created": 0, "merged": 0, "unchanged": 0}, [], utcnow()
    with store.transaction() as uow:
        for incoming in entities:
            before = stored.get(incoming.id)
            existing = Entity.from_dict(views.plain(before)) if before else None
            try:
                entity, raised = register_entity(existing, incoming, now)
            except DomainError as err:
                errors.append(RowError(line_of.get(incoming.registration_no, 0),
                                       err.field[-1] if err.field else None, err.code,
                                       err.message))
                continue
            ids.append(entity.id)
            if not raised:
                counts["unchanged"] += 1
                continue
            counts["merged" if before else "created"] += 1
            repository.save_entity(uow, docs, entity, before, now)
            uow.emit_all(raised)
    return {**counts, "entity_ids": ids,
            "errors": sorted((asdict(e) for e in errors), key=lambda e: e["line"])}


def register(docs, store, catalogue, data, viewer) -> dict:
    """One entity from GraphQL: the import path, with the row's first error as a refusal."""
    result = import_rows(docs, store, catalogue, [inputs.obj(data)])
    if result["errors"]:
        first = result["errors"][0]
        raise DomainError(first["code"], first["message"],
                          ["input", first["field"]] if first["field"] else None)
    return get_many(docs, result["entity_ids"], viewer)[0]


def list_page(docs, filters, request, viewer) -> dict:
    filters = inputs.obj(filters, "filter")
    query = {**paging.equal(filters, LIST_FILTERS),
             **paging.prefix("name", filters.get("name_prefix"))}
    return paging.page(docs.Entity._get_collection(), query, [("category", 1), ("name", 1)],
                       request, lambda d: views.entity(d, viewer))


def get_many(docs, ids, viewer) -> list[dict | None]:
    found = repository.many(docs.Entity, inputs.strings(ids, "ids", 1000))
    return [views.entity(found[i], viewer) if i in found else None for i in ids]


def _domains(domains) -> dict:
    wanted = inputs.strings(domains, "domains", 10, 40)
    return {"domain": {"$in": wanted}} if wanted else {}


def snapshot(docs, agency, domains=None) -> dict:
    """Columns for a draw (DirectorySnapshot.from_dict) of the entities in `domains`
    (all when empty)."""
    rows = list(docs.Entity._get_collection().find(
        _domains(domains), {"category": 1, "risk_level": 1}).sort("_id", 1))
    return {"entity_id": [d["_id"] for d in rows], "agency": [agency] * len(rows),
            "category": [d["category"] for d in rows],
            # FLAGGED is a flag on top of a tier; a flagged entity is drawn as HIGH
            "tier": [d["risk_level"] if d["risk_level"] != "FLAGGED" else "HIGH" for d in rows],
            "flagged": [d["risk_level"] == "FLAGGED" for d in rows]}


def recusals(docs, domains=None) -> list[dict]:
    """Who may not inspect whom in a draw: declared conflicts, and the officers of each
    entity's latest inspection (not the same inspectors twice in a row)."""
    entity_ids = [d["_id"] for d in docs.Entity._get_collection().find(
        _domains(domains), {"_id": 1})]
    within = {"entity_id": {"$in": entity_ids}}
    out = [{"officer_id": c["officer_id"], "entity_id": c["entity_id"], "reason": "conflict"}
           for c in docs.Conflict._get_collection().find(within)]
    last = docs.Inspection._get_collection().aggregate([
        {"$match": within}, {"$sort": {"entity_id": 1, "performed_at": -1}},
        {"$group": {"_id": "$entity_id", "officer_ids": {"$first": "$officer_ids"}}}])
    out += [{"officer_id": o, "entity_id": row["_id"], "reason": "last_inspected"}
            for row in last for o in row["officer_ids"]]
    return out


def declare_conflict(docs, store, data, actor) -> dict:
    data = inputs.obj(data)
    officer = inputs.text(data.get("officer_id"), "officerId", max_len=100)
    entity_id = inputs.text(data.get("entity_id"), "entityId", max_len=100)
    reason = inputs.text(data.get("reason"), "reason", max_len=500)
    repository.raw(docs.Entity, entity_id, "entity", ("input", "entityId"))
    doc = docs.Conflict(id=f"{officer}|{entity_id}", officer_id=officer,
                        entity_id=entity_id, reason=reason, declared_at=as_stored(utcnow()),
                        declared_by=(actor or {}).get("sub"))
    with store.transaction() as uow:
        uow.save(doc)   # declaring again updates the reason: one conflict per pair
    return views.plain(doc.to_mongo().to_dict())


def conflicts(docs, entity_id=None, officer_id=None) -> list[dict]:
    query = paging.equal({"entity_id": entity_id, "officer_id": officer_id},
                         {"entity_id": "entity_id", "officer_id": "officer_id"})
    coll = docs.Conflict._get_collection()
    return [views.plain(c) for c in coll.find(query).sort("_id", 1).limit(1000)]
