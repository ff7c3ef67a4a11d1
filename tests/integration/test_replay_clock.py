"""The replay clock: only a service running in demo mode lets `set_replay_clock` move its
time; anywhere else the request is refused with REPLAY_CLOCK_REFUSED, the clock does not
move, and the refusal is kept in the service's clock audit."""
import dataclasses
import datetime as dt

import pymongo
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services.common import clock
from services.operations.service import OperationsService
from services.runner import nameko_config

pytestmark = pytest.mark.integration
WANTED = "2023-05-01T10:00:00+08:00"
PLAN = {"name": "五一专项检查", "lead_agency": "CULTURE", "agencies": ["CULTURE"],
        "starts_at": "2023-05-02T00:00:00+08:00", "ends_at": "2023-05-05T00:00:00+08:00"}
ACTOR = {"sub": "someone", "roles": ["planner"], "agency": None}


@pytest.fixture
def reset_clock():
    yield
    clock._set_offset(dt.timedelta(0))


def _audit(mongo_uri, cfg):
    return list(pymongo.MongoClient(mongo_uri)[cfg.db_name("operations")]["clock_audit"].find())


def test_outside_demo_mode_the_clock_is_refused_and_audited(container_factory, service_config,
                                                            jointops_config, mongo_uri):
    container_factory(OperationsService, service_config).start()
    with ClusterRpcProxy(service_config) as rpc:
        reply = rpc.operations.set_replay_clock(WANTED, ACTOR)
        planned = rpc.operations.plan(PLAN, ACTOR)["ok"]
    assert reply["error"]["code"] == "REPLAY_CLOCK_REFUSED"
    assert clock.offset() == dt.timedelta(0)
    assert dt.datetime.fromisoformat(planned["planned_at"]).year == clock.wallclock().year
    [entry] = _audit(mongo_uri, jointops_config)
    assert (entry["outcome"], entry["actor"], entry["demo_mode"]) == (
        "REPLAY_CLOCK_REFUSED", "someone", False)
    assert entry["requested"].year == 2023
    # announced with its actor, so the audit trail keeps the refused request too
    [announced] = [d["envelope"] for d in pymongo.MongoClient(mongo_uri)[
        jointops_config.db_name("operations")]["outbox"].find(
        {"type": "demo.replay_clock_requested.v1"})]
    assert announced["payload"]["outcome"] == "REPLAY_CLOCK_REFUSED"
    assert announced["actor"]["subject"] == "someone"


def test_in_demo_mode_the_service_lives_in_the_replayed_time(container_factory, jointops_config,
                                                             mongo_uri, reset_clock):
    cfg = dataclasses.replace(jointops_config, demo_mode=True)
    container_factory(OperationsService, nameko_config(cfg)).start()
    with ClusterRpcProxy(nameko_config(cfg)) as rpc:
        moved = rpc.operations.set_replay_clock(WANTED, ACTOR)["ok"]
        planned = rpc.operations.plan(PLAN, ACTOR)["ok"]
        rpc.operations.set_replay_clock(None, ACTOR)
    assert moved["now"].startswith("2023-05-01T02:00")
    assert planned["planned_at"].startswith("2023-05-01")
    assert clock.offset() == dt.timedelta(0)
    assert [e["outcome"] for e in _audit(mongo_uri, cfg)] == ["SET", "SET"]
