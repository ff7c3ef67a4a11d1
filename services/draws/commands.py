"""The draws service's writes: each step loads the draw, runs the pure step and commits
the draw, its rows and its events together (one unit of work)."""
from __future__ import annotations

import hashlib
import secrets
import uuid

from pymongo.errors import DuplicateKeyError

from services.common.clock import local_date, parse_day, parse_instant, utcnow
from services.common.errors import DomainError, InvalidInput
from services.contracts.payloads import InspectionRecorded
from services.draws import gather, plans, repository, views
from services.draws.documents import AssignmentDoc, DrawDoc, DrawSeed, TextChunk
from services.draws.domain import lifecycle
from services.draws.domain.plans import check_joins
from services.draws.domain.publication import RESULTS_DUE_WORKDAYS, published_document
from services.draws.domain.scope import batch_scope, operation_scope

SEED_BYTES = 32  # 256 bits: the published commitment cannot be brute-forced


def _date(value, field):
    if value in (None, ""):
        return None
    return parse_day(value, ["input", field])


def _scope(svc, data: dict):
    start, end = _date(data.get("inspection_date"), "inspectionDate"), _date(
        data.get("inspections_end"), "inspectionsEnd")
    if data.get("operation_id"):
        operation = svc.clients.operations.get_operation(str(data["operation_id"]))
        if operation is None:
            raise DomainError("NOT_FOUND", f"operation {data['operation_id']} does not exist",
                              ["input", "operationId"])
        return operation_scope(operation, data.get("domains"), start, end)
    if start is None:
        raise InvalidInput("an agency batch needs an inspectionDate", ["input", "inspectionDate"])
    return batch_scope(data.get("agency") or "", data.get("domains"), start, end)


def create(svc, data: dict, actor: dict) -> dict:
    scope = _scope(svc, data)
    rules = lifecycle.rules_for(scope, data.get("rules") or {})
    key = data.get("key")  # a client's idempotency key: the same key, the same draw
    draw_id = "DRW-" + (hashlib.sha256(str(key).encode()).hexdigest() if key
                        else uuid.uuid4().hex)[:12].upper()
    workdays = data.get("results_due_workdays")
    plan_id = data.get("plan_id")
    if plan_id:  # a draw of a draw plan (抽查批次): the plan's agency must take part
        check_joins(plans.load(plan_id), scope.agencies)
    record = lifecycle.create(draw_id, data.get("title") or "", scope, rules, actor, utcnow(),
                              RESULTS_DUE_WORKDAYS if workdays is None else int(workdays),
                              plan_id=str(plan_id) if plan_id else None)
    try:
        with svc.store.transaction() as uow:
            record = repository.insert(uow, record)
    except DuplicateKeyError:
        record = repository.load(draw_id)
    return views.draw(record)


def commit(svc, draw_id: str, actor: dict) -> dict:
    record = repository.load(draw_id)
    lifecycle.may_manage(actor, record)
    seed = secrets.token_hex(SEED_BYTES)
    done, events = lifecycle.commit(record, seed, utcnow())
    with svc.store.transaction() as uow:
        done = repository.save(uow, done)  # first: a racing commit loses on the version
        uow.insert(DrawSeed(id=record.id, seed=seed))
        uow.emit_all(events)
    return views.draw(done)


def reveal(svc, draw_id: str, actor: dict) -> dict:
    """Freeze the inputs now (after the commitment was published), then run the draw."""
    record = repository.load(draw_id)
    lifecycle.may_manage(actor, record)
    lifecycle.require(record, lifecycle.COMMITTED, "reveal")  # before asking 3 services
    seed = DrawSeed.objects.get(id=record.id).seed
    directory, roster = gather.freeze(svc, record.scope)
    done, draw, events = lifecycle.reveal(record, seed, directory, roster, utcnow())
    document = published_document(record.id, draw, directory, roster, record.rules, seed,
                                  record.scope.inspection_date)
    with svc.store.transaction() as uow:
        done = repository.save(uow, done)
        repository.insert_many(uow, AssignmentDoc, repository.assignment_rows(
            record.id, draw, directory, record.scope.inspection_date))
        repository.insert_many(uow, TextChunk, repository.text_chunks(
            record.id, "document", document))
        uow.emit_all(events)
    return views.draw(done)


def publish_results(svc, draw_id: str, actor: dict) -> dict:
    record = repository.load(draw_id)
    lifecycle.may_manage(actor, record)
    rows = list(AssignmentDoc.objects(draw_id=record.id).order_by("seq"))
    checks = [views.check_result(r) for r in rows if r.inspection_id]
    today = local_date(utcnow())
    done, events = lifecycle.publish_results(record, len(checks), today)
    results = {"format": "jointops.draw-results.v1", "draw_id": record.id,
               "result_hash": record.hashes.get("result"), "published_on": today.isoformat(),
               "due_date": record.results_due.isoformat(), "checks": checks,
               "not_inspected": [r.entity_id for r in rows if not r.inspection_id]}
    coll = AssignmentDoc._get_collection()
    with svc.store.transaction() as uow:
        done = repository.save(uow, done)
        uow.run(lambda s: coll.update_many({"draw_id": record.id}, {"$set": {"open": False}},
                                           session=s))
        repository.insert_many(uow, TextChunk, repository.text_chunks(
            record.id, "results", results))
        uow.emit_all(events)
    return views.draw(done)


def sweep_overdue(svc, as_of: str | None = None) -> list[str]:
    """Each late, unpublished draw raises its overdue event once; a concurrent sweep
    (another replica) loses on the version check and changes nothing."""
    today, flagged = _date(as_of, "asOf") or local_date(utcnow()), []
    for doc in DrawDoc.objects(status=lifecycle.REVEALED, overdue_notified=False,
                               results_due__lt=today.isoformat()):
        record = repository.to_record(doc)
        done, events = lifecycle.sweep_overdue(record, today)
        if not events:
            continue
        try:
            with svc.store.transaction() as uow:
                repository.save(uow, done)
                uow.emit_all(events)
        except DomainError:  # CONCURRENT_UPDATE: someone else flagged or published it
            continue
        flagged.append(record.id)
    return flagged


def record_inspection(svc, payload: InspectionRecorded) -> None:
    """First inspection of a drawn entity on or after the inspection date answers it."""
    performed = parse_instant(payload.performed_at)
    result = {"inspection_id": payload.inspection_id, "performed_at": payload.performed_at,
              "violation_found": payload.violation_found}
    query = {"entity_id": payload.entity_id, "agency": payload.agency, "open": True,
             "inspection_id": None, "inspection_date": {"$lte": local_date(performed).isoformat()}}
    coll = AssignmentDoc._get_collection()
    with svc.store.transaction() as uow:  # the inbox makes a redelivery a no-op
        uow.run(lambda s: coll.update_many(query, {"$set": result}, session=s))
