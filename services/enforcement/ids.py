"""Identifiers of inspections and cases. The agency is in the id, so the gateway knows
which service holds a record from its id alone."""
from __future__ import annotations

import uuid

PREFIXES = {"CULTURE": "CUL", "TRANSPORT": "TRA"}
AGENCY_OF_PREFIX = {v: k for k, v in PREFIXES.items()}
INSPECTION, CASE, BODY, POWER = "I", "C", "B", "P"
KINDS = (INSPECTION, CASE, BODY, POWER)


def new_id(agency: str, kind: str) -> str:
    return f"{PREFIXES[agency]}-{kind}-{uuid.uuid4().hex[:12].upper()}"


def agency_of(ident) -> str | None:
    """CULTURE / TRANSPORT for an id made here; None for anything else."""
    if not isinstance(ident, str):
        return None
    return AGENCY_OF_PREFIX.get(ident.partition("-")[0])


def kind_of(ident) -> str | None:
    """INSPECTION, CASE, BODY or POWER for an id made here."""
    if agency_of(ident) is None:
        return None
    kind = ident.split("-")[1] if ident.count("-") >= 2 else None
    return kind if kind in KINDS else None


def agency_of_body(ident) -> str | None:
    """The agency of a body id: the agency code itself (the agency as a body) or an id
    made here."""
    return ident if ident in PREFIXES else agency_of(ident)
