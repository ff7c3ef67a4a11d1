"""(b) A planner plans a joint operation, picks an officer whose certificate expires in the
middle of its window and sees why not, builds two teams, launches; a member's certificate
is then revoked through the API and the open page shows the member pulled and the alert
without a reload."""
import datetime as dt

import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from tests.integration.cert_support import certify, valid_id

pytestmark = pytest.mark.e2e
TODAY = dt.date.today()
CULTURE = ["王建国", "李秀英"]
TRANSPORT = ["赵磊", "孙丽"]
EXPIRING = "周晓梅"


def choose(page, scope, label, option):
    scope.get_by_label(label, exact=True).click()
    page.locator(f'.ant-select-dropdown:visible .ant-select-item-option[title="{option}"]').click()


def add_member(page, team, domain, name):
    builder = page.locator(".ant-card").filter(has=page.get_by_text("组建执法小组", exact=True))
    builder.get_by_label("小组名称", exact=True).fill(team)
    choose(page, builder, "执法领域", domain)
    box = builder.get_by_label("执法人员", exact=True)
    box.fill(name[:1])
    page.locator(f'.ant-select-dropdown:visible .ant-select-item-option[title^="{name}（"]').click()
    check = page.get_by_test_id("window-check")
    check.wait_for()
    return builder, check


def test_planner_builds_teams_launches_and_sees_a_member_pulled_live(
        console_app, start_services, service_config, gql):
    start_services("certification", "operations", "accountability", "culture", "transport")
    with ClusterRpcProxy(service_config) as rpc:
        ids = {}
        for i, name in enumerate(CULTURE):
            ids[name] = certify(rpc.certification, name, "CULTURE",
                                valid_id(f"41150219800101{i:03d}"), ["CULTURE_MARKET"])["id"]
        certify(rpc.certification, EXPIRING, "CULTURE", valid_id("41150219800101099"),
                ["CULTURE_MARKET"], valid=(-30, 5))  # ends mid-window
        for i, name in enumerate(TRANSPORT):
            certify(rpc.certification, name, "TRANSPORT", valid_id(f"41150319800101{i:03d}"),
                    ["ROAD_TRANSPORT"])
    page = console_app.open("/operations/new", role="planner", agency="CULTURE")
    page.get_by_label("行动名称", exact=True).fill("国庆“平安旅游”联合执法行动")
    start, end = TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=9)
    for placeholder, day in (("开始日期", start), ("结束日期", end)):
        box = page.get_by_placeholder(placeholder)
        box.fill(f"{day.isoformat()} 09:00")
        box.press("Enter")  # on the end date, Enter also submits the form, as in any form
    page.locator("main h1", has_text="国庆“平安旅游”联合执法行动").wait_for()
    console_app.settle()

    builder, check = add_member(page, "第一组", "文化市场", EXPIRING)
    assert "不具备执法资格" in check.inner_text() and "执法证已过期" in check.inner_text()
    for team, domain, names in (("第一组", "文化市场", CULTURE), ("第二组", "道路运输", TRANSPORT)):
        for name in names:
            builder, check = add_member(page, team, domain, name)
            assert "在整个行动期间具备执法资格" in check.inner_text()
            builder.get_by_role("button", name="加入小组").click()
            page.get_by_test_id(f"team-{team}").get_by_text(name, exact=True).wait_for()
            console_app.settle()

    page.get_by_role("button", name="启动行动").click()
    page.get_by_role("dialog").get_by_role("button", name="启动行动").click()
    page.locator(".ant-tag", has_text="进行中").wait_for()
    console_app.shot("operation-launched.zh-CN")

    revoked = gql("""mutation($i: RevokeCertificateInput!) { revokeCertificate(input: $i) {
        errors { code } } }""", {"i": {"officerId": ids[CULTURE[0]], "reason": "伪造执法记录"}},
                  roles=("certification_admin",), agency="CULTURE")
    assert revoked["data"]["revokeCertificate"]["errors"] == []
    # No reload: the live view polls every 2 s; the bus carries the revocation to operations.
    alert = page.get_by_test_id("alerts").get_by_text("队员失去执法资格")
    alert.first.wait_for(timeout=20_000)
    team = page.get_by_test_id("team-第一组")
    team.get_by_text(CULTURE[0], exact=True).wait_for(state="detached", timeout=5_000)
    alerts = page.get_by_test_id("alerts")
    alerts.get_by_text(CULTURE[0]).wait_for()  # the pulled member by name
    assert "执法证已吊销" in alerts.inner_text()
    console_app.shot("operation-alert.zh-CN")

    # The joint report in Chinese, its charts drawn by ECharts (SVG, printable).
    page.get_by_role("link", name="查看行动报告").click()
    page.locator("main h1", has_text="国庆“平安旅游”联合执法行动 行动报告").wait_for()
    console_app.settle()
    page.locator("main [role=img] svg").first.wait_for()  # no tasks: the bar chart only
    figures = page.get_by_test_id("report-figures").inner_text()
    assert "文化市场综合执法支队" in figures and "合计" in figures and "参与执法人员" in figures
    assert "期间预警" in page.inner_text("main")
    page.emulate_media(media="print")
    assert not page.locator("nav").is_visible()  # the menu is not printed
    page.emulate_media(media="screen")
    console_app.shot("operation-report.zh-CN")


def test_planner_adds_targets_from_both_directories_and_from_a_draw(console_app, start_services,
                                                                   service_config):
    """(c) Targets of a draft operation from the transport directory (picked by hand) and
    from a revealed draw's results (culture venues), split between the teams."""
    from services.common import xinyang
    from tests.browser.data import world

    start_services()
    ids = world(service_config)
    page = console_app.open(f"/operations/{ids['operation']}", role="planner", agency="CULTURE")
    picker = page.locator(".ant-card").filter(has=page.get_by_text("添加检查对象", exact=True))
    choose(page, picker, "所属单位", "交通运输综合执法支队")
    picker.get_by_role("button", name="查 询").or_(picker.get_by_role("button", name="查询")).click()
    directory = page.get_by_test_id("directory")
    coaches = [xinyang.entity_name("COACH_OPERATOR", i) for i in range(2)]
    for name in coaches:
        directory.locator("tr", has_text=name).get_by_role("checkbox").check()
    picker.get_by_role("button", name="加入所选对象（2）").click()
    picker.get_by_role("status").get_by_text("已加入 2 个检查对象", exact=False).wait_for()
    console_app.settle()
    tasks = page.get_by_test_id("tasks")
    for name in coaches:
        tasks.get_by_text(name, exact=True).wait_for()

    picker.get_by_role("tab", name="从抽查结果导入").click()
    picker.get_by_label("抽查", exact=True).click()
    page.locator('.ant-select-dropdown:visible .ant-select-item-option'
                 '[title^="2026年第4批文化市场双随机抽查（"]').click()
    picker.get_by_role("button", name="导入该次抽查的全部对象").click()
    picker.get_by_role("status").get_by_text("个检查对象", exact=False).wait_for()
    console_app.settle()
    heading = page.locator(".ant-card-head-title", has_text="检查任务")
    assert int(heading.inner_text().split("（")[1].rstrip("）")) > 2
    assert tasks.get_by_text("文化市场").count() >= 1
    console_app.shot("operation-targets.zh-CN")
