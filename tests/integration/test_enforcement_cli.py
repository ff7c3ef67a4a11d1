"""`jointops directory import` and `jointops directory case verify` against the running
services: merged duplicates, per-row errors with their lines, a broken record found."""
import pytest
from typer.testing import CliRunner

from services.cli.main import app
from tests.integration.test_enforcement_support import (  # noqa: F401  (fixtures)
    CULTURE, OFFICER, cafe_row, config, receiver, rpc)
from tests.integration.test_operations_support import ok

pytestmark = pytest.mark.integration
CSV = """registration_no,category,name,risk_level,licence,address
91320100MA1CAFE01X,INTERNET_CAFE,Star Net Cafe,MEDIUM,NC-001,1 Zhongshan Rd
91320100MA1KTV001X,ENTERTAINMENT_VENUE,Golden Voice KTV,HIGH,EV-7,
91320100MA1CAFE01X,INTERNET_CAFE,Star Net Cafe (new sign),HIGH,NC-001,
91320100MA1BAD001X,CASINO,Lucky House,LOW,,
,SCENIC_SPOT,No Number Park,LOW,,
"""


@pytest.fixture
def cli(rpc, config, monkeypatch):
    monkeypatch.setenv("JOINTOPS_AMQP_URI", config["AMQP_URI"])
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["directory", *args])


def test_import_merges_duplicates_and_lists_rejected_rows_by_line(cli, tmp_path):
    path = tmp_path / "culture.csv"
    path.write_text(CSV, encoding="utf-8")
    result = cli("import", "--agency", "CULTURE", str(path), "--batch", "2")
    assert result.exit_code == 1, result.output
    assert "5 rows: 2 created, 1 merged, 0 unchanged, 2 rejected" in result.output
    assert "UNKNOWN_CATEGORY" in result.output and "registration_no is required" in \
        result.output
    lines = [line.split("│")[1].strip() for line in result.output.splitlines()
             if "│" in line and ("CASINO" in line or "UNKNOWN" in line or "required" in line)]
    assert lines == ["5", "6"]
    assert CULTURE.Entity._get_collection().count_documents({}) == 2
    again = cli("import", "--agency", "CULTURE", str(path))
    assert "0 created, 0 merged, 2 unchanged" in again.output     # idempotent re-import


def test_case_verify_reports_intact_then_the_edited_entry(cli, rpc):
    entity_id = ok(rpc.culture.import_entities([cafe_row()]))["entity_ids"][0]
    case = ok(rpc.culture.file_case({"entity_id": entity_id, "officer_ids": ["cu-1", "cu-3"]},
                                    OFFICER))
    ok(rpc.culture.case_action(case["id"], "submit_for_legal_review",
                               {"officer_ids": ["cu-1", "cu-3"], "stage": "FILING"}, OFFICER))
    intact = cli("case", "verify", case["id"])
    assert intact.exit_code == 0 and "intact: 2 entries" in intact.output
    CULTURE.Case._get_collection().update_one({"_id": case["id"]},
                                              {"$set": {"record.0.at": "2020-01-01"}})
    broken = cli("case", "verify", case["id"])
    assert broken.exit_code == 1 and "BROKEN at entry 0: HASH_MISMATCH" in broken.output
    assert cli("case", "verify", "CUL-C-NOPE").exit_code == 2
