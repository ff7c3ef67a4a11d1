"""Dataclass <-> dict conversion for the accountability model (services.common.codec).

Dicts hold ISO strings for times and lists for sequences, so they go straight into an
event payload, a JSON response or a MongoDB document and come back unchanged.
"""
from __future__ import annotations

from services.common.clock import as_utc, parse_instant
from services.common.codec import Codec



_CODEC = Codec(time_text=lambda moment: as_utc(moment).isoformat(), time_value=parse_instant)


def dump(obj) -> dict:
    return _CODEC.to_plain(obj)


def load(cls, data: dict):
    return _CODEC.from_plain(cls, data)
