"""The annual report's certification figures, from officers' records (pure).

- certified officers: a certificate VALID at the year's last moment (now, for the current
  year): not suspended, revoked or expired then;
- new officers who passed both law exams: the day an officer first held passes of both
  the public-law and the professional-law exam (the second of the two passes) falls in
  the year. Exam days are civil dates, so the year is the civil year.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from .config import DEFAULT_CONFIG, CertificationConfig
from .enums import CertificateStatus, ExamKind
from .record import OfficerRecord
from .replay import snapshot


def certified_at(record: OfficerRecord, at: dt.datetime) -> bool:
    cert = snapshot(record, at).current
    return cert is not None and cert.status(at) is CertificateStatus.VALID


def both_exams_passed_on(record: OfficerRecord,
                         config: CertificationConfig = DEFAULT_CONFIG) -> dt.date | None:
    """The day of the second of the two passes (each kind's first pass), or None."""
    first: dict[str, dt.date] = {}
    for exam in snapshot(record).exams:
        if exam["score"] >= config.pass_mark:
            day = dt.date.fromisoformat(exam["taken_on"])
            first[exam["exam"]] = min(day, first.get(exam["exam"], day))
    if set(first) != {k.value for k in ExamKind}:
        return None
    return max(first.values())


def annual_figures(records: Iterable[OfficerRecord], year: int, as_of: dt.datetime,
                   config: CertificationConfig = DEFAULT_CONFIG) -> dict:
    """`as_of`: the moment "on 31 December" means (clock.as_of_year_end)."""
    records = list(records)
    passed = [both_exams_passed_on(r, config) for r in records]
    return {"certified_officers": sum(certified_at(r, as_of) for r in records),
            "new_officers_passed_exams": sum(1 for d in passed if d and d.year == year)}
