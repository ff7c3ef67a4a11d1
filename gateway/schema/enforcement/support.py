"""Routing to the agency's service, who may act for an agency, batched lookups, and the
conversions between GraphQL values and the services' JSON."""
from __future__ import annotations

from gateway.schema.base import enum_value, forbidden
from gateway.schema import paging
# One officer batch per request, shared with the operations fields of the same query.
from gateway.schema.batching import Batch, batch, officers, viewer
from services.contracts.vocabulary import agency_of

READERS = ("planner", "enforcement_officer", "accountability_officer")
PUBLIC = (*READERS, "cross_agency")          # published decisions and figures
OFFICERS = ("enforcement_officer",)
LEGAL = ("accountability_officer",)           # legal-affairs staff


def client(services, agency):
    """The culture or transport client (they share one RPC API)."""
    return getattr(services, enum_value(agency).lower())


def service(info, agency):
    """The request's culture or transport client."""
    return client(info.context.services, agency)


def service_of(info, ident):
    """The service holding an inspection or case, from its id; None for a foreign id."""
    agency = agency_of(ident)
    return service(info, agency) if agency else None


def acting(who, agency, roles=OFFICERS) -> dict:
    """`who` (the mutation's caller), if they may act for `agency` in a mutation open to
    `roles`. Enforcement officers act for the agency on their token only; legal-affairs
    staff, where the mutation admits them, for any agency unless their token names another."""
    agency = enum_value(agency)
    legal = set(LEGAL) & set(roles) & set(who["roles"])
    if who["agency"] not in ((None, agency) if legal else (agency,)):
        raise forbidden(f"you may not act for {agency}")
    return who


def primer(info):
    """`prime` for paging.page: announces what the rows' nested fields will look up, so
    each lookup is one call for the whole page."""
    return lambda rows: prime_rows(info, rows)


def entities(info) -> Batch:
    """Entities by (agency, id): one call per agency however many rows show one."""
    def fetch(keys):
        found = {}
        for agency in {a for a, _ in keys}:
            ids = [i for a, i in keys if a == agency]
            found.update(zip([(agency, i) for i in ids],
                             service(info, agency).get_entities(ids, viewer(info))))
        return [found[k] for k in keys]
    return batch(info, "enforcement.entities", fetch)


def involved(row) -> list[str]:
    """Officers of an inspection or case: who acted in its record, in order."""
    ids = list(row.get("officer_ids") or [])
    for entry in row.get("record") or []:
        ids += entry.get("officer_ids", [])
    return list(dict.fromkeys(ids))


def prime_rows(info, rows) -> None:
    entities(info).want([(r["agency"], r["entity_id"]) for r in rows])
    officers(info).want([o for r in rows for o in involved(r)])
