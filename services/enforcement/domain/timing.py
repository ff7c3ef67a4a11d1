"""When a step may be dated. Officers often enter a step after doing it, so a past moment
is fine; a future one is not, and the full-process record must stay in time order."""
from __future__ import annotations

import datetime as dt

from services.common.errors import DomainError

# Clocks of the officers' devices and of the servers are not perfectly in step.
CLOCK_SKEW = dt.timedelta(minutes=5)
FIELD = ["input", "at"]


def check_step_time(at: dt.datetime, now: dt.datetime, record=()) -> dt.datetime:
    """`at` if it may be recorded after the entries of `record`; else DomainError."""
    if at > now + CLOCK_SKEW:
        raise DomainError("INVALID_INPUT", f"{at.isoformat()} is in the future", FIELD)
    if record and at < record[-1].at:
        raise DomainError("OUT_OF_ORDER", f"{at.isoformat()} is before the previous step "
                          f"({record[-1].action} at {record[-1].at.isoformat()})", FIELD)
    return at
