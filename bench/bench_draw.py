"""Benchmark the draw at 10k, 100k and 1M entities (50k inspectors at 1M).

Each size runs in a fresh subprocess so peak-memory figures are separate. Reported:
snapshot hashing time, draw time (hashes cached) and their total, tracemalloc peak of the
draw (Python + numpy allocations), ru_maxrss growth during the draw, and a baseline:
plain `rng.choice` of as many entities without any rule, with the ratio.

    .venv/bin/python bench/bench_draw.py            # all sizes
    .venv/bin/python bench/bench_draw.py --child 1000000
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _support import report  # noqa: E402
from services.draws.domain import (  # noqa: E402
    DirectorySnapshot, RosterSnapshot, RuleSet, run_draw)

SIZES = (10_000, 100_000, 1_000_000)
INSPECTORS_PER_ENTITY = 50_000 / 1_000_000


def synthetic(n: int):
    rng = np.random.default_rng(n)  # inputs only; the draw has its own PRNG
    ids = [f"E{i:09d}" for i in range(n)]
    directory = DirectorySnapshot.from_codes(
        ids, ("culture", "transport"), rng.choice(2, n, p=[0.7, 0.3]),
        tuple(f"cat{c:02d}" for c in range(12)), rng.integers(0, 12, n),
        ("HIGH", "LOW", "MEDIUM"), rng.choice(3, n, p=[0.1, 0.7, 0.2]), rng.random(n) < 0.005)
    n_insp = max(int(n * INSPECTORS_PER_ENTITY), 50)
    insp = [f"I{i:06d}" for i in range(n_insp)]
    agency = ["culture" if a else "transport" for a in (rng.random(n_insp) < 0.7)]
    picks = rng.integers(0, n, n // 15)  # last-time inspections and declared conflicts
    recusals = [(insp[int(k) % n_insp], ids[int(e)], "last_inspected" if k % 10 else "conflict")
                for k, e in zip(rng.integers(0, n_insp, len(picks)), picks)]
    roster = RosterSnapshot.build(insp, agency, recusals)
    rules = RuleSet.build({"LOW": "0.01", "MEDIUM": "0.02", "HIGH": "0.1"},
                          {"cat03": {"HIGH": "0.3"}}, max_checks_per_inspector=10)
    return directory, roster, rules


def child(n: int) -> dict:
    directory, roster, rules = synthetic(n)
    t0 = time.perf_counter()
    _ = directory.content_hash, roster.content_hash, rules.content_hash
    hash_s = time.perf_counter() - t0
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    draw = run_draw(directory, roster, rules, "bench-seed")
    draw_s = time.perf_counter() - t0
    rss_delta_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    tracemalloc.start()
    run_draw(directory, roster, rules, "bench-seed-2")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rng = np.random.default_rng(1)
    t0 = time.perf_counter()
    rng.choice(n, size=draw.entity_count, replace=False)
    base_s = time.perf_counter() - t0
    return {"entities": n, "inspectors": len(roster), "recusals": len(roster.recusals),
            "drawn": draw.entity_count, "hash_s": hash_s, "draw_s": draw_s,
            "total_s": hash_s + draw_s, "trace_peak_mb": peak / 2**20,
            "rss_delta_mb": rss_delta_kb / 1024,
            "rss_total_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "baseline_s": base_s, "ratio": draw_s / base_s}


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(child(int(sys.argv[2]))))
        return
    print(f"{'entities':>9} {'insp':>6} {'drawn':>6} {'hash s':>7} {'draw s':>7} {'total s':>7}"
          f" {'trace MB':>8} {'dRSS MB':>7} {'RSS MB':>6} {'choice s':>8} {'ratio':>6}")
    rows = []
    for n in SIZES:
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out)
        rows += [{"name": f"draw at {n} entities ({r['drawn']} drawn)", "value": r["draw_s"],
                  "unit": "s", "baseline": r["baseline_s"],
                  "baseline_name": "rng.choice of as many", "better": "lower"},
                 {"name": f"draw at {n} entities, peak traced memory",
                  "value": r["trace_peak_mb"], "unit": "MB", "better": "lower"}]
        print(f"{r['entities']:>9} {r['inspectors']:>6} {r['drawn']:>6} {r['hash_s']:>7.3f}"
              f" {r['draw_s']:>7.3f} {r['total_s']:>7.3f} {r['trace_peak_mb']:>8.1f}"
              f" {r['rss_delta_mb']:>7.1f} {r['rss_total_mb']:>6.0f} {r['baseline_s']:>8.4f}"
              f" {r['ratio']:>6.0f}")
    report("draw", rows)


if __name__ == "__main__":
    main()
