"""The gateway under load: N concurrent clients (threads in a process of their own, httpx,
loopback only) for a bounded time, each looping over a realistic mix: 6 officerQualification
checks, 2 officerQualifications batches of 10, then recordFinding and imposeSanction
(CRITICISM_EDUCATION) for it (a fifth of the requests are mutations). Certification,
accountability and the gateway run as their own processes on a private broker vhost and a
throwaway database, with the demo roster.

Reported: throughput against GET /healthz by the same N clients (the gateway's HTTP floor,
no service call), p50/p99 against the same mix from one client on an idle stack, errors
(any non-200, GraphQL error or payload error), and the RSS of each process sampled every
second: growth from the first to the last quarter of the run.

    .venv/bin/python bench/bench_load.py [SECONDS] [CLIENTS]     # default 120 s, 16 clients
"""
from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

SINGLE = ("query($id: ID!) { officerQualification(officerId: $id, domain: CULTURE_MARKET) "
          "{ qualified reasons } }")
BATCH = ("query($c: [QualificationCheck!]!) { officerQualifications(checks: $c) "
         "{ qualified } }")
FINDING = ("mutation($i: FindingInput!) { recordFinding(input: $i) { finding { id } "
           "errors { code } } }")
SANCTION = ("mutation($i: SanctionInput!) { imposeSanction(input: $i) { sanction { id } "
            "errors { code } } }")
SERVICES = ("certification", "accountability", "gateway")
MAX_REQUESTS_PER_CLIENT = 200_000  # a second bound besides time
SECRET = "bench-secret-" + "0" * 32


# ---------------------------------------------------------------- the load (no eventlet)
def drive(url: str, token: str, ids: list[str], mode: str, clients: int, seconds: float):
    """`clients` threads for `seconds`; returns latencies (s) per kind and the errors."""
    deadline = time.monotonic() + seconds
    out = {"latency": [], "kinds": {}, "errors": []}
    lock = threading.Lock()

    def client(n):
        http = httpx.Client(timeout=30, headers={"Authorization": f"Bearer {token}"})
        mine, errors, sent = [], [], 0

        def call(kind, query=None, variables=None):
            started = time.perf_counter()
            try:
                if query is None:
                    r = http.get(url.replace("/graphql", "/healthz"))
                    body = r.json()
                else:
                    r = http.post(url, json={"query": query, "variables": variables})
                    body = r.json()
                    payload = next(iter((body.get("data") or {}).values()), None)
                    if body.get("errors") or (isinstance(payload, dict)
                                              and payload.get("errors")):
                        errors.append((kind, str(body)[:200]))
                if r.status_code != 200:
                    errors.append((kind, r.status_code))
            except (httpx.HTTPError, ValueError) as exc:
                errors.append((kind, repr(exc)))
                body = {}
            mine.append((kind, time.perf_counter() - started))
            return body

        while time.monotonic() < deadline and sent < MAX_REQUESTS_PER_CLIENT:
            if mode == "healthz":
                call("healthz")
                sent += 1
                continue
            for k in range(6):
                call("check", SINGLE, {"id": ids[(n * 7 + sent + k) % len(ids)]})
            for k in range(2):
                call("batch10", BATCH, {"c": [{"officerId": ids[(sent + j) % len(ids)],
                                               "domain": "CULTURE_MARKET"} for j in range(10)]})
            body = call("recordFinding", FINDING, {"i": {
                "officerId": ids[(n + sent) % len(ids)], "description": f"load {n}-{sent}"}})
            finding = ((body.get("data") or {}).get("recordFinding") or {}).get("finding")
            if finding:
                call("imposeSanction", SANCTION, {"i": {"findingId": finding["id"],
                                                        "measure": "CRITICISM_EDUCATION"}})
            sent += 10
        with lock:
            out["latency"] += [t for _, t in mine]
            for kind, t in mine:
                out["kinds"].setdefault(kind, []).append(t)
            out["errors"] += errors

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out["elapsed"] = time.monotonic() - started
    return out


def child(argv):
    url, token, ids, mode, clients, seconds = argv
    print(json.dumps(drive(url, token, ids.split(","), mode, int(clients), float(seconds))))


# ---------------------------------------------------------------- the stack
def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def running(amqp_uri, mongo_uri, services=SERVICES, **extra_env):
    """The named services (and the gateway) as processes; yields (graphql url, env, procs).
    `extra_env` overrides the environment (e.g. JOINTOPS_DB_PREFIX)."""
    from _support import ROOT, free_port

    port = free_port()
    env = dict(os.environ, JOINTOPS_AMQP_URI=amqp_uri, JOINTOPS_MONGO_URI=mongo_uri,
               JOINTOPS_JWT_SECRET=SECRET, JOINTOPS_GATEWAY_PORT=str(port),
               JOINTOPS_DB_PREFIX="benchload" + uuid.uuid4().hex[:6],
               JOINTOPS_LOG_LEVEL="WARNING",
               # the services run this checkout's code (the venv's editable install may
               # point at another worktree)
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT),
                                                        os.environ.get("PYTHONPATH")])))
    env.update(extra_env)
    jointops = str(ROOT / ".venv" / "bin" / "jointops")
    logs = ROOT / "var" / "bench" / "processes"  # what a process said before it died
    logs.mkdir(parents=True, exist_ok=True)
    procs = {name: subprocess.Popen([jointops, "serve", name], env=env, stderr=open(
        logs / f"{name}.log", "w")) for name in services}
    url = f"http://127.0.0.1:{port}/graphql"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(url.replace("/graphql", "/healthz"), timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs.values()):
                raise SystemExit("the stack did not come up")
            time.sleep(0.3)
        yield url, env, procs
    finally:
        for proc in procs.values():
            proc.terminate()
        for proc in procs.values():
            proc.wait(30)


