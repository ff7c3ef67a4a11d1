import datetime as dt

import pytest

from services.bus.envelope import make
from services.operations.domain import assign_officer, plan_operation

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 9, 20, 2, 0, tzinfo=UTC)
START = dt.datetime(2026, 10, 1, 0, 0, tzinfo=UTC)
END = dt.datetime(2026, 10, 8, 0, 0, tzinfo=UTC)
OK = {"qualified": True, "reasons": []}


@pytest.fixture
def valid_events():
    """Checks (type, payload) pairs against their JSON Schemas as the bus will."""
    return lambda events: [make(t, p, producer="test") for t, p in events] and events


def planned(op_id="op1", start=START, end=END, agencies=("CULTURE", "TRANSPORT")):
    op, _ = plan_operation(op_id, "National Day safe tourism", "Plan 2026-7", agencies[0],
                           agencies, start, end, NOW, areas=["Old town"],
                           objectives=["coaches", "scenic spots"])
    return op


def staffed(op_id="op1", **kw):
    """Team A: two culture-market officers; team B: two road-transport officers."""
    op = planned(op_id, **kw)
    for team, officer, agency, domain in (("A", "c1", "CULTURE", "CULTURE_MARKET"),
                                          ("A", "c2", "CULTURE", "CULTURE_MARKET"),
                                          ("B", "t1", "TRANSPORT", "ROAD_TRANSPORT"),
                                          ("B", "t2", "TRANSPORT", "ROAD_TRANSPORT")):
        op, _ = assign_officer(op, team, f"{op_id}-{officer}" if op_id != "op1" else officer,
                               agency, domain, OK)
    return op


ALL_OK = {o: OK for o in ("c1", "c2", "t1", "t2", "c3", "t3")}
