"""Working-day arithmetic in the Chinese calendar.

Legal deadlines (publication within 7 working days, result publication within 20 working
days, ledger deadlines) count working days: weekends and public holidays are skipped and
make-up working days (调休) count. The `chinese_calendar` package keeps the official
schedule; for a year it does not know yet we fall back to Monday-Friday, because a
deadline must still be computable (the State Council publishes the next year's schedule
only in November).
"""
from __future__ import annotations

import datetime as dt

import chinese_calendar


def is_workday(day: dt.date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def add_workdays(start: dt.date, n: int) -> dt.date:
    """The date that is `n` working days after `start` (start itself does not count)."""
    if n < 0:
        raise ValueError("n must be >= 0")
    day = start
    while n:
        day += dt.timedelta(days=1)
        if is_workday(day):
            n -= 1
    return day


def workdays_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 if end <= start)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_workday(day)
    return count


def workdays_left(due: dt.date, today: dt.date) -> int:
    """What a deadline screen says: the working days after `today` up to and including
    `due` (0 on the due day), or, once `due` has passed, minus the working days after `due`
    up to and including `today` (a deadline passed over a weekend is overdue by 0 working
    days until the next working day)."""
    return workdays_between(today, due) if today <= due else -workdays_between(due, today)
