"""Dataclass <-> dict conversion for the accountability model.

Dicts hold ISO strings for times and lists for sequences, so they go straight into an
event payload, a JSON response or a MongoDB document and come back unchanged.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import typing

from services.common.clock import as_utc


def dump(obj) -> dict:
    return {f.name: _dump_value(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _dump_value(value):
    if isinstance(value, dt.datetime):
        return as_utc(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_dump_value(v) for v in value]
    return value


def load(cls, data: dict):
    hints = typing.get_type_hints(cls)
    kwargs = {f.name: _load_value(hints[f.name], data[f.name])
              for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def _load_value(hint, value):
    if value is None:
        return None
    # `X | None` -> X: the only unions the model uses are optionals.
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = args[0] if typing.get_origin(hint) in (typing.Union, _UnionType) else hint
    if base is dt.datetime:
        return parse_time(value)
    if base is dt.date:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    if typing.get_origin(base) is tuple:
        return tuple(value)
    return value


_UnionType = type(int | None)


def parse_time(value) -> dt.datetime:
    """ISO string or datetime (naive = UTC, as MongoDB returns it) -> aware UTC."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return as_utc(value)
