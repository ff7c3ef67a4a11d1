"""The enforcement demo data loads through the running services, and again without
doubling anything."""
import pytest

from services.bus.client import cluster
from services.common.actor import Actor
from services.enforcement import demo
from tests.integration.test_enforcement_support import (  # noqa: F401  (fixtures)
    CULTURE, TRANSPORT, config, receiver, rpc)
from tests.integration.test_operations_support import ok

pytestmark = pytest.mark.integration


def test_demo_loads_directories_and_cases_in_various_states_idempotently(rpc, config):
    # as `jointops demo load` calls: every call carries the tool's actor (system:demo), and
    # the steps it takes as a person (the filer, the legal reviewer) are recorded as theirs
    with cluster(config, Actor.system("demo")) as tool:
        assert demo.load(tool) == ("66 culture and 42 transport entities; 10 new demo cases; "
                                   "5 new township bodies with 5 delegated powers each")
        assert demo.load(tool) == ("66 culture and 42 transport entities; 0 new demo cases; "
                                   "0 new township bodies with 5 delegated powers each")
    states = sorted(c["state"] for docs in (CULTURE, TRANSPORT)
                    for c in docs.Case._get_collection().find())
    assert states == sorted(["FILED", "UNDER_INVESTIGATION", "RIGHTS_NOTIFIED", "LEGAL_REVIEW",
                             "CLOSED", "CLOSED", "SERVED", "PUBLISHED", "DECIDED", "CLOSED"])
    assert ok(rpc.culture.sweep()) + len(ok(rpc.culture.overdue())) >= 1
    assert CULTURE.Entity._get_collection().count_documents({}) == 66
    case = CULTURE.Case._get_collection().find_one({"state": "CLOSED"})
    inspection = CULTURE.Inspection._get_collection().find_one({"_id": case["inspection_id"]})
    # the case's first record entry holds the inspection's record head: the chains are tied
    assert f"inspection:{inspection['_id']}@{inspection['record_head']}" in \
        case["record"][0]["documents"]
    # a closed penalty was reviewed at all four stages, never by its filer
    stages = [(r["stage"], r["outcome"], r["reviewer_id"]) for r in case["legal_reviews"]]
    assert [s for s, _, _ in stages] == ["FILING", "INVESTIGATION_END", "DECISION", "CLOSING"]
    assert {(o, r) for _, o, r in stages} == {("APPROVED", "demo-legal")}
    assert ok(rpc.culture.verify_record(case["_id"]))["intact"]
    powers = ok(rpc.culture.list_powers({"in_force_on": "2023-12-31"}))
    assert len(powers) == 25 and len({p["violation_code"] for p in powers}) == 5
