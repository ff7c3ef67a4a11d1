"""A small believable world for the console's screens, made through the services' RPC:
culture and transport officers with Chinese names, both directories (Xinyang names), a
revealed draw, a draft joint operation with a team."""
from nameko.standalone.rpc import ClusterRpcProxy

from tests.integration.cert_support import certify, moment, ok, valid_id
from services.common import xinyang
from tests.integration.test_draws import PLANNER, revealed

CULTURE_NAMES = ["王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆"]
TRANSPORT_NAMES = ["赵磊", "孙丽"]


def officers(rpc, names, agency, domain, area):
    return [certify(rpc.certification, name, agency, valid_id(f"{area}19850101{i:03d}"),
                    [domain])["id"] for i, name in enumerate(names)]


def directories(rpc) -> dict:
    """12 culture-market venues (one FLAGGED: always drawn) and 4 tourist-coach operators."""
    culture = [{"registration_no": f"914115CM{i:04d}", "licence": f"豫文许{i:04d}",
                "category": category, "name": xinyang.entity_name(category, i // 2),
                "address": xinyang.address(i),
                "risk_level": "FLAGGED" if i == 0 else ("LOW", "MEDIUM", "HIGH")[i % 3]}
               for i in range(12)
               for category in ("INTERNET_CAFE" if i % 2 else "ENTERTAINMENT_VENUE",)]
    transport = [{"registration_no": f"914115CO{i:04d}", "licence": f"豫交许{i:04d}",
                  "category": "COACH_OPERATOR", "name": xinyang.entity_name("COACH_OPERATOR", i),
                  "address": xinyang.address(i + 20)} for i in range(4)]
    return {"culture": ok(rpc.culture.import_entities(culture))["entity_ids"],
            "transport": ok(rpc.transport.import_entities(transport))["entity_ids"]}


def world(service_config) -> dict:
    with ClusterRpcProxy(service_config) as rpc:
        culture = officers(rpc, CULTURE_NAMES, "CULTURE", "CULTURE_MARKET", "411502")
        transport = officers(rpc, TRANSPORT_NAMES, "TRANSPORT", "ROAD_TRANSPORT", "411503")
        directories(rpc)
        draw = revealed(rpc, "console", title="2026年第4批文化市场双随机抽查")
        op = ok(rpc.operations.plan({
            "name": "暑期旅游包车市场联合整治行动", "agencies": ["CULTURE", "TRANSPORT"],
            "starts_at": moment(2), "ends_at": moment(9), "legal_basis": "联合执法合作机制",
            "areas": ["浉河区", "平桥区"]}, PLANNER))
        for officer_id, domain in ((culture[0], "CULTURE_MARKET"), (transport[0], "ROAD_TRANSPORT")):
            ok(rpc.operations.assign_officer({"operation_id": op["operation_id"], "team_name": "第一组",
                                              "officer_id": officer_id, "domain": domain},
                                             PLANNER))
    return {"culture": culture, "transport": transport, "draw": draw["id"], "operation": op["operation_id"]}
