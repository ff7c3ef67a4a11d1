"""Planner commands: ask certification what the rules need, apply the pure domain,
store the operation and its events together (repository.change)."""
from __future__ import annotations

import uuid

from pymongo.errors import DuplicateKeyError

from services.common.clock import utcnow
from services.common.errors import DomainError, InvalidInput, NotFound
from services.operations import documents, domain
from services.operations.domain.model import DOMAINS, JointOperation
from services.operations.repository import change, check_access, remaining_window

MAX_TARGETS = 1000  # one call; the gateway refuses longer lists before they get here


def _operation_id(key: str | None) -> str:
    # A caller's key (demo data, a retried request) always names the same operation.
    suffix = uuid.uuid5(uuid.NAMESPACE_URL, f"jointops:operation:{key}") if key else uuid.uuid4()
    return f"JO-{suffix.hex[:12].upper()}"


def _input(data) -> dict:
    if not isinstance(data, dict):
        raise InvalidInput("input must be an object", ["input"])
    return data


def plan(store, data: dict, actor: dict | None) -> JointOperation:
    data = _input(data)
    agencies = data.get("agencies")
    lead = data.get("lead_agency") or (agencies[0] if isinstance(agencies, list) and agencies
                                       else None)
    op, events = domain.plan_operation(
        _operation_id(data.get("key")), data.get("name"), data.get("legal_basis"), lead,
        agencies, data.get("starts_at"), data.get("ends_at"), utcnow(),
        areas=data.get("areas"), objectives=data.get("objectives"))
    check_access(op, actor)
    try:
        with store.transaction() as uow:
            uow.insert(documents.to_document(op, 0))
            uow.emit_all(events)
    except DuplicateKeyError:  # planned before under this key: the same answer, no change
        return documents.load(op.operation_id)[0]
    return op


def _officer_agency(certification, officer_id: str) -> str:
    officer = certification.get_officers([officer_id], None)[0]
    if officer is None:
        raise DomainError("OFFICER_NOT_QUALIFIED", f"officer {officer_id} is not on the roster: "
                          "UNKNOWN_OFFICER", ["input", "officerId"], reasons=["UNKNOWN_OFFICER"])
    return officer["agency"]


def assign(store, certification, data: dict, actor: dict | None) -> JointOperation:
    data = _input(data)
    officer_id, domain_name = str(data.get("officer_id") or ""), data.get("domain")
    if domain_name not in DOMAINS:  # before asking anyone about it
        raise InvalidInput(f"domain must be one of {', '.join(DOMAINS)}", ["input", "domain"])
    agency = _officer_agency(certification, officer_id)

    def apply(op):
        now = utcnow()
        check = {"officer_id": officer_id, "domain": domain_name, **remaining_window(op, now)}
        answer = certification.check_qualifications_over([check])[0]
        others = [o for o, _ in documents.launched_with([officer_id], op.starts_at, op.ends_at)]
        return domain.assign_officer(op, data.get("team_name") or "", officer_id, agency,
                                     domain_name, answer, others, now)
    return change(store, data.get("operation_id"), actor, apply,
                  busy_officers=lambda op: [officer_id] if op.status == "LAUNCHED" else [])


def remove(store, data: dict, actor: dict | None) -> JointOperation:
    data = _input(data)
    return change(store, data.get("operation_id"), actor, lambda op: domain.remove_officer(
        op, str(data.get("officer_id") or ""), utcnow()))


def move(store, data: dict, actor: dict | None) -> JointOperation:
    data = _input(data)
    return change(store, data.get("operation_id"), actor, lambda op: domain.move_officer(
        op, str(data.get("officer_id") or ""), data.get("team_name") or "", utcnow()))


def directory_targets(enforcement: dict, refs) -> list[domain.Target]:
    """Targets from entity refs ({agency, entity_id[, domain]}): each must be in its
    agency's directory, which gives its category and domain (one lookup per agency)."""
    if not isinstance(refs, list) or len(refs) > MAX_TARGETS:
        raise InvalidInput(f"targets must be a list of at most {MAX_TARGETS}",
                           ["input", "targets"])
    refs = [(str(r.get("agency")), str(r.get("entity_id")), r.get("domain"))
            for r in (r if isinstance(r, dict) else {} for r in refs)]
    found = {}
    for agency in dict.fromkeys(agency for agency, _, _ in refs):
        if agency not in enforcement:
            raise InvalidInput(f"agency must be one of {', '.join(enforcement)}",
                               ["input", "targets"])
        ids = [entity_id for a, entity_id, _ in refs if a == agency]
        found.update(zip(((agency, i) for i in ids),
                         enforcement[agency].get_entities(ids, None)))
    for n, (agency, entity_id, _) in enumerate(refs):
        if found[(agency, entity_id)] is None:
            raise NotFound(f"{agency} directory entity", entity_id,
                           ["input", "targets", str(n), "entityId"])
    return domain.targets_from_draw([
        {**found[(agency, entity_id)], "entity_id": entity_id, **({"domain": d} if d else {})}
        for agency, entity_id, d in refs])


def add_targets(store, enforcement: dict, data: dict, actor: dict | None) -> JointOperation:
    data = _input(data)
    targets = directory_targets(enforcement, data.get("targets"))
    return change(store, data.get("operation_id"), actor, lambda op: domain.add_targets(
        op, targets, data.get("team_name")))


def launch(store, certification, operation_id: str, actor: dict | None) -> JointOperation:
    def apply(op):
        now, members = utcnow(), [m for t in op.teams for m in t.members]
        window = remaining_window(op, now)
        checks = [{"officer_id": m.officer_id, "domain": m.domain, **window} for m in members]
        answers = certification.check_qualifications_over(checks) if checks else []
        others = [o for o, _ in documents.launched_with([m.officer_id for m in members],
                                                        op.starts_at, op.ends_at)]
        return domain.launch_operation(op, {a["officer_id"]: a for a in answers}, now, others)
    return change(store, operation_id, actor, apply,
                  busy_officers=lambda op: [m.officer_id for t in op.teams for m in t.members])


def complete(store, operation_id: str, actor: dict | None) -> JointOperation:
    return change(store, operation_id, actor,
                  lambda op: domain.complete_operation(op, utcnow()))


def cancel(store, operation_id: str, reason: str | None, actor: dict | None) -> JointOperation:
    return change(store, operation_id, actor,
                  lambda op: domain.cancel_operation(op, utcnow(), reason or ""))
