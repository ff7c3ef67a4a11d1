"""Time helpers. Stored times are UTC; rules that talk about dates use the check's zone.

`utcnow()` is the one clock every context reads. In demo mode it can be moved (the
replay clock, `services.common.replay_clock`): replaying a past year through the running
services needs their own stamps (draw commit and reveal, registration, sweeps) to fall in
that year. The offset is per process and is 0 unless a demo-mode service was told
otherwise; `wallclock()` is the machine's time whatever the offset.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

# Validity windows and working days are civil dates in China.
LOCAL_TZ = ZoneInfo("Asia/Shanghai")
_offset = dt.timedelta(0)  # set only through services.common.replay_clock


def wallclock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def utcnow() -> dt.datetime:
    return wallclock() + _offset


def offset() -> dt.timedelta:
    return _offset


def _set_offset(delta: dt.timedelta) -> None:
    global _offset
    _offset = delta


def as_utc(moment: dt.datetime) -> dt.datetime:
    """Naive datetimes (as read back from MongoDB) are UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def parse_instant(value, field=None) -> dt.datetime:
    """The one parser for instants: ISO 8601 text with its offset (what the wire carries,
    and what older documents stored) or a datetime, as an aware UTC datetime. Text
    without an offset is refused (INVALID_INPUT on `field`): it names no instant. A naive
    datetime is UTC, which is how MongoDB hands dates back to a client not set tz_aware."""
    from services.common.errors import InvalidInput

    if isinstance(value, dt.datetime):
        return as_utc(value)
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise InvalidInput(f"{value!r} is not an ISO 8601 date-time with a UTC offset",
                           field)
    return as_utc(moment)


def parse_day(value, field=None) -> dt.date:
    """A civil date (YYYY-MM-DD, or a date) or INVALID_INPUT on `field`."""
    from services.common.errors import InvalidInput

    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        if isinstance(value, str) and len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise InvalidInput(f"{value!r} is not a date (YYYY-MM-DD)", field)


def iso(moment: dt.datetime | None) -> str | None:
    """An instant on the wire (RPC results, event payloads): ISO 8601 in UTC, fixed width
    (so such texts also sort as they compare)."""
    return None if moment is None else as_utc(moment).isoformat(timespec="microseconds")


def as_stored(moment: dt.datetime) -> dt.datetime:
    """An instant as MongoDB keeps it: BSON dates hold milliseconds, so a value cut to the
    millisecond before it is used reads back equal (the hash chains depend on it)."""
    moment = as_utc(moment)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def local_date(moment: dt.datetime) -> dt.date:
    return as_utc(moment).astimezone(LOCAL_TZ).date()


def local_midnight(day: dt.date) -> dt.datetime:
    """The UTC moment a civil day starts in Asia/Shanghai."""
    return dt.datetime.combine(day, dt.time(), LOCAL_TZ).astimezone(dt.timezone.utc)


def year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a calendar year in Asia/Shanghai, as UTC moments."""
    return local_midnight(dt.date(year, 1, 1)), local_midnight(dt.date(year + 1, 1, 1))


def as_of_year_end(year: int, now: dt.datetime | None = None) -> dt.datetime:
    """The moment a "on 31 December" figure is taken: the year's last microsecond, or now
    for the current year (a year-to-date answer)."""
    end = year_bounds(year)[1] - dt.timedelta(microseconds=1)
    return min(end, now or utcnow())


FIRST_YEAR, LAST_YEAR = 2000, 2100  # what a figure may be asked for


def check_year(value) -> int:
    """A calendar year a figure may be asked for, or INVALID_INPUT."""
    from services.common.errors import InvalidInput

    if isinstance(value, bool) or not isinstance(value, int) or not \
            FIRST_YEAR <= value <= LAST_YEAR:
        raise InvalidInput(f"year must be a whole number from {FIRST_YEAR} to {LAST_YEAR}",
                           ["year"])
    return value
