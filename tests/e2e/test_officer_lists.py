"""The officers table as the console reads it: numbered pages with the server's total,
filters, and the Excel export of the whole filtered result."""
import io

import httpx
import pytest
from nameko.standalone.rpc import ClusterRpcProxy
from openpyxl import load_workbook

from tests.integration.cert_support import certify, ok, valid_id

pytestmark = pytest.mark.e2e
PAGE = """query($f: OfficerFilter, $o: Int, $l: Int) { officerPage(filter: $f, offset: $o,
    limit: $l) { totalCount offset nodes { name agency idNumber certificate { status } } } }"""


@pytest.fixture
def roster(start_services, service_config, gateway_url):
    start_services("certification")
    with ClusterRpcProxy(service_config) as rpc:
        for i, name in enumerate(["王一", "王二", "王三", "李四", "张五"]):
            certify(rpc.certification, name, "CULTURE", valid_id(f"41150219800101{i:03d}"),
                    ["CULTURE_MARKET"], valid=(-30, 20 if i < 2 else 300))
        ok(rpc.certification.register_officer({"name": "赵六", "agency": "TRANSPORT",
                                               "id_number": valid_id("41150319800101099")}))


def test_numbered_pages_carry_the_total_and_filters_narrow_it(roster, gql):
    first = gql(PAGE, {"l": 2}, roles=("planner",))["data"]["officerPage"]
    third = gql(PAGE, {"o": 4, "l": 2}, roles=("planner",))["data"]["officerPage"]
    assert first["totalCount"] == third["totalCount"] == 6
    assert len(first["nodes"]) == 2 and len(third["nodes"]) == 2 and third["offset"] == 4
    names = [n["name"] for n in first["nodes"] + third["nodes"]]
    assert len(set(names)) == 4
    wang = gql(PAGE, {"f": {"namePrefix": "王"}}, roles=("planner",))["data"]["officerPage"]
    assert wang["totalCount"] == 3
    soon = gql(PAGE, {"f": {"expiringWithinDays": 30}}, roles=("planner",))["data"]
    assert sorted(n["name"] for n in soon["officerPage"]["nodes"]) == ["王一", "王二"]
    for bad_args in ({"l": 500}, {"o": -1}, {"f": {"namePrefix": "ö\x12" + "长" * 80}}):
        bad = gql(PAGE, bad_args, roles=("planner",))
        assert bad["errors"][0]["extensions"]["code"] == "INVALID_INPUT", bad_args
    nulls = gql(PAGE, {"o": None, "l": None, "f": {"namePrefix": "ö\x12ô瘷"}},
                roles=("planner",))["data"]["officerPage"]
    assert nulls == {"totalCount": 0, "offset": 0, "nodes": []}


def test_the_excel_export_holds_the_whole_filtered_roster_in_chinese(roster, gateway_url,
                                                                     token):
    url = gateway_url.rsplit("/graphql", 1)[0] + "/exports/officers.xlsx"
    auth = {"Authorization": f"Bearer {token('certification_admin', agency='CULTURE')}"}
    r = httpx.get(url, params={"agency": "CULTURE"}, headers=auth, timeout=30)
    assert r.status_code == 200, r.text
    rows = list(load_workbook(io.BytesIO(r.content)).active.values)
    assert rows[0][:3] == ("姓名", "所属单位", "公民身份号码")
    assert len(rows) == 6 and {row[1] for row in rows[1:]} == {"文化市场综合执法支队"}
    assert all(row[5] == "有效" for row in rows[1:])
    assert "*" not in rows[1][2]  # administrators of the agency see full numbers
    masked = httpx.get(url, headers={"Authorization": f"Bearer {token('planner')}"}, timeout=30)
    assert all("*" in row[2] for row in list(load_workbook(io.BytesIO(masked.content))
                                             .active.values)[1:])
    assert httpx.get(url, timeout=30).status_code == 401
    refused = httpx.get(url, headers={"Authorization": f"Bearer {token('cross_agency')}"})
    assert refused.status_code == 403
    bad = httpx.get(url, params={"expiringWithinDays": "soon"}, headers=auth, timeout=30)
    assert bad.status_code == 400 and bad.json()["errors"][0]["extensions"]["code"] == \
        "INVALID_INPUT"
