"""Relay connections: paged by offset cursors, for lists the service pages and for lists
already in hand (an operation's tasks, a report's figures); or a page the service
cursors itself (`from_cursors`)."""
from __future__ import annotations

import graphene
from graphql import GraphQLError
from graphql_relay import cursor_to_offset, offset_to_cursor

DEFAULT_FIRST, MAX_FIRST = 20, 100


def connection(node):
    """`<Node>Connection` with edges, pageInfo and totalCount."""
    name = node._meta.name
    meta = type("Meta", (), {"node": node, "description": (
        f"A page of {name} rows (Relay connection): `edges` in the list's order, "
        "`pageInfo.endCursor` to pass as `after` for the next page, and `totalCount`.")})
    return type(f"{name}Connection", (graphene.relay.Connection,),
                {"Meta": meta, "total_count": total_count()})


def total_count():
    return graphene.Int(required=True, description="How many rows the whole filtered list "
                                                   "holds, over every page.")


def after_argument():
    return graphene.String(description="A cursor from this list's previous page "
                                       "(`pageInfo.endCursor`); absent: the first page. Any "
                                       "other value is refused (BAD_USER_INPUT).")


def first_argument():
    return graphene.Int(description=f"How many rows to return: 0 to {MAX_FIRST}; default "
                                    f"{DEFAULT_FIRST}.")


def field(conn, description=None, **args):
    return graphene.Field(conn, required=True, description=description,
                          first=first_argument(), after=after_argument(), **args)


def window(first=None, after=None) -> tuple[int, int]:
    """(offset, limit) from Relay arguments; a bad value is the client's mistake."""
    first = DEFAULT_FIRST if first is None else first
    if not 0 <= first <= MAX_FIRST:
        raise GraphQLError(f"first must be between 0 and {MAX_FIRST}",
                           extensions={"code": "BAD_USER_INPUT"})
    if after is None:
        return 0, first
    offset = cursor_to_offset(after)
    if offset is None or offset < 0:
        raise GraphQLError("after is not a cursor from this list",
                           extensions={"code": "BAD_USER_INPUT"})
    return offset + 1, first


def build(conn, items, total: int, offset: int):
    edges = [conn.Edge(node=item, cursor=offset_to_cursor(offset + i))
             for i, item in enumerate(items)]
    info = graphene.relay.PageInfo(
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
        has_previous_page=offset > 0, has_next_page=offset + len(items) < total)
    return conn(edges=edges, page_info=info, total_count=total)


def page(conn, fetch, first=None, after=None, convert=None, prime=None):
    """One service page as a connection: `fetch(offset, limit)` -> {items, total}, one call
    per page; `prime(items)` announces what the rows' nested fields will look up (so each
    lookup is one batch for the page); `convert` maps each row to its node."""
    offset, limit = window(first, after)
    found = fetch(offset, limit)
    if prime:
        prime(found["items"])
    items = found["items"] if convert is None else [convert(i) for i in found["items"]]
    return build(conn, items, found["total"], offset)


def from_cursors(conn, nodes, cursors, has_next_page: bool, has_previous_page: bool):
    """A connection of a page the service cursors itself (one opaque cursor per node)."""
    cursors = list(cursors)
    return conn(edges=[conn.Edge(node=n, cursor=c) for n, c in zip(nodes, cursors)],
                page_info=graphene.relay.PageInfo(
                    has_next_page=has_next_page, has_previous_page=has_previous_page,
                    start_cursor=cursors[0] if cursors else None,
                    end_cursor=cursors[-1] if cursors else None))


def from_list(conn, items, first=None, after=None):
    offset, limit = window(first, after)
    items = list(items)
    return build(conn, items[offset:offset + limit], len(items), offset)


def connection_field(conn, description: str):
    """A Relay ConnectionField over a list in hand, its four arguments described."""
    return graphene.relay.ConnectionField(
        conn, description=description, first=first_argument(), after=after_argument(),
        last=graphene.Int(description="How many rows from the end of the list (with "
                                      "`before`)."),
        before=graphene.String(description="A cursor from this list: rows before it."))
