"""Entities from a CSV file (检查对象导入) through the gateway: Chinese headers, each row
checked by the culture service and imported on its own; rows with errors come back with
their code and column and change nothing; another agency's officer is refused."""
import pytest

pytestmark = pytest.mark.e2e
IMPORT = """mutation($agency: Agency!, $csv: String!) {
  importEnforcementEntities(input: {agency: $agency, csv: $csv}) {
    result { imported created merged unchanged
             rows { line registrationNo name errors { code field } } }
    errors { code field } } }"""
FIND = """query($no: String!) { enforcementEntities(agency: CULTURE, registrationNo: $no) {
  totalCount edges { node { name category riskLevel } } } }"""
CU_OFFICER = dict(roles=("enforcement_officer",), agency="CULTURE")
TR_OFFICER = dict(roles=("enforcement_officer",), agency="TRANSPORT")


def entities(gql, number):
    found = gql(FIND, {"no": number}, **CU_OFFICER)["data"]["enforcementEntities"]
    return [e["node"] for e in found["edges"]]


def test_good_rows_are_imported_and_bad_ones_reported_by_column(start_services, gql):
    start_services("culture")
    csv = "\n".join([
        "\ufeff统一社会信用代码,名称,类别,风险等级,许可证号",
        "91411502MA9IMP001X,浉河区星光网吧,INTERNET_CAFE,高风险,WH-411502-001",   # 2 ok
        "91411502MA9IMP002X,浉河区人民剧场,PERFORMANCE_VENUE,LOW,",           # 3 ok
        ",无号网吧,INTERNET_CAFE,LOW,WH-1",                                         # 4 no number
        "91411502MA9IMP004X,,INTERNET_CAFE,LOW,WH-2",                               # 5 no name
        "91411502MA9IMP005X,客运站,COACH_OPERATOR,LOW,",                            # 6 transport's
        "91411502MA9IMP006X,某书店,PUBLICATION_OUTLET,EXTREME,",                    # 7 risk level
        ",,,,",                                                                     # blank
    ])
    result = gql(IMPORT, {"agency": "CULTURE", "csv": csv}, **CU_OFFICER)[
        "data"]["importEnforcementEntities"]
    assert result["errors"] == [], result
    report = result["result"]
    assert (report["imported"], report["created"]) == (2, 2)
    rows = {r["line"]: r for r in report["rows"]}
    assert sorted(rows) == [2, 3, 4, 5, 6, 7]
    assert rows[2]["errors"] == rows[3]["errors"] == []
    assert {line: [(e["code"], e["field"]) for e in rows[line]["errors"]]
            for line in (4, 5, 6, 7)} == {
        4: [("INVALID_INPUT", ["registrationNo"])], 5: [("INVALID_INPUT", ["name"])],
        6: [("UNKNOWN_CATEGORY", ["category"])], 7: [("INVALID_INPUT", ["riskLevel"])]}
    assert entities(gql, "91411502MA9IMP001X") == [
        {"name": "浉河区星光网吧", "category": "INTERNET_CAFE", "riskLevel": "HIGH"}]
    for refused in ("91411502MA9IMP004X", "91411502MA9IMP005X", "91411502MA9IMP006X"):
        assert entities(gql, refused) == []

    # The same file again changes nothing; English headers work too.
    again = gql(IMPORT, {"agency": "CULTURE", "csv": csv}, **CU_OFFICER)[
        "data"]["importEnforcementEntities"]["result"]
    assert (again["created"], again["unchanged"]) == (0, 2)
    english = ("registration_no,name,category\n"
               "91411502MA9IMP002X,信阳人民剧场,PERFORMANCE_VENUE")
    merged = gql(IMPORT, {"agency": "CULTURE", "csv": english}, **CU_OFFICER)[
        "data"]["importEnforcementEntities"]["result"]
    assert merged["merged"] == 1
    assert entities(gql, "91411502MA9IMP002X")[0]["name"] == "信阳人民剧场"


@pytest.mark.parametrize("csv", ["", "名称,类别\n网吧,INTERNET_CAFE", "registration_no,name,"
                                 "category\n"])
def test_a_file_without_its_columns_or_rows_is_refused_whole(start_services, gql, csv):
    start_services("culture")
    result = gql(IMPORT, {"agency": "CULTURE", "csv": csv}, **CU_OFFICER)[
        "data"]["importEnforcementEntities"]
    assert result == {"result": None, "errors": [{"code": "INVALID_INPUT",
                                                  "field": ["input", "csv"]}]}


def test_an_officer_imports_only_into_their_own_agency(start_services, gql):
    start_services("culture")
    body = gql(IMPORT, {"agency": "CULTURE", "csv": "registration_no,name,category\n"
                        "91411502MA9IMP009X,某网吧,INTERNET_CAFE"}, **TR_OFFICER)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert entities(gql, "91411502MA9IMP009X") == []
