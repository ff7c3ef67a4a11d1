"""Dataclass <-> plain dict conversion (JSON- and BSON-ready).

Times become fixed-width UTC ISO strings so stored values sort and compare as text: the
statistics pipeline can range-match them without knowing how the service stores them.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing

from services.common.clock import as_utc


def iso(moment: dt.datetime) -> str:
    return as_utc(moment).isoformat(timespec="microseconds")


def parse_time(text: str) -> dt.datetime:
    return as_utc(dt.datetime.fromisoformat(text))


def to_plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.datetime):
        return iso(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def _convert(tp, value):
    if value is None:
        return None
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return _convert(next(a for a in args if a is not type(None)), value)
    if origin is list:
        return [_convert(args[0], v) for v in value]
    if origin is tuple:
        return tuple(_convert(args[0], v) for v in value)
    if origin is dict:
        return {k: _convert(args[1], v) for k, v in value.items()}
    if dataclasses.is_dataclass(tp):
        return from_plain(tp, value)
    if tp is dt.datetime:
        return value if isinstance(value, dt.datetime) else parse_time(value)
    if tp is dt.date:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    return value


def from_plain(cls, data: dict):
    hints = typing.get_type_hints(cls)
    kwargs = {f.name: _convert(hints[f.name], data[f.name])
              for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


class Plain:
    """Mixin: `obj.to_dict()` and `Cls.from_dict(d)`; unknown keys (e.g. `_id`) are ignored."""

    def to_dict(self) -> dict:
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict):
        return from_plain(cls, data)
