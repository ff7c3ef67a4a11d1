"""Paged lists and their filters, built only from whitelisted fields.

Pages follow the one paging contract (services.common.paging). User text is only ever a
value in a query, never a key or an operator.
"""
from __future__ import annotations

import re

from services.common.paging import page  # noqa: F401  (this context's lists use it)
from services.enforcement import inputs


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
    """Stored instants in [start, end); either end may be open."""
    lo, hi = inputs.moment(start, "from", False), inputs.moment(end, "to", False)
    bounds = {**({"$gte": lo} if lo else {}), **({"$lt": hi} if hi else {})}
    return {path: bounds} if bounds else {}
