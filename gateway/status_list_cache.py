"""Signed status lists, kept by each gateway replica for at most MAX_AGE seconds.

Every verification and every GET of a list would otherwise ask certification to build and
sign it. An entry goes as soon as a `certification.credential_status_changed.v1` event
about its list arrives (every replica hears every event), and after MAX_AGE at the latest,
which bounds staleness should an event ever be missed: a status change shows within a
second either way. A fetch that spans an invalidation is not kept (it may predate it).
"""
from __future__ import annotations

import time

from services.common import status_list as sl

MAX_AGE = 1.0
_entries: dict[str, tuple[str, float]] = {}  # list id -> (signed list, expiry)
_generation = 0


def fetch(services, list_ids: list[str]) -> dict:
    """list id -> signed list (or None): the kept ones, the rest in one service call."""
    now, found = time.monotonic(), {}
    for list_id in list_ids:
        kept = _entries.get(list_id)
        if kept and kept[1] > now:
            found[list_id] = kept[0]
    missing = [i for i in list_ids if i not in found]
    if missing:
        generation = _generation
        fetched = services.certification.status_lists(missing)
        for list_id in missing:
            found[list_id] = fetched.get(list_id)
            if found[list_id] is not None and generation == _generation:
                _entries[list_id] = (found[list_id], time.monotonic() + MAX_AGE)
    return found


def invalidate(number: int) -> None:
    """Status list `number` changed (certification.credential_status_changed.v1)."""
    global _generation
    _generation += 1
    for purpose in sl.PURPOSES:
        _entries.pop(sl.list_id(purpose, number), None)


def clear() -> None:
    _entries.clear()
