"""Batched lookups for team members: every officer and qualification shown in one
request comes from ONE certification call each, however many operations, teams and
members the query walks (memoised in the request's cache)."""
from __future__ import annotations

from gateway import qualification_cache


class Batch:
    """Keys are announced (`want`) when their parents resolve; the first `get` fetches
    every announced key not yet known in one call."""

    def __init__(self, fetch):
        self._fetch, self._wanted, self._known = fetch, [], {}

    def want(self, keys) -> None:
        self._wanted += [k for k in keys if k not in self._known]

    def get(self, key):
        if key not in self._known:
            keys = list(dict.fromkeys([*self._wanted, key]))
            self._wanted = []
            self._known.update(zip(keys, self._fetch(keys)))
        return self._known[key]


def viewer(info) -> dict:
    p = info.context.principal
    return {"roles": sorted(p.roles), "agency": p.agency} if p else None


def officers(info) -> Batch:
    cache, services = info.context.cache, info.context.services
    if "operations.officers" not in cache:
        cache["operations.officers"] = Batch(
            lambda ids: services.certification.get_officers(ids, viewer(info)))
    return cache["operations.officers"]


def qualifications(info) -> Batch:
    """Keyed by (officer_id, domain); as of now."""
    cache, services = info.context.cache, info.context.services
    if "operations.qualifications" not in cache:
        cache["operations.qualifications"] = Batch(lambda keys: qualification_cache.check_many(
            services, [{"officer_id": o, "domain": d, "at": None} for o, d in keys]))
    return cache["operations.qualifications"]


def want_members(info, operations) -> None:
    members = [m for op in operations for t in op["teams"] for m in t["members"]]
    officers(info).want([m["officer_id"] for m in members])
    qualifications(info).want([(m["officer_id"], m["domain"]) for m in members])
