"""(a) A certification administrator registers an officer (a wrong ID number shows the
Chinese error on the ID field as typed; a number already registered is refused by the
service on that field), records both exams, issues a certificate, and the officer shows
as qualified. (e) An administrator of one agency cannot act on the other's officers."""
import datetime as dt

import pytest

from tests.integration.cert_support import valid_id

pytestmark = pytest.mark.e2e
TODAY = dt.date.today()


def pick(page, label, option, scope=None):
    """Choose `option` in the antd select labelled `label` (within `scope`)."""
    (scope or page).get_by_label(label, exact=True).click()
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=option).click()


def field_error(page, label):
    item = page.locator(".ant-form-item", has=page.get_by_label(label, exact=True))
    return item.locator(".ant-form-item-explain-error")


def card(page, title):
    return page.locator(".ant-card").filter(
        has=page.locator(".ant-card-head-title").get_by_text(title, exact=True))


def closes(dialog):
    """The dialog goes away after its submit; if it stays, say what it shows (a refusal or
    a field's message), so a failed run explains itself."""
    try:
        dialog.wait_for(state="detached")
    except Exception as exc:  # noqa: BLE001 - Playwright's timeout, re-raised with the text
        raise AssertionError(f"the dialog stayed open: {dialog.inner_text()!r}") from exc


def dialog_date(page, label, value):
    box = page.get_by_role("dialog").get_by_label(label, exact=True)
    box.fill(value)
    box.press("Enter")


def test_admin_registers_examines_and_certifies_an_officer(console_app, start_services):
    start_services("certification", "operations")
    page = console_app.open("/officers/new", role="certification_admin", agency="CULTURE")
    page.get_by_label("姓名", exact=True).fill("周晓梅")
    id_box = page.get_by_label("公民身份号码", exact=True)
    number = valid_id("41150219900101002")
    id_box.fill(number[:-1] + ("0" if number[-1] != "0" else "1"))  # wrong check character
    assert field_error(page, "公民身份号码").inner_text() == "身份证号码不正确（18位，末位为校验码）"
    id_box.fill(number)
    field_error(page, "公民身份号码").wait_for(state="detached")
    page.get_by_role("button", name="登 记").or_(page.get_by_role("button", name="登记")).click()
    console_app.wait_path(r"^/console/officers/(?!new$)[^/]+$")
    page.locator("main h1", has_text="周晓梅").wait_for()
    console_app.settle()
    officer_url = page.url

    for exam in ("公共法律知识考试", "专业法律知识考试"):
        page.get_by_role("button", name="录入考试成绩").click()
        dialog = page.get_by_role("dialog")
        pick(page, "考试科目", exam, dialog)
        dialog.get_by_label("成绩", exact=True).fill("86")
        dialog_date(page, "考试日期", (TODAY - dt.timedelta(days=3)).isoformat())
        dialog.get_by_role("button", name="提 交").or_(dialog.get_by_role("button", name="提交")).click()
        closes(dialog)
        console_app.settle()
    exams = card(page, "考试成绩").inner_text()
    assert exams.count("通过") == 2 and "公共法律知识考试" in exams and "专业法律知识考试" in exams

    page.get_by_role("button", name="核发执法证").click()
    dialog = page.get_by_role("dialog")
    pick(page, "执法领域", "文化市场", dialog)
    page.keyboard.press("Escape")  # close the multiple select's list, not the dialog
    start = dialog.get_by_placeholder("开始日期")
    start.fill(TODAY.isoformat())
    start.press("Enter")
    end = dialog.get_by_placeholder("结束日期")
    end.fill(TODAY.replace(year=TODAY.year + 2).isoformat())
    end.press("Enter")
    dialog.get_by_role("button", name="提 交").or_(dialog.get_by_role("button", name="提交")).click()
    closes(dialog)
    console_app.settle()
    record = card(page, "基本信息与行政执法证").inner_text()
    assert "有效" in record and "文化市场" in record

    checker = card(page, "执法资格查询（指定时间）")
    pick(page, "执法领域", "文化市场", checker)
    checker.get_by_role("button", name="查 询").or_(checker.get_by_role("button", name="查询")).click()
    answer = page.get_by_test_id("qualification")
    answer.wait_for()
    assert "具备执法资格" in answer.inner_text() and "不具备" not in answer.inner_text()
    console_app.shot("officer-certified.zh-CN")

    # The same number again: the service refuses it, on the ID field, in Chinese.
    page.goto(officer_url.rsplit("/officers/", 1)[0] + "/officers/new")
    page.get_by_label("姓名", exact=True).fill("周晓梅")
    page.get_by_label("公民身份号码", exact=True).fill(number)
    page.get_by_role("button", name="登 记").or_(page.get_by_role("button", name="登记")).click()
    error = field_error(page, "公民身份号码")
    error.wait_for()
    assert error.inner_text() == "该身份证号已登记"


