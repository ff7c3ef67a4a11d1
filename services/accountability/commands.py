"""What the accountability service does on request: findings, sanctions and the steps
that lift them (the ledger: `rectification`). Each write and its events commit together."""
from __future__ import annotations

import dataclasses
import uuid

from pymongo.errors import DuplicateKeyError

from services.accountability import domain, repository as repo
from services.accountability.documents import FindingDoc, SanctionDoc
from services.accountability.domain.grading import grades
from services.common.clock import parse_instant
from services.common.errors import DomainError, InvalidInput, NotFound

# A finding recorded by legal-affairs staff on their own review, unless they say otherwise.
DEFAULT_SOURCE = "AUDIT"
_KEY_NS = uuid.UUID("0b8a6f3e-2f4e-4d8c-9c57-0c3f1f0e7a21")


def text_id(data: dict, key: str, field: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{field} is required", ["input", field])
    return value.strip()


def new_id(doc_cls, data: dict):
    """A fresh id, or with `request_key` a stable one, so a retried request finds what
    the first attempt stored instead of recording it twice. Returns (id, existing)."""
    key = data.get("request_key")
    if not key:
        return uuid.uuid4().hex, None
    ident = uuid.uuid5(_KEY_NS, f"{doc_cls.__name__}:{key}").hex
    return ident, repo.get(doc_cls, ident)


def acting_user(actor: dict | None) -> str:
    sub = (actor or {}).get("sub")
    if not sub:
        raise InvalidInput("the acting user is unknown", ["actor"])
    return sub


def _instant(value, field: str):
    return parse_instant(value, ["input", field]) if value else None


def authored(store, obj, field: str):
    """`obj` with its author: whoever the running command acts for."""
    return dataclasses.replace(obj, **{field: store.actor.to_dict()})


def insert(store, doc_cls, obj, events):
    doc = repo.to_doc(doc_cls, obj)
    try:
        with store.transaction() as uow:
            uow.insert(doc)
            uow.emit_all(events)
    except DuplicateKeyError:
        # A keyed request retried while its first attempt was still running (a client
        # timing out on a killed service): both missed the row; the first one's wins and
        # the retry answers it, as a retry after it would. Fresh (uuid4) ids never meet.
        existing = repo.get(doc_cls, doc.id)
        if existing is None:
            raise
        return existing.to_dict()
    return obj.to_dict()


def replace_versioned(store, doc_cls, changed: list, events):
    """Save new states of loaded (obj, version) rows; someone else's change refuses all."""
    with store.transaction() as uow:
        for obj, version in changed:
            uow.save(repo.to_doc(doc_cls, obj, version + 1), expect_version=version)
        uow.emit_all(events)


def record_finding(store, certification, data: dict) -> dict:
    officer_id = text_id(data, "officer_id", "officerId")
    finding_id, existing = new_id(FindingDoc, data)
    if existing:
        return existing.to_dict()
    if certification.get_officers([officer_id]) in ([], [None]):
        raise NotFound("officer", officer_id, ["input", "officerId"])
    finding, events = domain.record_finding(
        finding_id, officer_id, data.get("description"), data.get("source") or DEFAULT_SOURCE,
        repo.stored_now(), case_id=data.get("case_id"), inspection_id=data.get("inspection_id"),
        evidence=data.get("evidence") or (), graded=grades(data))
    return insert(store, FindingDoc, authored(store, finding, "recorded_by"), events)


def impose_sanction(store, data: dict) -> dict:
    finding_id = text_id(data, "finding_id", "findingId")
    sanction_id, existing = new_id(SanctionDoc, data)
    if existing:
        return existing.to_dict()
    finding = repo.get(FindingDoc, finding_id)
    sanction, events = domain.impose_sanction(
        sanction_id, finding_id, data.get("measure"), {finding_id: finding} if finding else {},
        repo.stored_now(), _instant(data.get("effective_at"), "effectiveAt"),
        existing=repo.load(SanctionDoc, finding_id=finding_id), reason=data.get("reason"))
    try:
        return insert(store, SanctionDoc, authored(store, sanction, "imposed_by"), events)
    except DuplicateKeyError:  # the same decision submitted twice at once
        raise DomainError("SANCTION_ALREADY_IMPOSED", f"{sanction.measure} was already "
                          f"imposed for finding {finding_id}", ["input", "measure"]) from None


def lift_sanctions(store, data: dict, measure: str) -> list[dict]:
    """completeTraining (OFF_POST_TRAINING) / reinstateToPost (REMOVAL_FROM_POST)."""
    officer_id = text_id(data, "officer_id", "officerId")
    rows = repo.load_versioned(SanctionDoc, officer_id=officer_id, measure=measure)
    step = domain.complete_training if measure == "OFF_POST_TRAINING" else domain.reinstate_to_post
    lifted, events = step([s for s, _ in rows], officer_id, repo.stored_now())
    lifted = [authored(store, s, "lifted_by") for s in lifted]
    versions = {s.sanction_id: v for s, v in rows}
    replace_versioned(store, SanctionDoc, [(s, versions[s.sanction_id]) for s in lifted], events)
    return [s.to_dict() for s in lifted]
