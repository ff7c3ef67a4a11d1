"""The one paging contract, for every list the services answer and the gateway serves.

Request: a `Page` (`first`, `after`, optional `offset`), sent over RPC as a dict and parsed
where the RPC enters the service: `Page.parse(page)` (a bad value is INVALID_INPUT).
`offset` is for tables with page numbers (skip that many rows); `after` is a cursor this
list gave out (continue after that row); giving both is refused.

Result (`result`): `{items, total, offset, cursors, has_next_page, has_previous_page}`;
`total` counts the whole filtered list, `cursors[i]` is item i's cursor, `offset` is the
first item's position when it is known (not after a keyed cursor).

How a list finds its rows (same request, same result):
- `page(collection, query, sort, request, shape)`: by position over a stable sort (it always
  ends on `_id`); the cursor names a position, like Relay's `arrayconnection:N`;
- `keyed(collection, query, sort, request, shape)`: the cursor is the row's sort key, so it
  stays valid while rows are added (feeds, newest-first registers);
- `positions(request, total, fetch)`: by position, with `fetch(skip, limit)` doing the read
  (mongoengine querysets);
- `of_list(items, request, key=None)`: a list already in hand (by position, or keyed by
  `key(item)` when the list is sorted by it).
"""
from __future__ import annotations

import base64
import binascii
import bisect
import datetime as dt
import json
from dataclasses import asdict, dataclass

from services.common.clock import iso, parse_instant
from services.common.errors import InvalidInput

DEFAULT_FIRST, MAX_FIRST = 20, 100
MAX_OFFSET = 10_000_000
POSITION = "arrayconnection"  # the kind of a position cursor (the Relay reference's)


def _whole(value, name, low, high, default) -> int:
    value = default if value is None else value
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"{name} must be a whole number in {low}..{high}", [name])
    return value


# ---- cursors: base64 of "<kind>:<value>", opaque to callers
def _plain(value):
    return {"$t": iso(value)} if isinstance(value, dt.datetime) else value


def _typed(value):
    if isinstance(value, dict) and set(value) == {"$t"}:
        return parse_instant(value["$t"], ["after"])
    return value


