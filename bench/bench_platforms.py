"""Records to the platforms that receive them by law, through the real delivery service
and gateway (each its own process, as deployed; a loopback platform; a private broker vhost
and a throwaway database). Only the delivery service consumes the events here: the other
handlers of `inspection_recorded` (accountability, draws, operations) are not started, so
the figures are the delivery path's own.

1. Event -> delivered: for each of N inspections, publish its `inspection_recorded` event
   on the bus, then the time until the loopback platform has the record. p50/p99 against
   one direct httpx POST of the same body to the same platform (baseline).
2. Delivery throughput: publish M events at once; records delivered per second until the
   platform has all M, against M direct httpx POSTs one after another (one connection).

    .venv/bin/python bench/bench_platforms.py [N] [M]
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager

import httpx

from _support import ROOT, free_port, report
from bench_sanction_propagation import SECRET, mongo_server, pct, vhost
from gateway.auth import mint
from services.bus import envelope
from services.bus.relay import publish_envelopes
from tests.platform_receiver import PlatformReceiver


def event(inspection_id: str) -> dict:
    return envelope.make("enforcement.inspection_recorded.v1", {
        "inspection_id": inspection_id, "agency": "CULTURE", "domain": "CULTURE_MARKET",
        "entity_id": "ent_bench", "officer_ids": ["bench-1", "bench-2"],
        "performed_at": dt.datetime.now(dt.timezone.utc).isoformat(), "operation_id": None,
        "task_id": None, "findings_count": 0, "violation_found": False}, producer="culture")


@contextmanager
def stack(amqp_uri, mongo_uri):
    """delivery and the gateway; yields once `platforms` answers through the gateway."""
    port = free_port()
    env = dict(os.environ, JOINTOPS_AMQP_URI=amqp_uri, JOINTOPS_MONGO_URI=mongo_uri,
               JOINTOPS_JWT_SECRET=SECRET, JOINTOPS_GATEWAY_PORT=str(port),
               JOINTOPS_DB_PREFIX="bench" + uuid.uuid4().hex[:6], JOINTOPS_LOG_LEVEL="WARNING")
    jointops = str(ROOT / ".venv" / "bin" / "jointops")
    procs = [subprocess.Popen([jointops, "serve", name], env=env, stderr=subprocess.DEVNULL)
             for name in ("delivery", "gateway")]
    auth = {"Authorization": "Bearer " + mint(SECRET, "bench", ["planner"])}
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                answer = httpx.post(f"http://127.0.0.1:{port}/graphql", headers=auth,
                                    json={"query": "{ platforms { configured } }"}, timeout=5)
                if answer.status_code == 200 and "errors" not in answer.json():
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                raise SystemExit("the stack did not come up")
            time.sleep(0.2)
        yield
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)


def has(receiver, wanted: set) -> bool:
    return wanted <= {r["inspection_id"] for r in receiver.records()}


def main(n: int, m: int):
    receiver = PlatformReceiver()
    os.environ["JOINTOPS_PLATFORM_SUPERVISION_INSPECTIONS_URL"] = receiver.url
    os.environ["JOINTOPS_DELIVERY_RETRY_BASE_MS"] = "50"
    with vhost() as amqp, mongo_server() as mongo, \
            stack(amqp, mongo):
        publish_envelopes(amqp, [event("warm-up")])  # queues bound, dispatcher awake
        while not has(receiver, {"warm-up"}):
            time.sleep(0.01)
        direct, body = httpx.Client(timeout=10), json.dumps(
            {"record_type": "行政检查信息", "record": {"inspection_id": "direct"}}).encode()

        def post(i):
            direct.post(receiver.url, content=body, headers={
                "content-type": "application/json", "idempotency-key": f"direct-{i}"})
        baseline = []
        for i in range(max(n, 50)):
            started = time.perf_counter()
            post(i)
            baseline.append(time.perf_counter() - started)
        latencies = []
        for i in range(n):
            ident = f"lat-{i}"
            started = time.perf_counter()
            publish_envelopes(amqp, [event(ident)])
            while not has(receiver, {ident}):
                time.sleep(0.001)
            latencies.append(time.perf_counter() - started)
        rows = [{"name": f"inspection_recorded event -> platform has it p{q} ({n})",
                 "value": pct(latencies, q) * 1000, "unit": "ms",
                 "baseline": pct(baseline, q) * 1000,
                 "baseline_name": f"one direct httpx POST to the platform p{q}",
                 "better": "lower"} for q in (50, 99)]
        started = time.perf_counter()
        for i in range(m):
            post(f"t{i}")
        direct_rate = m / (time.perf_counter() - started)
        wanted = {f"thr-{i}" for i in range(m)}
        started = time.perf_counter()
        publish_envelopes(amqp, [event(ident) for ident in sorted(wanted)])
        while not has(receiver, wanted):
            time.sleep(0.005)
        rate = m / (time.perf_counter() - started)
        rows.append({"name": f"platform delivery throughput ({m} events at once)",
                     "value": rate, "unit": "records/s", "baseline": direct_rate,
                     "baseline_name": f"{m} direct httpx POSTs, one connection",
                     "better": "higher"})
        report("bench_platforms", rows)
    receiver.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100,
         int(sys.argv[2]) if len(sys.argv) > 2 else 500)
