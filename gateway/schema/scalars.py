"""The served DateTime scalar: graphene's, parsed by the standard library first.

dateutil's isoparse costs more than everything else graphql-core does to an input date-time;
Python 3.11's fromisoformat reads the same ISO 8601 forms several times faster, and
whatever it refuses still goes through isoparse, so the accepted inputs and the error
message are graphene's own.
"""
from __future__ import annotations

import datetime as dt
import inspect

import graphene


class DateTime(graphene.DateTime):
    class Meta:
        name = "DateTime"
        description = inspect.cleandoc(graphene.DateTime.__doc__)

    @staticmethod
    def parse_value(value):
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                pass
        return graphene.DateTime.parse_value(value)
