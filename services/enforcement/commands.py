"""Case work: filing, and every later step through one table of actions.

Each step loads the case, asks certification once about the whole acting team (at the
step's moment, for the case's domain), lets the case core decide, and stores the case with
its events and a version check in one unit of work.
"""
from __future__ import annotations

from services.common.clock import utcnow
from services.common.errors import DomainError, InvalidInput
from services.enforcement import ids, inputs, powers, qualification, repository, views
from services.enforcement.case_steps import STEPS, docs as _docs
from services.enforcement.domain import cases, reviews
from services.enforcement.domain.case_model import Party
from services.enforcement.domain.catalogue import CASE_KINDS
from services.enforcement.domain.inspections import Inspection
from services.enforcement.domain.record import attribute
from services.enforcement.domain.timing import check_step_time


def _team(certification, docs, data, case_or_entity, domain, at):
    return qualification.assemble(certification, docs.Conflict._get_collection(),
                                  inputs.officer_ids(data.get("officer_ids")), domain, at,
                                  case_or_entity)


def _view(case, viewer):
    return views.case({**case.to_dict(), "_id": case.id,
                       "record_head": repository.head(case.record)}, viewer)


def act(docs, store, catalogue, certification, case_id, action, data, actor,
        viewer=None) -> dict:
    step = STEPS.get(action)
    if step is None:
        raise InvalidInput(f"action must be one of {sorted(STEPS)}", ["action"])
    data = inputs.obj(data)
    case, version = repository.load_case(docs, case_id)
    at = check_step_time(inputs.moment(data.get("at")), utcnow(), case.record)
    decision = data.get("decision")
    reviews.gate(case, action, catalogue,
                 decision.get("outcome") if isinstance(decision, dict) else None)
    team = _team(certification, docs, data, case.entity_id, case.domain, at) \
        if step.team else None
    given = {"case": case, "team": team, "at": at, "data": data, "catalogue": catalogue,
             "cases": docs.Case._get_collection(), "actor": store.actor,
             "caller": (actor or {}).get("sub") or "unknown"}
    before = len(case.record)
    raised = step.run(**{name: given[name] for name in step.needs})
    attribute(case.record, before, store.actor.to_dict())
    with store.transaction() as uow:
        repository.save_case(uow, docs, case, version)
        uow.emit_all(raised)
    return _view(case, viewer)


def _party(data, entity) -> Party:
    given = inputs.obj(data.get("party"), "party")
    if not given:
        return Party(name=entity.name, natural_person=entity.natural_person,
                     id_number=entity.id_number, registration_no=entity.registration_no)
    return Party(name=inputs.text(given.get("name"), "partyName", max_len=200),
                 natural_person=inputs.flag(given.get("natural_person"), "naturalPerson"),
                 id_number=inputs.text(given.get("id_number"), "idNumber", False, 40),
                 registration_no=inputs.text(given.get("registration_no"), "registrationNo",
                                             False, 100))


def _inspection(docs, inspection_id, entity_id) -> Inspection | None:
    if not inspection_id:
        return None
    stored = repository.raw(docs.Inspection, inspection_id, "inspection",
                            ("input", "inspectionId"))
    if stored["entity_id"] != entity_id:
        raise DomainError("INSPECTION_MISMATCH", f"inspection {inspection_id} was of another "
                          "entity", ["input", "inspectionId"])
    return Inspection.from_dict(views.plain(stored))


def _linked(inspection) -> list[str]:
    """The inspection's record head, kept in the case's first entry: the two chains are
    tied, so the inspection's record cannot be rewritten without the case showing it."""
    return [f"inspection:{inspection.id}@{repository.head(inspection.record)}"] \
        if inspection else []


def file(docs, store, agency, catalogue, certification, data, actor, viewer=None) -> dict:
    data = inputs.obj(data)
    entity, _ = repository.load_entity(docs, inputs.text(data.get("entity_id"),
                                                         "entityId", max_len=100))
    inspection = _inspection(docs, inputs.text(data.get("inspection_id"), "inspectionId",
                                               False, 100), entity.id)
    earlier = inspection.record if inspection else ()
    filed_at = check_step_time(inputs.moment(data.get("filed_at"), "filedAt"), utcnow(),
                               earlier)
    team = _team(certification, docs, data, entity.id, entity.domain, filed_at)
    code = inputs.text(data.get("violation_code"), "violationCode", False, 64)
    body = powers.filing_body(docs, agency, catalogue, actor, team.officer_ids)
    case, raised = cases.file_case(
        ids.new_id(agency, ids.CASE), entity, _party(data, entity), team, filed_at,
        catalogue, code, inspection.id if inspection else None,
        inputs.text(data.get("operation_id"), "operationId", False, 100)
        or (inspection.operation_id if inspection else None),
        inputs.flag(data.get("complex"), "complex"), _docs(data) + _linked(inspection),
        inputs.choice(data.get("kind"), "kind", CASE_KINDS, False) or "PENALTY", body,
        powers.powers_of(docs, body.id, code) if code else [])
    attribute(case.record, 0, store.actor.to_dict())
    with store.transaction() as uow:
        repository.save_case(uow, docs, case, None)
        uow.emit_all(raised)
    return _view(case, viewer)
