"""Batched lookups for team members: every officer and qualification shown in one
request comes from ONE certification call each, however many operations, teams and
members the query walks."""
from __future__ import annotations

from gateway import qualification_cache
from gateway.schema.batching import batch, officers


def qualifications(info):
    """Keyed by (officer_id, domain); as of now."""
    services = info.context.services
    return batch(info, "operations.qualifications", lambda keys: qualification_cache.qualifications(
        services, [{"officer_id": o, "domain": d, "at": None} for o, d in keys]))


def want_members(info, operations) -> None:
    members = [m for op in operations for t in op["teams"] for m in t["members"]]
    officers(info).want([m["officer_id"] for m in members])
    qualifications(info).want([(m["officer_id"], m["domain"]) for m in members])
