"""The officer aggregate: identity plus an append-only, effective-dated history.

Everything else (certificates, status, exams) is derived from the history by replay, so
any moment can be answered from the same records. Entries are never edited or removed;
a correction is a new entry. `to_dict`/`from_dict` give MongoDB-friendly documents
(datetimes stay datetimes, civil dates inside `data` are ISO strings).
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import attrgetter

from services.common.clock import as_utc, parse_instant
from services.common.errors import InvalidInput

from .enums import Agency, Kind

MAX_NAME = 64
_EFFECTIVE = attrgetter("effective_at")


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else as_utc(moment).isoformat()


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    seq: int                  # append order; breaks ties between equal effective_at
    kind: Kind
    effective_at: dt.datetime
    recorded_at: dt.datetime
    cause: str | None = None  # event id / sanction id / request id that caused it
    certificate_no: str | None = None
    data: dict = field(default_factory=dict)
    actor: dict | None = None  # who made the change (services.common.actor)

    def sort_key(self):
        return (self.effective_at, self.seq)

    def to_dict(self) -> dict:
        return {"seq": self.seq, "kind": self.kind.value, "effective_at": self.effective_at,
                "recorded_at": self.recorded_at, "cause": self.cause,
                "certificate_no": self.certificate_no, "data": dict(self.data),
                **({"actor": self.actor} if self.actor else {})}

    @classmethod
    def from_dict(cls, d: dict) -> "HistoryEntry":
        """`data` is taken as it is, not copied: an entry never changes it (and parsed
        histories share equal ones, services/certification/repository.py)."""
        effective, recorded = parse_instant(d["effective_at"]), parse_instant(d["recorded_at"])
        return cls(seq=int(d["seq"]), kind=Kind(d["kind"]), effective_at=effective,
                   recorded_at=effective if recorded == effective else recorded,
                   cause=d.get("cause"), certificate_no=d.get("certificate_no"),
                   data=d.get("data") or {}, actor=d.get("actor"))


@dataclass(frozen=True)
class OfficerRecord:
    id: str
    name: str
    agency: Agency
    id_number: str
    history: tuple[HistoryEntry, ...] = ()

    def append(self, kind: Kind, effective_at: dt.datetime, recorded_at: dt.datetime,
               cause: str | None = None, certificate_no: str | None = None,
               **data) -> "OfficerRecord":
        """A new record with one more entry (the aggregate itself is immutable)."""
        entry = HistoryEntry(len(self.history) + 1, kind, as_utc(effective_at),
                             as_utc(recorded_at), cause, certificate_no, data)
        return replace(self, history=self.history + (entry,))

    def attributed(self, start: int, actor: dict) -> "OfficerRecord":
        """The entries after the first `start` made by `actor` (one command's changes)."""
        history = self.history[:start] + tuple(replace(e, actor=actor)
                                               for e in self.history[start:])
        return replace(self, history=history)

    @cached_property
    def _in_effect(self) -> tuple[HistoryEntry, ...]:
        # sorted once per record (records are immutable and cached parsed), not per
        # question: a check used to sort the whole history, allocating a key per entry
        return tuple(sorted(self.history, key=HistoryEntry.sort_key))

    def ordered(self, until: dt.datetime | None = None, known_at: dt.datetime | None = None):
        """Entries in effective order, optionally only those effective by `until` and
        recorded by `known_at` (the latter answers "what did the records say then")."""
        rows = self._in_effect
        if until is not None:
            rows = rows[:bisect_right(rows, as_utc(until), key=_EFFECTIVE)]
        if known_at is not None:
            rows = [e for e in rows if e.recorded_at <= as_utc(known_at)]
        return list(rows)

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "agency": self.agency.value,
                "id_number": self.id_number, "history": [e.to_dict() for e in self.history]}

    @classmethod
    def from_dict(cls, d: dict) -> "OfficerRecord":
        return cls(id=str(d["id"]), name=d["name"], agency=Agency(d["agency"]),
                   id_number=d["id_number"],
                   history=tuple(HistoryEntry.from_dict(e) for e in d.get("history", ())))


def validate_name(value) -> str:
    name = value.strip() if isinstance(value, str) else ""
    if not name or len(name) > MAX_NAME:
        raise InvalidInput(f"name must be 1..{MAX_NAME} characters", ["input", "name"])
    return name
