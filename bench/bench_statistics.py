"""The annual-report statistics over a year of cases, computed in the database.

Bulk-inserts a year of data shaped as the services store it (100,000 cases, 70% culture,
with decisions, publications and justice filings in realistic shares, plus inspections),
then times the statistics aggregation pipeline for one agency and year, best of 3.
Baselines in the same run: a plain `count_documents` of the agency's cases over the same
collection (the cheapest question the database can be asked about those documents), and
the same figures computed in Python after loading the documents (what the pipeline saves).

    .venv/bin/python bench/bench_statistics.py [CASES]
"""
from __future__ import annotations

import datetime as dt
import random
import sys
import time

from _support import mongo_server, report

from services.common.clock import as_stored
from services.enforcement.domain.serial import canonical
from services.enforcement.domain.statistics import compute_statistics, statistics_pipeline

UTC = dt.timezone.utc
YEAR = (dt.datetime(2025, 1, 1, tzinfo=UTC), dt.datetime(2026, 1, 1, tzinfo=UTC))
OUTCOMES = (["PENALTY"] * 80 + ["NO_PENALTY_FIRST_VIOLATION"] * 10 + ["ADMINISTRATIVE_GUIDANCE"]
            * 5 + ["MEDIATION"] + ["NO_PENALTY_NOT_ESTABLISHED"] * 2 + ["TRANSFER"] * 2)
REPEATS = 3


def _entry(seq, at):
    return {"seq": seq, "subject": "case:x", "action": "STEP", "officer_ids": ["o1", "o2"],
            "at": canonical(at), "documents": [], "data": {}, "prev_hash": "0" * 64, "hash": "f" * 64}


def case(i: int, rng: random.Random) -> dict:
    agency = "CULTURE" if rng.random() < 0.7 else "TRANSPORT"
    filed = YEAR[0] + dt.timedelta(seconds=rng.randrange(365 * 86400))
    doc = {"_id": f"C{i:07d}", "agency": agency, "domain": "CULTURE_MARKET",
           "entity_id": f"ent_{i % 5000:06d}", "state": "FILED", "filed_at": as_stored(filed),
           "decision_due": (filed + dt.timedelta(days=90)).date().isoformat(),
           "party": {"name": "Party", "natural_person": False, "consent": {}},
           "record": [_entry(k, filed) for k in range(5)], "version": 5}
    if rng.random() < 0.85:
        decided = filed + dt.timedelta(days=rng.randrange(5, 80))
        outcome = rng.choice(OUTCOMES)
        major = outcome == "PENALTY" and rng.random() < 0.1
        doc.update(state="CLOSED", decision={
            "draft": {"outcome": outcome}, "decided_at": as_stored(decided), "major": major,
            "legal_review_approved": major or rng.random() < 0.3,
            "justice_filing_required": major, "publication_required": outcome == "PENALTY"})
        if major:
            doc["justice_filing"] = {"filed_at": as_stored(decided), "reference": "SFJ"}
        if outcome == "PENALTY":
            published = decided + dt.timedelta(days=rng.randrange(1, 12))
            doc["publication"] = {"published_at": as_stored(published), "due": "", "channel": "",
                                  "late": published - decided > dt.timedelta(days=9)}
    return doc


def inspection(i: int, rng: random.Random) -> dict:
    at = YEAR[0] + dt.timedelta(seconds=rng.randrange(365 * 86400))
    return {"_id": f"I{i:07d}", "agency": rng.choice(("CULTURE", "TRANSPORT")),
            "entity_id": f"ent_{i % 5000:06d}", "performed_at": as_stored(at),
            "officer_ids": ["o1", "o2"], "findings": []}


def best(call) -> tuple[float, object]:
    times, result = [], None
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return min(times), result


def main(n_cases: int) -> None:
    import pymongo

    rng = random.Random(2025)
    with mongo_server() as uri:
        db = pymongo.MongoClient(uri, tz_aware=True)["bench_enforcement_statistics"]
        db.cases.drop(), db.inspections.drop()
        started = time.perf_counter()
        for start in range(0, n_cases, 5000):
            db.cases.insert_many([case(i, rng) for i in range(start, min(n_cases,
                                                                          start + 5000))])
        db.inspections.insert_many([inspection(i, rng) for i in range(n_cases // 4)])
        inserted = time.perf_counter() - started
        pipeline = statistics_pipeline("CULTURE", *YEAR)
        aggregation, figures = best(lambda: next(db.cases.aggregate(pipeline)))
        count, _ = best(lambda: db.cases.count_documents({"agency": "CULTURE"}))
        python, reference = best(lambda: compute_statistics(
            list(db.cases.find({"agency": "CULTURE"})), list(db.inspections.find()),
            "CULTURE", *YEAR))
        assert {k: figures[k] for k in reference} == reference, "pipeline != reference"
    print(f"{n_cases} cases + {n_cases // 4} inspections inserted in {inserted:.1f}s; "
          f"CULTURE {YEAR[0].year}: {figures}")
    report("statistics", [
        {"name": f"aggregation over {n_cases} cases", "value": aggregation, "unit": "s",
         "baseline": count, "baseline_name": "count_documents", "better": "lower"},
        {"name": "aggregation vs loading into Python", "value": aggregation, "unit": "s",
         "baseline": python, "baseline_name": "find()+compute_statistics", "better": "lower"},
    ])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
