"""The served DateTime and Date scalars: what the services send (ISO 8601 text, the wire
form of an instant or a civil date; or a datetime/date) is serialized here, once, so no
resolver re-parses a time field by hand.

Input: dateutil's isoparse costs more than everything else graphql-core does to an input
date-time; Python 3.11's fromisoformat reads the same ISO 8601 forms several times
faster, and whatever it refuses still goes through isoparse, so the accepted inputs and
the error message are graphene's own.
"""
from __future__ import annotations

import datetime as dt
import inspect

import graphene
from graphql import GraphQLError


class DateTime(graphene.DateTime):
    class Meta:
        name = "DateTime"
        description = inspect.cleandoc(graphene.DateTime.__doc__)

    @staticmethod
    def serialize(value):
        if isinstance(value, str):
            try:
                value = dt.datetime.fromisoformat(value)
            except ValueError:
                raise GraphQLError(f"DateTime cannot represent value: {value!r}") from None
        return graphene.DateTime.serialize(value)

    @staticmethod
    def parse_value(value):
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                pass
        return graphene.DateTime.parse_value(value)


class Date(graphene.Date):
    class Meta:
        name = "Date"
        description = inspect.cleandoc(graphene.Date.__doc__)

    @staticmethod
    def serialize(value):
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise GraphQLError(f"Date cannot represent value: {value!r}") from None
        return graphene.Date.serialize(value)
