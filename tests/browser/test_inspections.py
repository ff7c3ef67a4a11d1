"""Console part 2: an enforcement officer finds an entity in the directory, records an
inspection from its page (a team of one is refused on the team field, in Chinese), and
the inspection shows in the entity's history and the inspections list."""
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from tests.browser.part2 import SOLE_TRADER, button, culture_team_and_cafe, field_error, pick

pytestmark = pytest.mark.e2e


def test_officer_records_an_inspection_from_the_directory(console_app, start_services,
                                                          service_config):
    start_services("certification", "culture")
    with ClusterRpcProxy(service_config) as rpc:
        culture_team_and_cafe(rpc)
    app = console_app
    page = app.open("/entities", role="enforcement_officer", agency="CULTURE")
    page.get_by_label("名称", exact=True).fill("刘")
    button(page.locator("main form"), "查询").click()
    app.settle()
    page.get_by_role("link", name=SOLE_TRADER).click()
    page.locator("main h1", has_text=SOLE_TRADER).wait_for()
    app.settle()
    button(page.locator("main"), "记录行政检查").click()
    page.locator("main h1", has_text="记录行政检查").wait_for()
    app.settle()
    form = page.locator("main form")
    pick(page, "检查人员（至少2名持证人员）", "王建国")
    page.keyboard.press("Escape")
    form.get_by_label("检查事项", exact=True).fill("是否接纳未成年人")
    button(form, "添加问题").click()
    form.get_by_label("问题描述", exact=True).fill("发现两名未成年人在上网")
    button(form, "记录行政检查").click()
    error = field_error(form, "检查人员（至少2名持证人员）")
    error.wait_for()
    assert error.inner_text() == "执法人员不足2人"
    pick(page, "检查人员（至少2名持证人员）", "李秀英")
    page.keyboard.press("Escape")
    button(form, "记录行政检查").click()
    app.wait_path("^/console/inspections$")
    row = page.locator("tbody tr", has_text="发现两名未成年人在上网")
    row.wait_for()
    assert SOLE_TRADER in row.inner_text() and "王建国、李秀英" in row.inner_text()
    app.shot("inspections-recorded.zh-CN")
