"""Dataclass <-> plain dict conversion (BSON-ready) for the case core.

Instants are stored as BSON dates (aware UTC datetimes cut to the millisecond, which is
what a BSON date keeps), so queries range over and sort them as dates. A full-process
record entry is the one exception: it is kept in the form its hash covers, its times as
fixed-width UTC text (`canonical`), because chains written before the time rule hash
their times to the microsecond, and a BSON date would lose what their hashes cover.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from services.common.clock import as_stored, as_utc, parse_instant
from services.common.codec import Codec


def canonical(moment: dt.datetime) -> str:
    """An instant as a record's hash covers it (and as it has since the first chain)."""
    return as_utc(moment).isoformat(timespec="microseconds")


class _Stored(Codec):
    def to_plain(self, value):
        # a record entry (RecordEntry.HASHED) is kept as it is hashed: times as text
        if getattr(value, "HASHED", False) and dataclasses.is_dataclass(value):
            return _HASHED.to_plain(value)
        return super().to_plain(value)


_HASHED = Codec(time_text=canonical, time_value=parse_instant)
_STORED = _Stored(time_text=as_stored, time_value=parse_instant)
to_plain, from_plain = _STORED.to_plain, _STORED.from_plain
# record entries and the wire (event payloads) carry instants as the same text
hashed_plain = wire_plain = _HASHED.to_plain


class Plain:
    """Mixin: `obj.to_dict()` and `Cls.from_dict(d)`; unknown keys (e.g. `_id`) are ignored."""

    def to_dict(self) -> dict:
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict):
        return from_plain(cls, data)
