"""Dataclass <-> dict conversion for the accountability model (services.common.codec).

Dicts hold ISO strings for times and lists for sequences, so they go straight into an
event payload, a JSON response or a MongoDB document and come back unchanged.
"""
from __future__ import annotations

import datetime as dt

from services.common.clock import as_utc
from services.common.codec import Codec


def parse_time(value) -> dt.datetime:
    """ISO string or datetime (naive = UTC, as MongoDB returns it) -> aware UTC."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return as_utc(value)


_CODEC = Codec(time_text=lambda moment: as_utc(moment).isoformat(), time_value=parse_time)


def dump(obj) -> dict:
    return _CODEC.to_plain(obj)


def load(cls, data: dict):
    return _CODEC.from_plain(cls, data)
