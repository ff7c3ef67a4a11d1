"""The one parser for instants and civil dates, and the wire and stored forms."""
import datetime as dt

import pytest

from services.common import clock
from services.common.errors import DomainError

UTC = dt.timezone.utc


@pytest.mark.parametrize("text", ["2026-03-02T09:30:05.123457+08:00",
                                  "2026-03-02T01:30:05.123457Z",
                                  "2026-03-02T01:30:05.123457+00:00"])
def test_an_instant_with_its_offset_is_one_utc_moment(text):
    moment = clock.parse_instant(text, ["input", "at"])
    assert moment == dt.datetime(2026, 3, 2, 1, 30, 5, 123457, tzinfo=UTC)
    assert moment.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize("bad", ["2026-03-02T09:30:05", "2026-03-02", "soon", "", 5, None,
                                 ["2026-03-02T01:30:05Z"]])
def test_text_that_names_no_instant_is_invalid_input_on_the_field(bad):
    with pytest.raises(DomainError) as err:
        clock.parse_instant(bad, ["input", "at"])
    assert err.value.code == "INVALID_INPUT" and err.value.field == ["input", "at"]


def test_a_stored_naive_datetime_is_utc():
    assert clock.parse_instant(dt.datetime(2026, 3, 2, 1)) == dt.datetime(2026, 3, 2, 1,
                                                                             tzinfo=UTC)


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-03-02T00:00:00+08:00", "20260302", None])
def test_a_civil_date_is_yyyy_mm_dd(bad):
    assert clock.parse_day("2026-03-02", ["x"]) == dt.date(2026, 3, 2)
    with pytest.raises(DomainError) as err:
        clock.parse_day(bad, ["input", "on"])
    assert err.value.code == "INVALID_INPUT" and err.value.field == ["input", "on"]


def test_wire_and_stored_forms():
    moment = dt.datetime(2026, 3, 2, 9, 30, 5, 123457, tzinfo=clock.LOCAL_TZ)
    assert clock.iso(moment) == "2026-03-02T01:30:05.123457+00:00"
    assert clock.iso(None) is None
    # what a BSON date keeps, so a stored instant reads back equal
    assert clock.as_stored(moment) == dt.datetime(2026, 3, 2, 1, 30, 5, 123000, tzinfo=UTC)
