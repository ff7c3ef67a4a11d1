"""Time helpers. Stored times are UTC; rules that talk about dates use the check's zone."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

# Validity windows and working days are civil dates in China.
LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """Naive datetimes (as read back from MongoDB) are UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def local_date(moment: dt.datetime) -> dt.date:
    return as_utc(moment).astimezone(LOCAL_TZ).date()
