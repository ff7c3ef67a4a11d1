"""One page of a collection by (offset, limit) over a stable sort (it always ends on
`_id`), with the total for the query: the gateway turns offsets into Relay cursors and
page numbers."""
from __future__ import annotations

from services.common.errors import InvalidInput

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
