"""What the RPC API returns: stored documents shaped for callers, personal data masked.

Natural persons' names and ID numbers (drivers, sole proprietors, parties) are shown in
full only to enforcement or accountability staff of the agency that holds them; planners,
other agencies and cross-agency systems see them masked, as the publication rules do.
"""
from __future__ import annotations

from services.common.clock import utcnow
from services.enforcement.domain.case_model import Case
from services.enforcement.domain.deadlines import overdue_items
from services.enforcement.domain.publication import mask_identifier, mask_name
from services.enforcement.domain.record import verify_chain

PERSONAL_DATA_ROLES = {"enforcement_officer", "accountability_officer"}


def sees_personal_data(viewer: dict | None, agency: str) -> bool:
    return bool(viewer) and viewer.get("agency") == agency and bool(
        PERSONAL_DATA_ROLES.intersection(viewer.get("roles") or ()))


def plain(raw: dict) -> dict:
    """A stored document as the domain's plain dict (`_id` -> `id`, no storage fields)."""
    out = {k: v for k, v in raw.items() if k not in ("_id", "version")}
    out["id"] = raw["_id"]
    return out


def _masked_person(holder: dict, name_key: str, id_key: str, reg_key: str) -> dict:
    return {**holder, name_key: mask_name(holder.get(name_key) or ""),
            id_key: mask_identifier(holder.get(id_key)),
            reg_key: mask_identifier(holder.get(reg_key))}


def entity(raw: dict, viewer: dict | None) -> dict:
    out = plain(raw)
    if out.get("natural_person") and not sees_personal_data(viewer, out["agency"]):
        out = _masked_person(out, "name", "id_number", "registration_no")
    return out


def case(raw: dict, viewer: dict | None, now=None) -> dict:
    out = plain(raw)
    party = out.get("party") or {}
    if not sees_personal_data(viewer, out["agency"]):
        # consent addresses are contact data of the party, whoever it is
        party = {**party, "consent": {k: mask_identifier(v)
                                      for k, v in (party.get("consent") or {}).items()}}
        if party.get("natural_person"):
            party = _masked_person(party, "name", "id_number", "registration_no")
    out["party"] = party
    decision = out.get("decision") or {}
    out["major"] = bool(decision.get("major"))
    out["overdue"] = [i.kind for i in overdue_items([Case.from_dict(out)], now or utcnow())]
    out["record_check"] = record_check(raw.get("record") or [], raw.get("record_head"),
                                       out["id"])
    return out


def record_check(entries, head, ident) -> dict:
    """The record against its stored head, checked here (the record's owner), so readers
    are told the verdict rather than redoing the hashing."""
    check = verify_chain(entries, expected_head=head)
    return {"id": ident, "intact": check.intact, "index": check.index,
            "reason": check.reason, "entries": len(entries), "head": head}


def inspection(raw: dict) -> dict:
    return plain(raw)


def summary_of_inspection(raw: dict) -> dict:
    """The row an operation's joint report counts."""
    return {"inspection_id": raw["_id"], "agency": raw["agency"],
            "entity_id": raw["entity_id"], "officer_ids": raw.get("officer_ids", []),
            "violation_found": bool(raw.get("findings")),
            "operation_id": raw.get("operation_id"), "task_id": raw.get("task_id")}


def summary_of_case(raw: dict) -> dict:
    officers = sorted({o for e in raw.get("record", []) for o in e.get("officer_ids", [])})
    return {"case_id": raw["_id"], "agency": raw["agency"], "state": raw["state"],
            "outcome": ((raw.get("decision") or {}).get("draft") or {}).get("outcome"),
            "officer_ids": officers, "operation_id": raw.get("operation_id")}
