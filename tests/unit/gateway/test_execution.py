"""The gateway's executor shortcut for plain leaf fields gives exactly graphql-core's
answers (data and errors), only faster; the DateTime scalar reads what graphene's did."""
import datetime as dt
import enum

import graphene
import pytest
from graphql import execute, parse

from gateway.execution import LeanExecution
from gateway.schema.scalars import DateTime


class Colour(enum.Enum):
    RED = "RED"
    BLUE = "BLUE"


ColourType = graphene.Enum.from_enum(Colour)


class Thing:
    name = "attr thing"

    @property
    def broken(self):
        raise RuntimeError("property failed")


class Odd(graphene.Scalar):
    """A scalar whose serialize can return None (graphql-core makes that an error)."""
    @staticmethod
    def serialize(value):
        return None if value == "none" else str(value)


class Item(graphene.ObjectType):
    name = graphene.String(required=True)
    label = graphene.String()
    count = graphene.Int()
    colours = graphene.List(graphene.NonNull(ColourType), required=True)
    maybe = graphene.List(ColourType)
    broken = graphene.String()
    odd = graphene.Field(Odd)
    shout = graphene.String(times=graphene.Int())

    def resolve_shout(root, info, times=1):
        return root["name"].upper() * times


class Query(graphene.ObjectType):
    items = graphene.List(graphene.NonNull(Item))
    loose = graphene.List(Item)
    thing = graphene.Field(Item)

    def resolve_items(root, info):
        return info.context["items"]

    def resolve_loose(root, info):
        return info.context["items"]

    def resolve_thing(root, info):
        return Thing()


SCHEMA = graphene.Schema(query=Query).graphql_schema
GOOD = {"name": "a", "label": None, "count": 3, "colours": ["RED", Colour.BLUE], "maybe": None}
QUERIES = [
    "{ items { name label count colours maybe odd } }",
    "{ items { n: name c: colours __typename } }",
    "{ items { ...F } } fragment F on Item { name count }",
    "{ items { name shout(times: 2) } }",
    "{ items { name count @skip(if: true) } }",
    "{ loose { name colours } }",
    "{ thing { name broken } }",
]
ROWS = [
    [GOOD, {**GOOD, "name": "b", "maybe": ["RED", None]}],
    [GOOD, {**GOOD, "name": None}],               # null for a non-null field
    [{**GOOD, "colours": ["GREEN"]}],             # a value the enum refuses
    [{**GOOD, "colours": "RED"}],                 # not a list
    [{**GOOD, "colours": [None]}],                # null item in [Colour!]
    [{**GOOD, "count": "many"}],                  # Int refuses it
    [{**GOOD, "count": ValueError("boom")}],      # an exception as a value
    [{**GOOD, "odd": "none"}],                    # a scalar serializing to None
    [],
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("rows", ROWS)
def test_the_shortcut_answers_exactly_as_graphql_core(query, rows):
    document = parse(query)

    def run(**kwargs):
        result = execute(SCHEMA, document, context_value={"items": rows}, **kwargs)
        return result.data, [(e.message, e.path) for e in result.errors or ()]
    assert run(execution_context_class=LeanExecution) == run()


@pytest.mark.parametrize("text", ["2026-11-26T10:00:00+08:00", "2026-11-26T02:00:00Z",
                                  "2026-11-26T10:00:00.123456+08:00", "2026-11-26",
                                  "20261126T100000+0800", "2026-W48-4T10:00:00+08:00"])
def test_date_times_read_as_graphene_reads_them(text):
    assert DateTime.parse_value(text) == graphene.DateTime.parse_value(text)


def refusal(parse, value) -> str:
    with pytest.raises(Exception) as refused:
        parse(value)
    return str(refused.value)


@pytest.mark.parametrize("bad", ["yesterday", "2026-13-01T00:00:00Z", 20261126, None])
def test_bad_date_times_are_refused_with_graphenes_message(bad):
    assert refusal(DateTime.parse_value, bad) == refusal(graphene.DateTime.parse_value, bad)
