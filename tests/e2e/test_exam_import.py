"""Exam results from a CSV file (考试成绩导入) through the gateway: each row is checked and
recorded on its own; rows with errors come back with their code and column and change
nothing; the valid rows are recorded; another agency's officer is refused on its row."""
import json

import pytest

from tests.e2e.test_certification import ADMIN_CU, ADMIN_TR, api, register  # noqa: F401
from tests.integration.cert_support import day, valid_id

pytestmark = pytest.mark.e2e
IMPORT = """mutation($csv: String!) { importExamResults(input: {csv: $csv}) {
    result { recorded rows { line officerId name errors { code field } } }
    errors { code field } } }"""
HISTORY = "query($id: ID!) { officerHistory(officerId: $id) { entries { kind data } } }"


def exams_of(gql, officer_id, who=ADMIN_CU):
    entries = gql(HISTORY, {"id": officer_id}, **who)["data"]["officerHistory"]["entries"]
    data = [json.loads(e["data"]) for e in entries if e["kind"] == "EXAM_RECORDED"]
    return sorted((d["exam"], d["score"]) for d in data)


def wrong_check(number):
    return number[:-1] + ("0" if number[-1] != "0" else "1")


def test_a_file_of_good_and_bad_rows(api, gql):
    zhou = register(api, "周晓梅", id_number=valid_id("41150219900101002"))["officer"]["id"]
    wu = register(api, "吴志强", id_number=valid_id("41150319870512003"))["officer"]["id"]
    other = register(api, "郑红", "TRANSPORT", valid_id("41152419860707004"),
                     who=ADMIN_TR)["officer"]["id"]
    unknown = valid_id("41152219800101009")
    csv = "\n".join([
        "\ufeff公民身份号码,姓名,考试科目,成绩,考试日期",
        f"{valid_id('41150219900101002')},周晓梅,公共法律知识考试,86,{day(-3)}",   # 2 ok
        f"{valid_id('41150319870512003')},吴志强,PROFESSIONAL_LAW,72.5,{day(-3)}",  # 3 ok
        f"{wrong_check(valid_id('41150219900101002'))},周晓梅,公共法律知识考试,86,{day(-3)}",  # 4
        f"{unknown},王某,公共法律知识考试,90,{day(-3)}",                          # 5 no officer
        f"{valid_id('41150219900101002')},周小梅,专业法律知识考试,90,{day(-3)}",    # 6 name
        f"{valid_id('41150319870512003')},吴志强,民法考试,90,{day(-3)}",            # 7 exam kind
        f"{valid_id('41150319870512003')},吴志强,公共法律知识考试,120,{day(-3)}",   # 8 score
        f"{valid_id('41150319870512003')},吴志强,公共法律知识考试,80,{day(5)}",     # 9 future
        f"{valid_id('41152419860707004')},郑红,公共法律知识考试,80,{day(-3)}",      # 10 agency
        ",,,,",                                                                   # blank: skipped
    ])
    body = gql(IMPORT, {"csv": csv}, **ADMIN_CU)
    result = body["data"]["importExamResults"]["result"]
    assert result["recorded"] == 2
    rows = {r["line"]: r for r in result["rows"]}
    assert sorted(rows) == list(range(2, 11))
    assert rows[2]["officerId"] == zhou and rows[3]["officerId"] == wu
    assert rows[2]["errors"] == rows[3]["errors"] == []
    errors = {line: [(e["code"], e["field"]) for e in rows[line]["errors"]]
              for line in range(4, 11)}
    assert errors == {
        4: [("INVALID_ID_NUMBER", ["idNumber"])], 5: [("NOT_FOUND", ["idNumber"])],
        6: [("NAME_MISMATCH", ["name"])], 7: [("INVALID_INPUT", ["exam"])],
        8: [("INVALID_INPUT", ["score"])], 9: [("INVALID_INPUT", ["takenOn"])],
        10: [("FORBIDDEN", None)]}
    assert all(rows[line]["officerId"] is None for line in range(4, 11))
    # Only the good rows were recorded.
    assert exams_of(gql, zhou) == [("PUBLIC_LAW", 86.0)]
    assert exams_of(gql, wu) == [("PROFESSIONAL_LAW", 72.5)]
    assert exams_of(gql, other, ADMIN_TR) == []


def test_a_file_without_the_columns_is_refused_whole(api, gql):
    body = gql(IMPORT, {"csv": "name,score\n周晓梅,80\n"}, **ADMIN_CU)
    payload = body["data"]["importExamResults"]
    assert payload["result"] is None
    assert payload["errors"] == [{"code": "INVALID_INPUT", "field": ["input", "csv"]}]
    refused = gql(IMPORT, {"csv": "x"}, roles=("planner",), agency="CULTURE")
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
