import datetime as dt
import json

from services.accountability.domain import (
    counts_from_rows, fix_on_the_spot, impose_sanction, officer_record, open_item,
    period_counts, period_counts_pipeline, record_finding)

from .conftest import NOW

F1, _ = record_finding("f1", "o1", "a", "COMPLAINT", NOW)
F2, _ = record_finding("f2", "o2", "b", "AUDIT", NOW + dt.timedelta(days=1))
F3, _ = record_finding("f3", "o1", "c", "AUDIT", NOW + dt.timedelta(days=60))
S1, _ = impose_sanction("s1", "f1", "OFF_POST_TRAINING", {"f1": F1}, NOW)
L1, _ = open_item("l1", "unit-3", "fix f1", NOW, finding_ids=["f1"])
L2, _ = fix_on_the_spot("l2", "o2", "fix f2", NOW, ["photo"])


def test_officer_record_collects_own_items():
    record = officer_record("o1", [F3, F2, F1], [S1], [L1, L2])
    assert [f["finding_id"] for f in record["findings"]] == ["f1", "f3"]
    assert [s["sanction_id"] for s in record["sanctions"]] == ["s1"]
    assert [i["item_id"] for i in record["ledger_items"]] == ["l1"]  # via its finding
    json.dumps(record)


def test_period_counts_reference():
    counts = period_counts([F1, F2, F3], [S1], [L1, L2], NOW, NOW + dt.timedelta(days=30))
    assert counts["findings_by_source"] == {"COMPLAINT": 1, "CASE_REVIEW": 0, "AUDIT": 1,
                                            "AUTOMATIC": 0}
    assert counts["sanctions_by_measure"]["OFF_POST_TRAINING"] == 1
    assert counts["ledger_items_by_status"] == {"OPEN": 1, "RECTIFIED": 1, "VERIFIED": 0,
                                                "OVERDUE": 0}


def test_pipeline_is_data_and_rows_shape_like_reference():
    start, end = NOW, NOW + dt.timedelta(days=30)
    pipeline = period_counts_pipeline(start, end)
    json.dumps(pipeline, default=str)
    assert pipeline[0] == {"$match": {"recorded_at": {"$gte": start, "$lt": end}}}
    unions = [s["$unionWith"]["coll"] for s in pipeline if "$unionWith" in s]
    assert unions == ["accountability_sanctions", "accountability_ledger_items"]
    rows = [{"facet": "findings_by_source", "key": "AUDIT", "count": 1},
            {"facet": "findings_by_source", "key": "COMPLAINT", "count": 1},
            {"facet": "sanctions_by_measure", "key": "OFF_POST_TRAINING", "count": 1},
            {"facet": "ledger_items_by_status", "key": "OPEN", "count": 1},
            {"facet": "ledger_items_by_status", "key": "RECTIFIED", "count": 1}]
    assert counts_from_rows(rows) == period_counts([F1, F2, F3], [S1], [L1, L2], start, end)
