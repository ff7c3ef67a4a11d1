"""The soak: steady mixed load through the gateway for minutes, and each process's memory.

The stack of bench_load.py (certification, accountability, the gateway, and audit, which
consumes every event, as deployed) on a private broker vhost and a throwaway database,
with the demo roster; N clients loop over bench_load's mix (officerQualification checks
and batches, recordFinding, imposeSanction) for the whole run. Each process's RSS is
sampled every 2 s. The first minute is warm-up: its last 15 s are the baseline, the last
15 s of the run the value; the figure is the growth (goal < 5% for every process). The
slope after warm-up (MB per minute, least squares) is printed beside it: a flat process
has a slope near 0 whatever the noise.

    .venv/bin/python bench/bench_soak.py [--minutes 10] [--clients 8] [--trace DIR]
                                         [--trace-only certification,...]

--trace DIR: every process also writes what grew since minute 1, by allocation site, to
DIR/<process>.memory.txt (services/common/memory_report.py; tracing slows every process,
so the figures of a traced run are not comparable; with JOINTOPS_MEMORY_REPORT_TRACE=0 the
report has RSS, malloc totals and live objects by type only, at the process's own speed).

`make bench` runs it for BENCH_SOAK_MINUTES (default 10).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import threading
from contextlib import ExitStack

WARM_UP, WINDOW, EVERY, GOAL = 60.0, 15.0, 2.0, 5.0
SERVICES = ("certification", "accountability", "gateway", "audit")


def sample(procs, stop, samples, started, clock):
    from bench_load import rss_mb

    while not stop.wait(EVERY):
        for name, proc in procs.items():
            if proc.poll() is None:
                samples.setdefault(name, []).append((clock() - started, rss_mb(proc.pid)))


def slope(points) -> float:
    """MB per minute, least squares."""
    xs, ys = [t / 60 for t, _ in points], [v for _, v in points]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var if var else 0.0


def figures(samples: dict, seconds: float) -> list[dict]:
    rows = []
    for name, points in sorted(samples.items()):
        base = [v for t, v in points if WARM_UP - WINDOW <= t <= WARM_UP]
        end = [v for t, v in points if t >= seconds - WINDOW]
        after = [(t, v) for t, v in points if t >= WARM_UP]
        if not base or not end:
            rows.append({"name": f"{name} RSS growth after warm-up", "value": 0.0, "unit": "%",
                         "goal": f"< {GOAL:.0f}%: no verdict (too few samples)"})
            continue
        first, last = statistics.median(base), statistics.median(end)
        growth = (last - first) / first * 100
        rows.append({"name": f"{name} RSS at the end ({seconds / 60:.0f} min)", "value": last,
                     "unit": "MB", "baseline": first,
                     "baseline_name": "after the first minute (warm-up)",
                     "goal": f"growth < {GOAL:.0f}%: {growth:+.1f}% "
                             f"{'met' if growth < GOAL else 'MISSED'}", "better": "lower"})
        rows.append({"name": f"{name} RSS slope after warm-up", "value": slope(after),
                     "unit": "MB/min", "better": "lower"})
    return rows


def main(minutes: float, clients: int, trace: str | None = None):
    from _support import mongo_server, report  # puts the project on sys.path

    import services.common.runtime  # noqa: F401  (eventlet before pymongo and nameko)
    import time

    from nameko.standalone.rpc import ClusterRpcProxy

    from bench_load import SECRET, run_child, running
    from bench_sanction_propagation import vhost
    from gateway.auth import mint
    from services.certification import demo
    from services.common.clock import LOCAL_TZ
    from services.common.config import load
    from services.runner import nameko_config

    seconds = minutes * 60
    if trace:
        os.makedirs(trace, exist_ok=True)
        os.environ["JOINTOPS_MEMORY_REPORT"] = os.path.abspath(trace)
    with ExitStack() as stack:
        mongo_uri = stack.enter_context(mongo_server())
        amqp_uri = stack.enter_context(vhost())
        url, env, procs = stack.enter_context(running(amqp_uri, mongo_uri, SERVICES))
        with ClusterRpcProxy(nameko_config(load(env)), timeout=60) as rpc:
            demo.load(rpc)
        rows, suspended = demo.roster(dt.datetime.now(LOCAL_TZ).date())
        ids = [r["officer_id"] for r in rows if r["officer_id"] not in suspended]
        token = mint(SECRET, "bench-soak", ["accountability_officer", "cross_agency"])
        stop, samples = threading.Event(), {}
        started = time.monotonic()
        sampler = threading.Thread(target=sample, args=(procs, stop, samples, started,
                                                        time.monotonic))
        sampler.start()
        try:
            loaded = run_child(url, token, ids, "mix", clients, seconds)
        finally:
            stop.set()
            sampler.join()
        exited = [name for name, proc in procs.items() if proc.poll() is not None]
    requests, errors = len(loaded["latency"]), len(loaded["errors"])
    out = [{"name": f"mixed load, {clients} clients, {minutes:g} min", "value":
            requests / loaded["elapsed"], "unit": "requests/s", "better": "higher"},
           {"name": f"errors in {requests} requests", "value": errors, "unit": "errors",
            "goal": f"0: {'met' if errors == 0 and not exited else 'MISSED'}"
                    + (f" (exited: {', '.join(exited)})" if exited else ""),
            "better": "lower"}]
    out += figures(samples, seconds)
    if loaded["errors"]:
        print("first errors:", loaded["errors"][:5])
    report("soak" + (" (traced: not comparable)" if trace else ""), out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float,
                        default=float(os.environ.get("BENCH_SOAK_MINUTES", 10)))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--trace", help="a directory for each process's allocation report")
    parser.add_argument("--trace-only", help="trace these processes only (comma-separated)")
    args = parser.parse_args()
    if args.trace_only:
        os.environ["JOINTOPS_MEMORY_REPORT_ONLY"] = args.trace_only
    if args.minutes * 60 < 2 * WARM_UP:
        sys.exit("--minutes must be at least 2: the first minute is warm-up")
    main(args.minutes, args.clients, args.trace)
