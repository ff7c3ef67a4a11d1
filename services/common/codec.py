"""Dataclass <-> plain dict conversion (JSON- and BSON-ready), shared by the contexts'
models. Each context says how it writes and reads times (`Codec`): enforcement keeps
datetimes (BSON dates), except in its hash-chained record entries, which keep the exact text
their hashes cover; accountability writes plain ISO text; both read with clock.parse_instant."""
from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Any, Callable


@dataclasses.dataclass(frozen=True)
class Codec:
    time_text: Callable[[dt.datetime], str]      # datetime -> stored text
    time_value: Callable[[Any], dt.datetime]     # stored text (or datetime) -> datetime

    def to_plain(self, value):
        """Dataclasses to dicts, times to text, sequences and sets to lists."""
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: self.to_plain(getattr(value, f.name))
                    for f in dataclasses.fields(value)}
        if isinstance(value, dt.datetime):
            return self.time_text(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, (list, tuple, set, frozenset)):
            return [self.to_plain(v) for v in value]
        if isinstance(value, dict):
            return {str(k): self.to_plain(v) for k, v in value.items()}
        return value

    def from_plain(self, cls, data: dict):
        """`cls` from its plain dict, by its type hints; unknown keys are ignored and
        missing ones take the field's default."""
        hints = typing.get_type_hints(cls)
        return cls(**{f.name: self._convert(hints[f.name], data[f.name])
                      for f in dataclasses.fields(cls) if f.name in data})

    def _convert(self, tp, value):
        if value is None:
            return None
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):  # the models' unions are optionals
            return self._convert(next(a for a in args if a is not type(None)), value)
        if origin is list:
            return [self._convert(args[0], v) for v in value]
        if origin is tuple:
            return tuple(self._convert(args[0], v) for v in value)
        if origin is dict:
            return {k: self._convert(args[1], v) for k, v in value.items()}
        if dataclasses.is_dataclass(tp):
            return self.from_plain(tp, value)
        if tp is dt.datetime:
            return self.time_value(value)
        if tp is dt.date:
            return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
        return value
