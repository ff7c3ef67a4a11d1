"""Paged lists and their filters, built only from whitelisted fields.

A cursor is an opaque offset into a stable sort (the sort always ends on `_id`). User
text is only ever a value in a query, never a key or an operator.
"""
from __future__ import annotations

import base64
import binascii
import re

from services.common.errors import InvalidInput
from services.enforcement import inputs
from services.enforcement.domain.serial import iso

DEFAULT_PAGE, MAX_PAGE = 20, 100


def cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def offset_of(after) -> int:
    if after in (None, ""):
        return 0
    try:
        kind, _, number = base64.urlsafe_b64decode(str(after).encode()).decode().partition(":")
        if kind == "o" and number.isdigit():
            return int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise InvalidInput("after is not a cursor from this list", ["after"])


def page(collection, query: dict, sort: list, first=None, after=None, shape=lambda d: d):
    """{items, cursors, total, has_next} for one page of `collection`."""
    size = DEFAULT_PAGE if first is None else first
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= MAX_PAGE:
        raise InvalidInput(f"first must be 1..{MAX_PAGE}", ["first"])
    start = offset_of(after)
    total = collection.count_documents(query)
    docs = list(collection.find(query).sort([*sort, ("_id", 1)]).skip(start).limit(size))
    return {"items": [shape(d) for d in docs],
            "cursors": [cursor(start + i + 1) for i in range(len(docs))],
            "total": total, "has_next": start + len(docs) < total}


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