def run_child(url, token, ids, mode, clients, seconds) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--drive", url, token, ",".join(ids),
                           mode, str(clients), str(seconds)], capture_output=True, text=True,
                          check=True, timeout=seconds + 120)
    return json.loads(proc.stdout.splitlines()[-1])


def sample_rss(procs, stop: threading.Event, samples: dict):
    while not stop.wait(1.0):
        for name, proc in procs.items():
            if proc.poll() is None:
                samples.setdefault(name, []).append(rss_mb(proc.pid))


def pct(values, q) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def main(seconds: float, clients: int):
    from _support import mongo_server, report  # puts the project on sys.path

    import services.common.runtime  # noqa: F401  (eventlet before pymongo and nameko)
    from nameko.standalone.rpc import ClusterRpcProxy

    from bench_sanction_propagation import vhost
    from gateway.auth import mint
    from services.certification import demo
    from services.common.clock import LOCAL_TZ
    from services.common.config import load
    from services.runner import nameko_config

    with ExitStack() as stack:
        mongo_uri = stack.enter_context(mongo_server())
        amqp_uri = stack.enter_context(vhost())
        url, env, procs = stack.enter_context(running(amqp_uri, mongo_uri))
        with ClusterRpcProxy(nameko_config(load(env)), timeout=60) as rpc:
            demo.load(rpc)
        rows, suspended = demo.roster(dt.datetime.now(LOCAL_TZ).date())
        ids = [r["officer_id"] for r in rows if r["officer_id"] not in suspended]
        token = mint(SECRET, "bench-load", ["accountability_officer", "cross_agency"])
        run_child(url, token, ids, "mix", 2, 5)                    # warm-up
        idle = run_child(url, token, ids, "mix", 1, 10)            # latency baseline
        floor = run_child(url, token, ids, "healthz", clients, 10)  # throughput baseline
        stop, samples = threading.Event(), {}
        sampler = threading.Thread(target=sample_rss, args=(procs, stop, samples))
        sampler.start()
        loaded = run_child(url, token, ids, "mix", clients, seconds)
        stop.set()
        sampler.join()
    rate, floor_rate = (len(loaded["latency"]) / loaded["elapsed"],
                        len(floor["latency"]) / floor["elapsed"])
    errors = len(loaded["errors"])
    out = [{"name": f"mixed throughput, {clients} clients, {seconds:.0f} s", "value": rate,
            "unit": "requests/s", "baseline": floor_rate,
            "baseline_name": f"GET /healthz, {clients} clients", "better": "higher"},
           {"name": f"errors in {len(loaded['latency'])} requests", "value": errors,
            "unit": "errors", "goal": f"0: {'met' if errors == 0 else 'MISSED'}",
            "better": "lower"}]
    for q in (50, 99):
        out.append({"name": f"mixed latency p{q} under load", "value": pct(loaded["latency"], q),
                    "unit": "ms", "baseline": pct(idle["latency"], q),
                    "baseline_name": f"same mix, 1 client, idle, p{q}", "better": "lower",
                    "goal": "<= 1000 ms: " + ("met" if pct(loaded["latency"], q) <= 1000
                                              else "MISSED") if q == 99 else None})
    for kind, values in sorted(loaded["kinds"].items()):
        out.append({"name": f"{kind} p99 under load ({len(values)})", "value": pct(values, 99),
                    "unit": "ms", "baseline": pct(idle["kinds"][kind], 99),
                    "baseline_name": "idle p99", "better": "lower"})
    for name, values in sorted(samples.items()):
        quarter = max(1, len(values) // 4)
        first, last = statistics.mean(values[:quarter]), statistics.mean(values[-quarter:])
        growth = (last - first) / first * 100
        out.append({"name": f"{name} RSS, last quarter of the run", "value": last, "unit": "MB",
                    "baseline": first, "baseline_name": "first quarter",
                    "goal": f"growth < 10%: {growth:+.1f}% "
                            f"{'met' if growth < 10 else 'MISSED'}", "better": "lower"})
    if loaded["errors"]:
        print("first errors:", loaded["errors"][:5])
    report("load", out)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--drive"]:
        child(sys.argv[2:])
    else:
        main(float(sys.argv[1]) if len(sys.argv) > 1 else float(
            os.environ.get("BENCH_LOAD_SECONDS", 120)),
             int(sys.argv[2]) if len(sys.argv) > 2 else 16)
