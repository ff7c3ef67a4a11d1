"""Request-scoped batching: every nested lookup of one kind in a request comes from ONE
service call, however many rows the query walks (memoised in the request's cache)."""
from __future__ import annotations


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


def batch(info, name: str, fetch) -> Batch:
    """The request's batch called `name`, made with `fetch(keys) -> values` if new."""
    cache = info.context.cache
    if name not in cache:
        cache[name] = Batch(fetch)
    return cache[name]


def viewer(info) -> dict:
    p = info.context.principal
    return {"roles": sorted(p.roles), "agency": p.agency} if p else None


def officers(info) -> Batch:
    """Officers by id, one batch per request shared by every field that shows one."""
    return batch(info, "officers", lambda ids: info.context.services.certification
                 .get_officers(ids, viewer(info)))
