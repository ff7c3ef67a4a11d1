import datetime as dt

import pytest

from services.bus.envelope import make

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 9, 28, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai, a Monday


@pytest.fixture
def valid_events():
    """Checks (type, payload) pairs against their JSON Schemas as the bus will."""
    return lambda events: [make(t, p, producer="test") for t, p in events] and events
