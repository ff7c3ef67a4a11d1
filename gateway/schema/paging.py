"""The one gateway adapter of the paging contract (services/common/paging.py): every list
is a Relay connection with `totalCount`, asked for with `first`, `after` and an optional
`offset` (page-number tables), and built from the contract's result:

    things = paging.field(ThingConnection, "Newest first.", status=Status())

    def resolve_things(root, info, status=None, **page):
        return paging.page(ThingConnection, lambda request: info.context.services
                           .things.list_things({"status": status}, request), **page)

`paging.from_list` pages a list already in hand (an operation's tasks, a report's figures)
the same way."""
from __future__ import annotations

import graphene

from services.common import paging as contract

DEFAULT_FIRST, MAX_FIRST = contract.DEFAULT_FIRST, contract.MAX_FIRST


def connection(node, description=None):
    """`<Node>Connection` with edges, pageInfo and totalCount (declared beside its node)."""
    name = node._meta.name
    meta = type("Meta", (), {"node": node, "description": description or (
        f"A page of {name} rows, with the total of the whole list.")})
    return type(f"{name}Connection", (graphene.relay.Connection,), {
        "__module__": node.__module__, "Meta": meta, "total_count": graphene.Int(
            required=True, description="How many rows the whole filtered list has.")})


def arguments() -> dict:
    return {
        "first": graphene.Int(description=f"How many rows: 0..{MAX_FIRST}; default "
                                          f"{DEFAULT_FIRST}. Else INVALID_INPUT."),
        "after": graphene.String(description="A cursor this list gave out: the rows after "
                                             "it. Else INVALID_INPUT."),
        "offset": graphene.Int(description="Rows to skip from the start, for tables with page "
                                           "numbers (not with `after`). Else INVALID_INPUT.")}


def field(conn, description=None, **args):
    return graphene.Field(conn, required=True, description=description,
                          **arguments(), **args)


def request(first=None, after=None, offset=None) -> dict:
    """The contract's page request from the field's arguments; a bad value is refused
    here (INVALID_INPUT, as the services refuse it), before any service call."""
    return contract.Page.parse({"first": first, "after": after, "offset": offset}).to_dict()


def build(conn, found: dict, convert=None):
    """A connection from the contract's result."""
    items = found["items"] if convert is None else [convert(i) for i in found["items"]]
    cursors = found["cursors"]
    edges = [conn.Edge(node=item, cursor=c) for item, c in zip(items, cursors)]
    info = graphene.relay.PageInfo(
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
        has_previous_page=found["has_previous_page"], has_next_page=found["has_next_page"])
    return conn(edges=edges, page_info=info, total_count=found["total"])


def page(conn, fetch, first=None, after=None, offset=None, *, convert=None, prime=None):
    """One service page as a connection: `fetch(request)` -> the contract's result, one
    call per page; `prime(items)` announces what the rows' nested fields will look up (so
    each lookup is one batch for the page); `convert` maps each row to its node."""
    found = fetch(request(first, after, offset))
    if prime:
        prime(found["items"])
    return build(conn, found, convert)


def from_list(conn, items, first=None, after=None, offset=None):
    """A list in hand, paged by position."""
    return build(conn, contract.of_list(items, contract.Page.parse(
        request(first, after, offset))))
