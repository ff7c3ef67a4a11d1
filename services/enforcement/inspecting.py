"""Inspections: recording one (qualified team, no conflicts, linked to its joint-operation
task when there is one), the tasks handed over by operations, and the lists."""
from __future__ import annotations

from services.common.clock import as_stored, utcnow
from services.common.errors import DomainError
from services.contracts.payloads import InspectionTaskAssigned
from services.enforcement import ids, inputs, paging, qualification, repository, views
from services.enforcement.domain.inspections import record_inspection
from services.enforcement.domain.record import attribute
from services.enforcement.domain.timing import check_step_time

LIST_FILTERS = {"entity_id": "entity_id", "operation_id": "operation_id",
                "task_id": "task_id", "officer_id": "officer_ids", "kind": "kind"}


def _task(docs, task_id, entity_id, operation_id) -> dict | None:
    if not task_id:
        return None
    task = repository.raw(docs.Task, task_id, "inspection task", ("input", "taskId"))
    if task["entity_id"] != entity_id or operation_id not in (None, task["operation_id"]):
        raise DomainError("TASK_MISMATCH", f"task {task_id} is for entity {task['entity_id']} "
                          f"in operation {task['operation_id']}", ["input", "taskId"])
    if task["status"] == "DONE":
        raise DomainError("TASK_ALREADY_DONE", f"task {task_id} was done by inspection "
                          f"{task['inspection_id']}", ["input", "taskId"])
    return task


def record(docs, store, agency, catalogue, certification, data) -> dict:
    data = inputs.obj(data)
    entity, _ = repository.load_entity(docs, inputs.text(data.get("entity_id"),
                                                         "entityId", max_len=100))
    performed_at = check_step_time(inputs.moment(data.get("performed_at"), "performedAt"),
                                   utcnow())
    task = _task(docs, inputs.text(data.get("task_id"), "taskId", False, 100), entity.id,
                 inputs.text(data.get("operation_id"), "operationId", False, 100))
    team = qualification.assemble(certification, docs.Conflict._get_collection(),
                                  inputs.officer_ids(data.get("officer_ids")), entity.domain,
                                  performed_at, entity.id)
    inspection, raised = record_inspection(
        ids.new_id(agency, ids.INSPECTION), entity, team, performed_at,
        kind=inputs.text(data.get("kind"), "kind", False, 20) or (
            "PLANNED" if task else "AD_HOC"),
        checklist=inputs.records(data.get("checklist"), "checklist", ("item", "result", "note")),
        findings=inputs.records(data.get("findings"), "findings",
                                ("description", "violation_code")),
        evidence=inputs.strings(data.get("evidence"), "evidence"),
        operation_id=task["operation_id"] if task else data.get("operation_id"),
        task_id=task["_id"] if task else None, catalogue=catalogue)
    author = store.actor
    attribute(inspection.record, 0, author.to_dict())
    with store.transaction() as uow:
        repository.save_inspection(uow, docs, inspection, author.subject)
        repository.count_inspection(uow, docs, entity.id, performed_at)
        if task:
            _complete_task(uow, docs, task["_id"], inspection.id)
        uow.emit_all(raised)
    return views.inspection({**inspection.to_dict(), "_id": inspection.id})


def _complete_task(uow, docs, task_id, inspection_id):
    coll = docs.Task._get_collection()

    def op(session):
        done = coll.update_one({"_id": task_id, "status": "OPEN"},
                               {"$set": {"status": "DONE", "inspection_id": inspection_id}},
                               session=session)
        if done.matched_count == 0:   # another inspection took the task meanwhile
            raise DomainError("TASK_ALREADY_DONE", f"task {task_id} is already done",
                              ["input", "taskId"])
    uow.run(op)


def accept_task(docs, store, payload: InspectionTaskAssigned) -> None:
    """operations.inspection_task_assigned.v1 for this agency -> an open planned task."""
    doc = docs.Task(id=payload.task_id, operation_id=payload.operation_id,
                    entity_id=payload.entity_id, domain=payload.domain,
                    team=payload.team, officer_ids=list(payload.officer_ids),
                    status="OPEN", assigned_at=as_stored(utcnow()))
    doc.validate()
    fields = {k: v for k, v in doc.to_mongo().items() if k != "_id"}
    coll = docs.Task._get_collection()
    # The inbox stops a redelivery; $setOnInsert also keeps a task announced again (a
    # new event for the same task) from reopening one that is already done.
    with store.transaction() as uow:
        uow.run(lambda s: coll.update_one({"_id": doc.id}, {"$setOnInsert": fields},
                                          upsert=True, session=s))


def list_page(docs, filters, request) -> dict:
    filters = inputs.obj(filters, "filter")
    query = {**paging.equal(filters, LIST_FILTERS),
             **paging.period("performed_at", filters.get("from"), filters.get("to"))}
    return paging.page(docs.Inspection._get_collection(), query, [("performed_at", -1)],
                       request, views.inspection)


def get_many(docs, wanted) -> list[dict | None]:
    found = repository.many(docs.Inspection, inputs.strings(wanted, "ids", 1000))
    return [views.inspection(found[i]) if i in found else None for i in wanted]


def tasks_page(docs, filters, request) -> dict:
    filters = inputs.obj(filters, "filter")
    query = paging.equal(filters, {"operation_id": "operation_id", "status": "status",
                                   "entity_id": "entity_id"})
    return paging.page(docs.Task._get_collection(), query, [("assigned_at", 1)],
                       request, views.plain)