def test_an_admin_of_one_agency_cannot_act_on_the_others_officers(console_app, start_services,
                                                                  service_config, gql):
    from nameko.standalone.rpc import ClusterRpcProxy

    from tests.browser.data import TRANSPORT_NAMES, officers

    start_services("certification", "operations")
    with ClusterRpcProxy(service_config) as rpc:
        transport = officers(rpc, TRANSPORT_NAMES[:1], "TRANSPORT", "ROAD_TRANSPORT", "411503")
    page = console_app.open(f"/officers/{transport[0]}", role="certification_admin",
                            agency="CULTURE")
    assert page.inner_text("main h1") == TRANSPORT_NAMES[0]
    assert page.get_by_test_id("officer-actions").count() == 0
    assert "*" in page.locator(".ant-descriptions").inner_text()  # ID number masked
    # The gateway enforces it whatever the screen offers.
    refused = gql("""mutation($i: SuspendCertificateInput!) { suspendCertificate(input: $i) {
        errors { code } } }""", {"i": {"officerId": transport[0], "reason": "x"}},
                  roles=("certification_admin",), agency="CULTURE")
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    own = console_app.open(f"/officers/{transport[0]}", role="certification_admin",
                           agency="TRANSPORT")
    assert own.get_by_test_id("officer-actions").get_by_role("button", name="暂扣执法证").count() == 1


def test_admin_imports_exam_results_from_a_csv_file(console_app, start_services, service_config):
    """(b) A CSV file of good and bad rows: the good rows are recorded, each bad row is
    listed with its column and reason in Chinese, and nothing of it was recorded."""
    from nameko.standalone.rpc import ClusterRpcProxy

    from tests.integration.cert_support import ok

    start_services("certification", "operations")
    with ClusterRpcProxy(service_config) as rpc:
        zhou = ok(rpc.certification.register_officer({
            "name": "周晓梅", "agency": "CULTURE", "id_number": valid_id("41150219900101002")}))
    day = (TODAY - dt.timedelta(days=3)).isoformat()
    csv = "\n".join([
        "公民身份号码,姓名,考试科目,成绩,考试日期",
        f"{valid_id('41150219900101002')},周晓梅,公共法律知识考试,86,{day}",
        f"{valid_id('41152219800101009')},王某,公共法律知识考试,90,{day}",
        f"{valid_id('41150219900101002')},周晓梅,专业法律知识考试,120,{day}",
    ])
    page = console_app.open("/officers", role="certification_admin", agency="CULTURE")
    page.get_by_role("button", name="导入考试成绩").click()
    page.locator("main h1", has_text="导入考试成绩").wait_for()
    page.get_by_label("选择 CSV 文件").set_input_files(
        files=[{"name": "成绩.csv", "mimeType": "text/csv", "buffer": csv.encode()}])
    page.get_by_role("button", name="导 入").or_(page.get_by_role("button", name="导入")).click()
    summary = page.get_by_test_id("import-summary")
    summary.wait_for()
    assert summary.inner_text() == "已录入 1 行；2 行有误，未录入"
    table = page.locator(".ant-table").inner_text()
    assert "公民身份号码：未找到该身份证号对应的执法人员" in table
    assert "成绩：成绩须为 0 至 100 的数字" in table
    assert table.count("已录入") == 1 and table.count("未录入") == 2
    console_app.shot("officers-import-exams-result.zh-CN")
    page.get_by_role("link", name="周晓梅").click()
    page.locator("main h1", has_text="周晓梅").wait_for()
    console_app.settle()
    exams = card(page, "考试成绩").inner_text()
    assert "公共法律知识考试" in exams and "专业法律知识考试" not in exams
    assert zhou["id"] in page.url
