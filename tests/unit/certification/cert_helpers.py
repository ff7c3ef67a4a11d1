"""Plain helpers for the certification tests."""
import datetime as dt

VALID_ID = "11010519491231002X"  # the GB 11643 worked example; check digit X


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.timezone.utc)
