"""What grows in a process's memory, for soak runs (bench/bench_soak.py --trace): with
JOINTOPS_MEMORY_REPORT=<directory>, the process traces its allocations (tracemalloc, which
slows it down: never in production) and every minute writes `<name>.memory.txt` there:
the allocation sites that grew most since the first minute (warm-up)."""
from __future__ import annotations

import linecache
import os
import tracemalloc
from pathlib import Path

import eventlet

EVERY, TOP = 60.0, 25


def start(name: str) -> None:
    folder = os.environ.get("JOINTOPS_MEMORY_REPORT")
    only = os.environ.get("JOINTOPS_MEMORY_REPORT_ONLY")  # e.g. "certification,gateway"
    if not folder or (only and name not in only.split(",")):
        return
    tracemalloc.start(8)
    eventlet.spawn(_report, Path(folder) / f"{name}.memory.txt")


def _snapshot():
    # what the report itself allocates (snapshots, source lines) is not the process's
    return tracemalloc.take_snapshot().filter_traces([
        tracemalloc.Filter(False, f) for f in (tracemalloc.__file__, linecache.__file__,
                                               __file__)])


def _report(path: Path) -> None:
    eventlet.sleep(EVERY)
    first, minutes = _snapshot(), 1
    while True:
        eventlet.sleep(EVERY)
        minutes += 1
        now = _snapshot()
        grown = now.compare_to(first, "traceback")[:TOP]
        lines = [f"after {minutes} min, growth since minute 1 by allocation site:"]
        for stat in grown:
            lines.append(f"{stat.size_diff / 1024:+.0f} KiB in {stat.count_diff:+d} blocks")
            lines += [f"    {frame}" for frame in stat.traceback.format()[-12:]]
        path.write_text("\n".join(lines) + "\n")
