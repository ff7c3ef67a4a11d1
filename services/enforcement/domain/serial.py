"""Dataclass <-> plain dict conversion (JSON- and BSON-ready) for the case core.

Times become fixed-width UTC ISO strings so stored values sort and compare as text: the
statistics pipeline can range-match them without knowing how the service stores them,
and a case record's hash chain covers that exact text.
"""
from __future__ import annotations

import datetime as dt

from services.common.clock import as_utc
from services.common.codec import Codec


def iso(moment: dt.datetime) -> str:
    return as_utc(moment).isoformat(timespec="microseconds")


def parse_time(text: str) -> dt.datetime:
    return as_utc(dt.datetime.fromisoformat(text))


_CODEC = Codec(time_text=iso, time_value=lambda value: value if isinstance(
    value, dt.datetime) else parse_time(value))
to_plain, from_plain = _CODEC.to_plain, _CODEC.from_plain


class Plain:
    """Mixin: `obj.to_dict()` and `Cls.from_dict(d)`; unknown keys (e.g. `_id`) are ignored."""

    def to_dict(self) -> dict:
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict):
        return from_plain(cls, data)
