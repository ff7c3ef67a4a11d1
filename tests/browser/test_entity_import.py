"""Console part 2: an enforcement officer imports entities from a CSV file on /entities; the
per-row report names each bad row's column and reason in Chinese, and the good rows show in
the directory."""
import pytest

from tests.browser.part2 import button

pytestmark = pytest.mark.e2e

CSV = "\n".join([
    "统一社会信用代码,名称,类别,风险等级,许可证号",
    "91411502MA9BRW001X,浉河区极速网吧,INTERNET_CAFE,高风险,WH-411502-101",
    "91411502MA9BRW002X,,INTERNET_CAFE,LOW,WH-411502-102",
    "91411502MA9BRW003X,某客运站,COACH_OPERATOR,LOW,",
])


def test_officer_imports_entities_with_a_report_per_row(console_app, start_services):
    start_services("culture")
    app = console_app
    page = app.open("/entities", role="enforcement_officer", agency="CULTURE")
    card = page.get_by_test_id("entity-import")
    card.get_by_label("CSV文件").set_input_files(
        files=[{"name": "检查对象.csv", "mimeType": "text/csv", "buffer": CSV.encode()}])
    button(card, "导入").click()
    summary = card.get_by_test_id("entity-import-summary")
    summary.wait_for()
    assert summary.inner_text() == "已导入 1 行（新增 1 家，合并 0 家），2 行有误未导入"
    table = card.locator(".ant-table").inner_text()
    assert "名称：缺失或格式不正确" in table
    assert "类别：未知的检查对象类别" in table
    assert table.count("未导入") == 2
    page.locator("main tbody tr", has_text="浉河区极速网吧").first.wait_for()
    app.shot("entities-import.zh-CN")
    # Checked hovered too: a pointer resting on the primary button is how it is read.
    button(card, "导入").hover()
    assert app.axe() == []


def test_the_directory_pages_by_number_with_its_total(console_app, start_services):
    """Every list pages the same way (console/src/lib/paging.tsx): numbered pages over
    `first` + `offset` with the total; a filter goes back to page 1."""
    start_services("culture")
    rows = [f"91411502MA9BRP{n:03d}X,翻页网吧{n:02d},INTERNET_CAFE,LOW,WH-411502-2{n:02d}"
            for n in range(1, 26)]
    app = console_app
    page = app.open("/entities", role="enforcement_officer", agency="CULTURE")
    card = page.get_by_test_id("entity-import")
    card.get_by_label("CSV文件").set_input_files(files=[{
        "name": "翻页.csv", "mimeType": "text/csv",
        "buffer": "\n".join(["统一社会信用代码,名称,类别,风险等级,许可证号", *rows]).encode()}])
    button(card, "导入").click()
    card.get_by_test_id("entity-import-summary").wait_for()
    page.get_by_label("名称", exact=True).fill("翻页网吧")
    page.get_by_role("button", name="查 询").or_(page.get_by_role("button", name="查询")).click()
    main = page.get_by_test_id("entity-list")
    main.get_by_text("共 25 家").wait_for()
    assert main.locator("tbody tr").count() == 20
    main.locator(".ant-pagination-item-2").click()
    main.locator("tbody tr", has_text="翻页网吧25").wait_for()
    assert main.locator("tbody tr").count() == 5
    assert main.locator("tbody tr", has_text="翻页网吧01").count() == 0
