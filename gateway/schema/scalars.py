"""The served DateTime and Date scalars: what the services send (ISO 8601 text, the wire
form of an instant or a civil date; or a datetime/date) is serialized here, once, so no
resolver re-parses a time field by hand. Text is read by the one parser of the time rule
(services/common/clock.py).

Input: an instant with its offset is read by that parser too (dateutil's isoparse, which
graphene uses, costs more than everything else graphql-core does to an input date-time).
Whatever it refuses goes to graphene's own parser, so the accepted inputs and the error
for text that is no date-time are graphene's; text without an offset passes on as it
always did and the owning service refuses it as INVALID_INPUT on its field.
"""
from __future__ import annotations

import inspect

import graphene
from graphql import GraphQLError

from services.common.clock import parse_day, parse_instant
from services.common.errors import InvalidInput


def _wire(parse, value, scalar: str):
    """A service's ISO text as the object graphene serializes."""
    if not isinstance(value, str):
        return value
    try:
        return parse(value)
    except InvalidInput:
        raise GraphQLError(f"{scalar} cannot represent value: {value!r}") from None


class DateTime(graphene.DateTime):
    class Meta:
        name = "DateTime"
        description = inspect.cleandoc(graphene.DateTime.__doc__)

    @staticmethod
    def serialize(value):
        return graphene.DateTime.serialize(_wire(parse_instant, value, "DateTime"))

    @staticmethod
    def parse_value(value):
        try:
            return parse_instant(value)
        except InvalidInput:
            return graphene.DateTime.parse_value(value)


class Date(graphene.Date):
    class Meta:
        name = "Date"
        description = inspect.cleandoc(graphene.Date.__doc__)

    @staticmethod
    def serialize(value):
        return graphene.Date.serialize(_wire(parse_day, value, "Date"))
