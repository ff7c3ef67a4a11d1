"""Paged lists and their filters, built only from whitelisted fields.

Pages are (offset, limit) over a stable sort (it always ends on `_id`); the gateway turns
offsets into Relay cursors. User text is only ever a value in a query, never a key or an
operator.
"""
from __future__ import annotations

import re

from services.common.errors import InvalidInput
from services.enforcement import inputs
from services.enforcement.domain.serial import iso

DEFAULT_PAGE, MAX_PAGE = 20, 100


def _whole(value, name, low, high, default) -> int:
    value = default if value is None else value
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"{name} must be a whole number in {low}..{high}", [name])
    return value


def page(collection, query: dict, sort: list, offset=None, limit=None, shape=lambda d: d):
    """{items, total} for one page of `collection`."""
    offset = _whole(offset, "offset", 0, 10_000_000, 0)
    limit = _whole(limit, "limit", 0, MAX_PAGE, DEFAULT_PAGE)
    total = collection.count_documents(query)
    docs = list(collection.find(query).sort([*sort, ("_id", 1)]).skip(offset).limit(limit)
                ) if limit else []
    return {"items": [shape(d) for d in docs], "total": total}


def equal(filters: dict, allowed: dict) -> dict:
    """{stored path: value} for the filters named in `allowed` (filter name -> path)."""
    query = {}
    for name, path in allowed.items():
        value = filters.get(name)
        if value is None:
            continue
        if isinstance(value, bool):
            query[path] = value
        else:
            query[path] = inputs.text(value, name, max_len=200)
    return query


def prefix(path: str, value) -> dict:
    # A raw anchored $regex: the SecantusDB-safe form (no re.compile on indexed fields).
    text = inputs.text(value, path, required=False, max_len=100)
    return {path: {"$regex": "^" + re.escape(text)}} if text else {}


def period(path: str, start, end) -> dict:
    """Stored ISO times in [start, end); either end may be open."""
    lo, hi = inputs.moment(start, "from", False), inputs.moment(end, "to", False)
    bounds = {**({"$gte": iso(lo)} if lo else {}), **({"$lt": iso(hi)} if hi else {})}
    return {path: bounds} if bounds else {}
