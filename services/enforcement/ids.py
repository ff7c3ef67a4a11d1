"""Identifiers of inspections and cases. The agency is in the id, so the gateway knows
which service holds a record from its id alone."""
from __future__ import annotations

import uuid

from services.contracts.vocabulary import ID_PREFIXES as PREFIXES
from services.contracts.vocabulary import agency_of, agency_of_body  # noqa: F401

INSPECTION, CASE, BODY, POWER, EVIDENCE, DOCUMENT = "I", "C", "B", "P", "E", "D"
KINDS = (INSPECTION, CASE, BODY, POWER, EVIDENCE, DOCUMENT)


def new_id(agency: str, kind: str) -> str:
    return f"{PREFIXES[agency]}-{kind}-{uuid.uuid4().hex[:12].upper()}"


def kind_of(ident) -> str | None:
    """INSPECTION, CASE, BODY, POWER, EVIDENCE or DOCUMENT for an id made here."""
    if agency_of(ident) is None:
        return None
    kind = ident.split("-")[1] if ident.count("-") >= 2 else None
    return kind if kind in KINDS else None


