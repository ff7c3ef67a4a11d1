"""When a failed delivery is tried again: the first retry after `base`, each next one after
twice the last, at most CAP apart, until the span (default 3 days) is used up; then the
delivery has failed for good (it can still be replayed)."""
from __future__ import annotations

import datetime as dt

CAP = dt.timedelta(hours=5)


def next_attempt(attempts: int, now: dt.datetime, give_up_at: dt.datetime,
                 base: dt.timedelta) -> dt.datetime | None:
    """After `attempts` failed attempts, the moment of the next one (None: give up)."""
    delay = min(base * (2 ** max(attempts - 1, 0)), CAP)
    at = now + delay
    return at if at <= give_up_at else None
