"""Console part 2, accountability. (b) A legal-affairs officer records a finding, imposes
a sanction after the confirm that names its effect on the officer's qualification, sees
it in force on the officer's record and lifts it, keeps the rectification ledger (a new
item on the page, one fixed on the spot) and exports the ledger as .xlsx, which openpyxl
reads back with the rows the page shows. The export is refused without the role."""
import base64
import io

import httpx
import pytest
from nameko.standalone.rpc import ClusterRpcProxy
from openpyxl import load_workbook

from tests.browser.part2 import CAPTURE, LEGAL_SUB, button, pick
from tests.integration.cert_support import certify, valid_id

pytestmark = pytest.mark.e2e
SPOT = """mutation($i: FixOnTheSpotInput!) { fixOnTheSpot(input: $i) { errors { code } } }"""


def dialog_submit(page):
    dialog = page.get_by_role("dialog")
    button(dialog, "提交").click()
    dialog.wait_for(state="detached")


def test_finding_sanction_after_confirm_ledger_and_excel_export(
        console_app, start_services, service_config, gql, gateway_url, token):
    start_services("certification", "accountability", "operations")
    with ClusterRpcProxy(service_config) as rpc:
        certify(rpc.certification, "王建国", "CULTURE", valid_id("41150219850101000"),
                ["CULTURE_MARKET"])
    app = console_app
    app.context.add_init_script(CAPTURE)
    page = app.open("/accountability", role="accountability_officer", sub=LEGAL_SUB)

    button(page.locator("main"), "认定执法过错").click()
    dialog = page.get_by_role("dialog")
    pick(page, "执法人员", "王建国", dialog)
    dialog.get_by_label("问题描述", exact=True).fill("行政检查中未出示行政执法证件")
    dialog_submit(page)
    app.settle()
    row = page.locator("tbody tr", has_text="行政检查中未出示行政执法证件")
    row.wait_for()
    assert "王建国" in row.inner_text() and "执法监督检查" in row.inner_text()

    button(row, "问责").click()
    dialog = page.get_by_role("dialog")
    pick(page, "问责方式", "离岗培训", dialog)
    button(dialog, "提交").click()
    confirm = page.locator(".ant-modal-confirm")
    confirm.wait_for()
    assert ("王建国将离岗培训，培训完成前不具备执法资格，并将退出0个已启动的联合执法行动"
            in confirm.inner_text())
    app.shot("accountability-confirm.zh-CN")
    button(confirm, "确认问责").click()
    page.get_by_text("已问责").wait_for()
    app.settle()

    page.get_by_role("tab", name="人员问责档案").click()
    pick(page, "执法人员", "王建国")
    app.settle()
    record = page.get_by_test_id("officer-record")
    record.get_by_text("执行中").wait_for()
    assert "离岗培训" in record.inner_text()
    button(record, "完成离岗培训").click()
    button(page.locator(".ant-modal-confirm"), "提交").click()
    record.get_by_text("现行问责措施：无").or_(record.get_by_text("现行问责措施无")).or_(
        record.locator(".ant-descriptions", has_text="无")).first.wait_for()
    app.settle()
    assert "执行中" not in record.inner_text()

    # The ledger: one item opened on the page, one fixed on the spot through the API.
    done = gql(SPOT, {"i": {"owner": "平桥区文化市场执法大队", "description": "执法记录仪未及时上传",
                            "evidence": ["上传记录截图"]}},
               roles=("accountability_officer",), sub=LEGAL_SUB)
    assert done["data"]["fixOnTheSpot"]["errors"] == [], done
    page.get_by_role("tab", name="整改台账").click()
    app.settle()
    button(page.locator("main"), "新建整改事项").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("整改责任人（单位）", exact=True).fill("浉河区文化市场执法大队")
    dialog.get_by_label("问题描述", exact=True).fill("执法人员未随身携带行政执法证件")
    dialog_submit(page)
    app.settle()
    table = page.locator("main [role=tabpanel]:visible .ant-table-tbody")
    table.locator("tr", has_text="执法人员未随身携带行政执法证件").wait_for()
    shown = [r.inner_text() for r in table.locator("tr.ant-table-row").all()]
    assert len(shown) == 2 and "期限内" in "".join(shown) and "立行立改" in "".join(shown)
    app.shot("accountability-ledger.zh-CN")
    assert app.axe() == []

    button(page.locator("main"), "导出 Excel").click()
    page.wait_for_function("() => window.__downloads.length > 0")
    data = page.evaluate("window.__downloads[0]").split(",", 1)[1]
    sheet = load_workbook(io.BytesIO(base64.b64decode(data))).active
    rows = [[c for c in r] for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["编号", "整改责任人（单位）", "问题描述"]
    assert sorted(r[2] for r in rows[1:]) == sorted(["执法人员未随身携带行政执法证件",
                                                     "执法记录仪未及时上传"])
    assert {r[5] for r in rows[1:]} == {"整改中", "已整改"}

    url = gateway_url.rsplit("/graphql", 1)[0] + "/exports/ledger.xlsx"
    assert httpx.get(url).status_code == 401
    planner = token("planner", agency="CULTURE")
    assert httpx.get(url, headers={"Authorization": f"Bearer {planner}"}).status_code == 403
