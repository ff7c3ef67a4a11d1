"""Shared builders: a culture officer with both exams passed, and one with a certificate."""
import datetime as dt

import pytest

from services.certification import domain as cd

from .cert_helpers import VALID_ID, utc


@pytest.fixture
def registered():
    record, _ = cd.register_officer(officer_id="o-1", name="Li Wei", agency="CULTURE",
                                    id_number=VALID_ID, now=utc(2025, 11, 1))
    return record


@pytest.fixture
def examined(registered):
    record = registered
    for exam in ("PUBLIC_LAW", "PROFESSIONAL_LAW"):
        record, _ = cd.record_exam(record, exam=exam, score=75, taken_on=dt.date(2025, 11, 20),
                                   now=utc(2025, 11, 21))
    return record


@pytest.fixture
def certified(examined):
    """CULTURE_MARKET + TOURISM, valid 2026-01-01..2026-12-31, issued 2025-12-15T02:00Z."""
    record, _ = cd.issue_certificate(examined, domains=["CULTURE_MARKET", "TOURISM"],
                                     valid_from=dt.date(2026, 1, 1),
                                     valid_until=dt.date(2026, 12, 31), sequence=123,
                                     now=utc(2025, 12, 15, 2))
    return record
