"""Case work: filing, and every later step through one table of actions.

Each step loads the case, asks certification once about the whole acting team (at the
step's moment, for the case's domain), lets the case core decide, and stores the case with
its events and a version check in one unit of work.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from services.common.clock import utcnow
from services.common.errors import DomainError, InvalidInput
from services.enforcement import ids, inputs, qualification, repository, views
from services.enforcement.domain import cases, decisions, delivery, justice, publication
from services.enforcement.domain.case_model import Party
from services.enforcement.domain.inspections import Inspection
from services.enforcement.domain.record import attribute
from services.enforcement.domain.timing import check_step_time


@dataclass(frozen=True)
class Step:
    apply: Callable      # (case, team, at, data, svc, actor_id) -> events
    team: bool = True    # acted by >= 2 qualified officers (not: a reviewer, a receipt)


def _docs(d):
    return inputs.strings(d.get("documents"), "documents")


def _index(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("attemptIndex must be a whole number", ["input", "attemptIndex"])
    return value


STEPS = {
    "start_investigation": Step(lambda c, t, at, d, svc, who: cases.start_investigation(
        c, t, at, _docs(d))),
    "notify_rights": Step(lambda c, t, at, d, svc, who: cases.notify_rights(
        c, t, at, _docs(d))),
    "submit_for_legal_review": Step(lambda c, t, at, d, svc, who: cases.submit_for_legal_review(
        c, t, at, inputs.draft(d.get("proposal"), "proposal"), svc.catalogue, _docs(d))),
    "record_legal_review": Step(lambda c, t, at, d, svc, who: cases.record_legal_review(
        c, inputs.text(d.get("outcome"), "outcome", max_len=20),
        inputs.text(d.get("reviewer_id"), "reviewerId", False, 100) or who, at,
        inputs.text(d.get("opinion"), "opinion", False) or "", _docs(d)), team=False),
    "decide": Step(lambda c, t, at, d, svc, who: decisions.decide(
        c, t, at, inputs.draft(d.get("decision")), svc.catalogue, _docs(d))),
    "record_service_consent": Step(lambda c, t, at, d, svc, who: delivery.record_consent(
        c, t, at, inputs.text(d.get("method"), "method", max_len=20),
        inputs.text(d.get("address"), "address", max_len=200), _docs(d))),
    "attempt_service": Step(lambda c, t, at, d, svc, who: delivery.attempt_service(
        c, t, at, inputs.text(d.get("document"), "document", max_len=40),
        inputs.text(d.get("method"), "method", max_len=20),
        inputs.text(d.get("address"), "address", False, 200), _docs(d))),
    "record_service_receipt": Step(lambda c, t, at, d, svc, who: delivery.record_receipt(
        c, _index(d.get("attempt_index")), at, _docs(d)), team=False),
    "file_with_justice_bureau": Step(lambda c, t, at, d, svc, who:
                                     justice.file_with_justice_bureau(
        c, at, inputs.text(d.get("reference"), "reference", max_len=100), who, _docs(d)),
        team=False),
    "publish_decision": Step(lambda c, t, at, d, svc, who: publication.publish_decision(
        c, t, at, inputs.text(d.get("channel"), "channel", False, 200) or "", _docs(d))),
    "close": Step(lambda c, t, at, d, svc, who: cases.close_case(c, t, at, _docs(d))),
}


def _team(svc, data, case_or_entity, domain, at):
    return qualification.assemble(svc.clients.certification, svc.docs.Conflict._get_collection(),
                                  inputs.officer_ids(data.get("officer_ids")), domain, at,
                                  case_or_entity)


def _view(case, viewer):
    return views.case({**case.to_dict(), "_id": case.id,
                       "record_head": repository.head(case.record)}, viewer)


def act(svc, case_id, action, data, actor, viewer=None) -> dict:
    step = STEPS.get(action)
    if step is None:
        raise InvalidInput(f"action must be one of {sorted(STEPS)}", ["action"])
    data = inputs.obj(data)
    case, version = repository.load_case(svc.docs, case_id)
    at = check_step_time(inputs.moment(data.get("at")), utcnow(), case.record)
    team = _team(svc, data, case.entity_id, case.domain, at) if step.team else None
    before = len(case.record)
    raised = step.apply(case, team, at, data, svc, (actor or {}).get("sub") or "unknown")
    attribute(case.record, before, svc.store.actor.to_dict())
    with svc.store.transaction() as uow:
        repository.save_case(uow, svc.docs, case, version)
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


def _inspection(svc, inspection_id, entity_id) -> Inspection | None:
    if not inspection_id:
        return None
    stored = repository.raw(svc.docs.Inspection, inspection_id, "inspection",
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


def file(svc, data, actor, viewer=None) -> dict:
    data = inputs.obj(data)
    entity, _ = repository.load_entity(svc.docs, inputs.text(data.get("entity_id"),
                                                             "entityId", max_len=100))
    inspection = _inspection(svc, inputs.text(data.get("inspection_id"), "inspectionId",
                                              False, 100), entity.id)
    earlier = inspection.record if inspection else ()
    filed_at = check_step_time(inputs.moment(data.get("filed_at"), "filedAt"), utcnow(),
                               earlier)
    team = _team(svc, data, entity.id, entity.domain, filed_at)
    case, raised = cases.file_case(
        ids.new_id(svc.agency, ids.CASE), entity, _party(data, entity), team, filed_at,
        svc.catalogue, inputs.text(data.get("violation_code"), "violationCode", False, 64),
        inspection.id if inspection else None,
        inputs.text(data.get("operation_id"), "operationId", False, 100)
        or (inspection.operation_id if inspection else None),
        inputs.flag(data.get("complex"), "complex"), _docs(data) + _linked(inspection))
    attribute(case.record, 0, svc.store.actor.to_dict())
    with svc.store.transaction() as uow:
        repository.save_case(uow, svc.docs, case, None)
        uow.emit_all(raised)
    return _view(case, viewer)
