"""Console part 2: the operations log (操作日志) finds a case's entries by its id, with
who did them, and the trail check; the reports page shows the period's statistics and
the year's figures to a planner, with the annual report as a PDF download, and to an
enforcement officer only the statistics."""
import base64

import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from tests.browser.part2 import CAPTURE, LEGAL_SUB, button, culture_team_and_cafe
from tests.support import wait_until

pytestmark = pytest.mark.e2e
FILE = """mutation($i: FileCaseInput!) { fileCase(input: $i) { case { id } errors { code } } }"""
TRAIL = """query($s: ID) { auditTrail(subjectId: $s) { totalCount } }"""


def test_operations_log_and_reports(console_app, start_services, service_config, gql):
    start_services("certification", "culture", "audit", "accountability", "operations",
                   "draws", "delivery")  # annualFigures joins every owner of a figure
    with ClusterRpcProxy(service_config) as rpc:
        made = culture_team_and_cafe(rpc)
    body = gql(FILE, {"i": {"agency": "CULTURE", "entityId": made["cafe"],
                            "officerIds": made["team"], "violationCode": "NETCAFE_NO_ID_CHECK"}},
               roles=("enforcement_officer",), agency="CULTURE", sub="zhifa-wangjianguo")
    case_id = body["data"]["fileCase"]["case"]["id"]
    wait_until(lambda: gql(TRAIL, {"s": case_id}, roles=("accountability_officer",))
               ["data"]["auditTrail"]["totalCount"] > 0)

    app = console_app
    page = app.open(f"/audit?subjectId={case_id}", role="accountability_officer", sub=LEGAL_SUB)
    row = page.locator("tbody tr", has_text="enforcement.case_filed.v1")
    row.wait_for()
    assert "zhifa-wangjianguo" in row.inner_text() and "执法人员" in row.inner_text()
    assert "操作日志完整" in page.get_by_test_id("trail-check").inner_text()
    app.shot("audit-filtered.zh-CN")

    page = app.open("/reports", role="planner", agency="CULTURE")
    stats = page.get_by_test_id("statistics")
    stats.get_by_text("立案（件）").wait_for()
    filed = stats.locator(".ant-statistic", has_text="立案（件）").inner_text()
    assert filed.split()[-1] == "1", filed
    assert "持证执法人员（人）" in page.get_by_test_id("annual").inner_text()
    # no provincial platform is configured in this stack: the figure says so, not "0"
    reported = page.get_by_test_id("annual").locator("tr", has_text="报送监管平台（次）")
    assert reported.locator("td").last.inner_text() == "未配置"
    app.shot("reports-planner.zh-CN")
    # the annual report document, fetched with the planner's token and handed to the browser
    page.evaluate(f"() => {{ {CAPTURE} }}")
    button(page.get_by_test_id("annual-document"), "下载 PDF").click()
    page.wait_for_function("() => window.__downloads.length > 0", timeout=60_000)
    kind, data = page.evaluate("window.__downloads[0]").split(",", 1)
    assert kind == "data:application/pdf;base64"
    assert base64.b64decode(data).startswith(b"%PDF")
    page = app.open("/reports", role="enforcement_officer", agency="CULTURE")
    page.get_by_test_id("statistics").wait_for()
    assert page.get_by_test_id("annual").count() == 0
    assert page.get_by_test_id("annual-document").count() == 0
    page = app.open("/reports", role="certification_admin", agency="CULTURE")
    page.get_by_test_id("annual").wait_for()
    assert page.get_by_test_id("annual-document").count() == 0