def encode(kind: str, value) -> str:
    """A cursor: `value` is a position (int) or a sort key (a scalar or a list)."""
    if kind == POSITION:  # byte for byte what graphql_relay's offset_to_cursor gives
        return base64.b64encode(f"{kind}:{int(value)}".encode()).decode()
    text = json.dumps([_plain(v) for v in value] if isinstance(value, (list, tuple))
                      else _plain(value), ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(f"{kind}:{text}".encode()).decode()


def _split(cursor) -> tuple[str, str]:
    if not isinstance(cursor, str) or not cursor or len(cursor) > 2000:
        raise ValueError(cursor)
    raw = base64.b64decode(cursor.replace("-", "+").replace("_", "/"), validate=True)
    kind, colon, text = raw.decode().partition(":")
    if not colon:
        raise ValueError(cursor)
    return kind, text


def decode(cursor, kind: str):
    """The position or sort key a cursor of this `kind` names; INVALID_INPUT otherwise."""
    try:
        found, text = _split(cursor)
        if found == kind:
            if kind == POSITION:
                return int(text)
            value = json.loads(text)
            return [_typed(v) for v in value] if isinstance(value, list) else _typed(value)
    except (ValueError, TypeError, UnicodeError, binascii.Error):
        pass
    raise InvalidInput("after is not a cursor this list gave out", ["after"])


@dataclass(frozen=True)
class Page:
    first: int = DEFAULT_FIRST
    after: str | None = None
    offset: int | None = None

    @classmethod
    def parse(cls, raw, most: int = MAX_FIRST) -> "Page":
        """A page request from its RPC form (a dict, or None for the first page)."""
        if isinstance(raw, Page):
            raw = asdict(raw)
        if raw is None:
            raw = {}
        if not isinstance(raw, dict) or set(raw) - {"first", "after", "offset"}:
            raise InvalidInput("page must be {first, after, offset}", ["page"])
        first = _whole(raw.get("first"), "first", 0, most, min(DEFAULT_FIRST, most))
        offset, after = raw.get("offset"), raw.get("after")
        if offset is not None:
            offset = _whole(offset, "offset", 0, MAX_OFFSET, 0)
        if after is not None:
            try:
                _split(after)
            except (ValueError, TypeError, UnicodeError, binascii.Error):
                raise InvalidInput("after is not a cursor this list gave out",
                                   ["after"]) from None
            if offset is not None:
                raise InvalidInput("give after or offset, not both", ["offset"])
        return cls(first, after, offset)

    def to_dict(self) -> dict:
        return asdict(self)

    def start(self) -> int:
        """The position of the first row asked for, by position."""
        if self.offset is not None:
            return self.offset
        return 0 if self.after is None else decode(self.after, POSITION) + 1


def result(items, total: int, cursors, offset: int | None, has_next_page: bool,
           has_previous_page: bool) -> dict:
    return {"items": list(items), "total": total, "offset": offset, "cursors": list(cursors),
            "has_next_page": has_next_page, "has_previous_page": has_previous_page}


def positions(request: Page, total: int, fetch) -> dict:
    """One page by position: `fetch(skip, limit)` reads the rows."""
    start = request.start()
    items = list(fetch(start, request.first)) if request.first else []
    return result(items, total, [encode(POSITION, start + i) for i in range(len(items))],
                  start, start + len(items) < total, start > 0)


def count(collection, query: dict) -> int:
    """How many rows match: the `count` command for a whole collection (SecantusDB
    answers it in about half the time of count_documents' aggregation, measured over
    5,000 rows), count_documents otherwise (it narrows by an index; the command scanned
    every row for a filter that matched none). Never inside a transaction (MongoDB
    refuses the command there)."""
    if not query:
        return collection.database.command("count", collection.name)["n"]
    return collection.count_documents(query)


def page(collection, query: dict, sort: list, request: Page, shape=lambda d: d) -> dict:
    """One page of `collection` by position over `sort` (then `_id`, unless it has it)."""
    order = sort if any(path == "_id" for path, _ in sort) else [*sort, ("_id", 1)]
    return positions(request, count(collection, query), lambda skip, limit: [
        shape(d) for d in collection.find(query).sort(order).skip(skip).limit(limit)])


def _field(doc: dict, path: str):
    for part in path.split("."):
        doc = doc.get(part) if isinstance(doc, dict) else None
    return doc


def _beyond(sort: list, values: list) -> dict:
    """Rows strictly after the row with these sort values, in `sort` order."""
    branches = []
    for i, (path, direction) in enumerate(sort):
        branch = {p: v for (p, _), v in zip(sort[:i], values[:i])}
        branch[path] = {"$gt" if direction > 0 else "$lt": values[i]}
        branches.append(branch)
    return branches[0] if len(branches) == 1 else {"$or": branches}


def keyed(collection, query: dict, sort: list, request: Page, shape=lambda d: d,
          projection: dict | None = None) -> dict:
    """One page of `collection` whose cursors are the rows' values of `sort`, which must
    name every row's place alone (end it on `_id` unless a field is unique); its fields
    are never missing. The cursor kind is the sort's field names, so a cursor of another
    list is refused. `projection` (it must keep the sort's fields) reads less of each row."""
    kind = "+".join(path for path, _ in sort)
    where, start = query, request.offset or 0
    if request.after is not None:
        values = decode(request.after, kind)
        values = values if len(sort) > 1 else [values]
        if not isinstance(values, list) or len(values) != len(sort):
            raise InvalidInput("after is not a cursor this list gave out", ["after"])
        beyond = _beyond(sort, values)
        where = {**query, **beyond} if not set(beyond) & set(query) else \
            {"$and": [query, beyond]}
    total = count(collection, query)
    rows = list(collection.find(where, projection).sort(sort).skip(start).limit(
        request.first + 1)) if request.first else []
    shown = rows[:request.first]

    def key(row):
        values = [_field(row, path) for path, _ in sort]
        return values if len(values) > 1 else values[0]
    return result([shape(r) for r in shown], total, [encode(kind, key(r)) for r in shown],
                  None if request.after else start,
                  len(rows) > request.first if request.first else start < total,
                  request.after is not None or start > 0)


def of_list(items, request: Page, key=None, kind: str = "key") -> dict:
    """One page of a list in hand: by position, or keyed by `key(item)` (the list sorted
    ascending by it) so that a cursor stays valid while the list grows."""
    items = list(items)
    if key is None:
        return positions(request, len(items), lambda skip, limit: items[skip:skip + limit])
    keys = [key(i) for i in items]
    start = request.offset or 0
    if request.after is not None:
        wanted = decode(request.after, kind)
        try:
            start = bisect.bisect_right(keys, wanted)
        except TypeError:
            raise InvalidInput("after is not a cursor this list gave out", ["after"]) from None
    shown = items[start:start + request.first]
    return result(shown, len(items), [encode(kind, keys[start + i]) for i in range(len(shown))],
                  start, start + len(shown) < len(items), start > 0)
