"""Shared by the benchmark scripts: infrastructure they need and how they report.

A benchmark measures and prints; it never asserts. Each figure is printed next to the
baseline measured in the same run, with the ratio, and (when BENCH_JSON names a file)
appended there for `make bench`'s report.
"""
from __future__ import annotations

import json
import time
import os
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    # Imported here, not at the top: scripts patch eventlet before pymongo loads.
    from services.cli.infra import free_port as port

    return port()


@contextmanager
def mongo_server():
    """The MongoDB named by JOINTOPS_MONGO_URI, or a throwaway embedded one."""
    if os.environ.get("JOINTOPS_MONGO_URI"):
        yield os.environ["JOINTOPS_MONGO_URI"]
        return
    from services.cli.infra import throwaway_mongo

    with throwaway_mongo("bench") as uri:
        yield uri


def report(bench: str, rows: list[dict]) -> None:
    """rows: {name, value, unit, baseline?, baseline_name?, goal?, better: 'higher'|'lower'}"""
    for row in rows:
        line = f"{bench}: {row['name']} = {row['value']:.4g} {row['unit']}"
        if row.get("baseline"):
            row["ratio"] = row["value"] / row["baseline"]
            line += (f" | baseline {row.get('baseline_name', '')} = {row['baseline']:.4g} "
                     f"{row['unit']} | ratio {row['ratio']:.2f}")
        elif "baseline" in row or row.get("baseline_name"):
            row["ratio"] = None  # said, not hidden: the report shows NO BASELINE
            line += f" | baseline {row.get('baseline_name', '')} is 0 or missing: no ratio"
        if row.get("goal"):
            line += f" | goal {row['goal']}"
        print(line, flush=True)
    target = os.environ.get("BENCH_JSON")
    if target:
        with open(target, "a") as out:
            for row in rows:
                out.write(json.dumps({"bench": bench, **row}) + "\n")


def time_until(probe, polls: list) -> float:
    """Seconds until `probe()` is truthy, polling tightly; each probe's round trip is
    appended to `polls` (the baseline: what one look costs)."""
    started = time.perf_counter()
    while True:
        before = time.perf_counter()
        done = probe()
        polls.append(time.perf_counter() - before)
        if done:
            return time.perf_counter() - started
