"""A small believable world for the console's screens, made through the services' RPC:
culture and transport officers with Chinese names, a culture directory, a revealed draw,
a draft joint operation with a team."""
from nameko.standalone.rpc import ClusterRpcProxy

from tests.integration.cert_support import certify, moment, ok, valid_id
from tests.integration.test_draws import PLANNER, culture_directory, revealed

CULTURE_NAMES = ["王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆"]
TRANSPORT_NAMES = ["赵磊", "孙丽"]


def officers(rpc, names, agency, domain, area):
    return [certify(rpc.certification, name, agency, valid_id(f"{area}19850101{i:03d}"),
                    [domain])["id"] for i, name in enumerate(names)]


def world(service_config) -> dict:
    with ClusterRpcProxy(service_config) as rpc:
        culture = officers(rpc, CULTURE_NAMES, "CULTURE", "CULTURE_MARKET", "411502")
        transport = officers(rpc, TRANSPORT_NAMES, "TRANSPORT", "ROAD_TRANSPORT", "411503")
        culture_directory(rpc)
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
