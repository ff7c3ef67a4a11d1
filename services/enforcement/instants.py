"""Where enforcement's instants live, for the start-up conversion of those stored as text
before the time rule (services.bus.instants). The record's entries are not listed: they
keep the text their hashes cover (domain.serial)."""
from __future__ import annotations

from services.bus.instants import dataclass_paths
from services.enforcement.domain.bodies import Body, Power
from services.enforcement.domain.case_model import Case
from services.enforcement.domain.evidence import EvidenceFile
from services.enforcement.domain.inspections import Inspection


def plan(context: str) -> dict[str, list[str]]:
    # the same collections for either agency context (documents.bind)
    return {"cases": dataclass_paths(Case), "inspections": dataclass_paths(Inspection),
            "entities": ["last_inspected_at", "updated_at"],
            "bodies": dataclass_paths(Body), "powers": dataclass_paths(Power),
            "memberships": ["assigned_at"], "conflicts": ["declared_at"],
            "tasks": ["assigned_at"], "evidence": dataclass_paths(EvidenceFile),
            "case_documents": ["issued_at"]}
