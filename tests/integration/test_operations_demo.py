"""The operations demo loader against the real services and the certification demo
roster: both joint operations planned with full mixed teams, and loading twice changes
nothing."""
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services.certification.service import CertificationService
from services.culture.service import CultureService
from services.operations import demo
from services.operations.service import OperationsService
from services.transport.service import TransportService
from tests.integration.test_operations_support import directory

pytestmark = pytest.mark.integration


def test_demo_plans_both_operations_with_teams_idempotently(container_factory, service_config):
    from services.certification import demo as certification_demo

    for cls in (CertificationService, OperationsService, CultureService, TransportService):
        container_factory(cls, service_config).start()
    with ClusterRpcProxy(service_config) as rpc:
        certification_demo.load(rpc)
        directory(rpc.culture, "SCENIC_SPOT", 2, "S")
        directory(rpc.transport, "COACH_OPERATOR", 2, "T")
        first = demo.load(rpc)
        assert demo.load(rpc) == first
        ops = rpc.operations.list_operations({}, {"first": 10})["ok"]["items"]
    assert sorted(op["name"] for op in ops) == ["国庆假期平安旅游联合执法行动",
                                                "暑期旅游包车市场联合整治行动"]
    for op in ops:
        assert op["status"] == "DRAFT"
        for team in op["teams"]:
            by_slot = {}
            for m in team["members"]:
                by_slot[(m["agency"], m["domain"])] = by_slot.get((m["agency"], m["domain"]), 0) + 1
            assert set(by_slot.values()) == {2}, (op["name"], team)
    national_day = next(op for op in ops if op["name"].startswith("国庆"))
    assert len(national_day["tasks"]) == 4 and len(national_day["teams"]) == 2
