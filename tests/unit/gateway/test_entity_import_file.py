"""Reading an entities CSV file in the gateway: header names in Chinese or English, any
order, each row keeping its line; a file without its columns or rows is refused whole."""
import pytest

from gateway.schema.entity_import import read_rows, report
from services.common.errors import DomainError


def test_chinese_headers_in_any_order_become_the_service_row_keys_with_their_line():
    rows = read_rows("\ufeff名称,风险等级,类别,统一社会信用代码\n"
                     "星光网吧,高风险,internet_cafe,91411502MA9IMP001X\n,,,\n"
                     "人民剧场,,PERFORMANCE_VENUE,91411502MA9IMP002X\n")
    assert rows == [
        {"name": "星光网吧", "risk_level": "HIGH", "category": "INTERNET_CAFE",
         "registration_no": "91411502MA9IMP001X", "line": 2},
        {"name": "人民剧场", "risk_level": "", "category": "PERFORMANCE_VENUE",
         "registration_no": "91411502MA9IMP002X", "line": 4}]


@pytest.mark.parametrize("text", ["", "  \n", "名称,类别\n网吧,INTERNET_CAFE",
                                  "registration_no,name,category\n,,\n"])
def test_a_file_without_its_columns_or_rows_is_refused(text):
    with pytest.raises(DomainError) as refused:
        read_rows(text)
    assert (refused.value.code, refused.value.field) == ("INVALID_INPUT", ["input", "csv"])


def test_the_report_names_each_error_by_its_column():
    rows = read_rows("registration_no,name,category\nA1,甲,INTERNET_CAFE\nA2,乙,NOPE\n")
    answer = {"created": 1, "merged": 0, "unchanged": 0, "entity_ids": ["x"], "errors": [
        {"line": 3, "field": "category", "code": "UNKNOWN_CATEGORY", "message": "no"}]}
    found = report(rows, answer)
    assert found["imported"] == 1
    assert [r["errors"] for r in found["rows"]] == [
        [], [{"code": "UNKNOWN_CATEGORY", "message": "no", "field": ["category"]}]]
