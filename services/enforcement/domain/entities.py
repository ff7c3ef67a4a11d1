"""Directory entities: the inspectable venues, operators, vehicles and drivers.

The registration number is the natural key; importing it again merges fields instead of
creating a second entity.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace

from services.contracts.vocabulary import RISK_LEVELS
from services.common.errors import DomainError
from services.enforcement.domain import events
from services.enforcement.domain.catalogue import AgencyCatalogue
from services.enforcement.domain.serial import Plain



def entity_id(agency: str, registration_no: str) -> str:
    """Stable id that never exposes the registration number (for a driver: personal data)."""
    digest = hashlib.sha256(f"{agency}|{registration_no}".encode()).hexdigest()
    return f"ent_{digest[:20]}"


@dataclass
class Entity(Plain):
    id: str
    agency: str
    category: str
    domain: str
    registration_no: str
    name: str
    risk_level: str = "LOW"
    natural_person: bool = False      # name and ID number are personal data
    id_number: str | None = None      # natural persons only
    address: str | None = None
    attributes: dict = field(default_factory=dict)   # plate, seats, licence ...


def new_entity(catalogue: AgencyCatalogue, category: str, registration_no: str, name: str,
               risk_level: str = "LOW", sole_proprietor: bool = False, **fields) -> Entity:
    kind = catalogue.kind(category)
    if risk_level not in RISK_LEVELS:
        raise DomainError("INVALID_INPUT", f"risk level must be one of {RISK_LEVELS}",
                          ["riskLevel"])
    return Entity(id=entity_id(catalogue.agency, registration_no), agency=catalogue.agency,
                  category=category, domain=kind.domain, registration_no=registration_no,
                  name=name, risk_level=risk_level,
                  natural_person=kind.natural_person or sole_proprietor, **fields)


def merge_entities(existing: Entity, incoming: Entity) -> Entity:
    """`existing` updated with every non-empty field of `incoming`.

    A FLAGGED risk set by enforcement is kept: a routine import must not clear it.
    """
    if (existing.agency, existing.registration_no) != (incoming.agency, incoming.registration_no):
        raise DomainError("REGISTRATION_MISMATCH", "only the same registration can be merged",
                          ["registrationNo"])
    if existing.category != incoming.category:
        raise DomainError("CATEGORY_CONFLICT",
                          f"{existing.registration_no} is registered as {existing.category}, "
                          f"not {incoming.category}", ["category"])
    risk = existing.risk_level if existing.risk_level == "FLAGGED" else incoming.risk_level
    attributes = {**existing.attributes,
                  **{k: v for k, v in incoming.attributes.items() if v not in (None, "")}}
    return replace(existing, name=incoming.name or existing.name, risk_level=risk,
                   natural_person=existing.natural_person or incoming.natural_person,
                   id_number=incoming.id_number or existing.id_number,
                   address=incoming.address or existing.address, attributes=attributes)


def register_entity(existing: Entity | None, incoming: Entity, now: dt.datetime):
    """(entity to store, events): a new entity, or the merge into the stored one."""
    entity = incoming if existing is None else merge_entities(existing, incoming)
    if entity == existing:
        return entity, []      # re-import of identical data: nothing to announce
    return entity, [events.entity_registered(entity, now, merged=existing is not None)]
