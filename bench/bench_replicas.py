"""What replication costs: bench_load's mix (qualification checks, batches, findings and
sanctions through the gateway) from the same clients for the same time, on
- one process per service and one gateway on one broker node (the baseline),
- two processes of every service and two gateways (clients split between them),
- one process per service on a three-node RabbitMQ cluster with quorum queues,
each against the baseline measured in the same run. On a 2-core machine a speed-up is not
expected: the figures say what replicas (lease, polling, more processes) and quorum queues
(every message replicated to three nodes) cost.

    .venv/bin/python bench/bench_replicas.py [SECONDS] [CLIENTS]   # default 30 s, 8 clients
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

SERVICES = ("certification", "accountability", "audit")


@contextmanager
def running(amqp_uri, mongo_uri, replicas: int, queue_type: str):
    from _support import ROOT, free_port
    from bench_load import SECRET

    env = dict(os.environ, JOINTOPS_AMQP_URI=amqp_uri, JOINTOPS_MONGO_URI=mongo_uri,
               JOINTOPS_JWT_SECRET=SECRET, JOINTOPS_QUEUE_TYPE=queue_type,
               JOINTOPS_DB_PREFIX="benchrep" + uuid.uuid4().hex[:6],
               JOINTOPS_LOG_LEVEL="WARNING")
    jointops = str(ROOT / ".venv" / "bin" / "jointops")
    from services.common.config import load
    from services.runner import declare_topology

    declare_topology(load(env))
    procs, urls = [], []
    try:
        for _ in range(replicas):
            procs += [subprocess.Popen([jointops, "serve", name], env=env,
                                       stderr=subprocess.DEVNULL) for name in SERVICES]
            port = free_port()
            procs.append(subprocess.Popen([jointops, "serve", "gateway"], stderr=subprocess.DEVNULL,
                                          env=dict(env, JOINTOPS_GATEWAY_PORT=str(port))))
            urls.append(f"http://127.0.0.1:{port}/graphql")
        deadline = time.monotonic() + 120
        for url in urls:
            while True:
                try:
                    if httpx.get(url.replace("/graphql", "/healthz"), timeout=2).is_success:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                    raise SystemExit("the stack did not come up")
                time.sleep(0.3)
        yield urls, env
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)


def measure(urls, env, clients: int, seconds: float) -> dict:
    """The mix for `seconds`, the clients split evenly between the gateways."""
    import services.common.runtime  # noqa: F401
    from nameko.standalone.rpc import ClusterRpcProxy

    from bench_load import run_child
    from gateway.auth import mint
    from services.certification import demo
    from services.common.clock import LOCAL_TZ
    from services.common.config import load
    from services.runner import nameko_config

    with ClusterRpcProxy(nameko_config(load(env)), timeout=60) as rpc:
        demo.load(rpc)
    rows, suspended = demo.roster(dt.datetime.now(LOCAL_TZ).date())
    ids = [r["officer_id"] for r in rows if r["officer_id"] not in suspended]
    token = mint(env["JOINTOPS_JWT_SECRET"], "bench-replicas",
                 ["accountability_officer", "cross_agency"])
    for url in urls:
        run_child(url, token, ids, "mix", 1, 3)  # warm-up
    with ThreadPoolExecutor(len(urls)) as pool:
        runs = list(pool.map(lambda u: run_child(u, token, ids, "mix",
                                                 max(1, clients // len(urls)), seconds), urls))
    latency = sorted(x for r in runs for x in r["latency"])
    return {"rate": len(latency) / max(r["elapsed"] for r in runs), "latency": latency,
            "errors": sum(len(r["errors"]) for r in runs)}


@contextmanager
def cluster():
    from tests.faults.infra import RabbitCluster

    base = Path(tempfile.mkdtemp(prefix="jointops-bench-cluster-"))
    nodes = RabbitCluster(base)
    try:
        nodes.start()
        yield nodes.amqp_uri
    finally:
        nodes.stop()
        shutil.rmtree(base, ignore_errors=True)


def main(seconds: float, clients: int):
    from _support import mongo_server, report

    from bench_load import pct
    from bench_sanction_propagation import vhost

    results = {}
    variants = [("1 replica, 1 node", 1, "classic", False),
                ("2 replicas, 1 node", 2, "classic", False),
                ("1 replica, 3-node cluster, quorum queues", 1, "quorum", True)]
    for name, replicas, queue_type, on_cluster in variants:
        with ExitStack() as stack:
            mongo_uri = stack.enter_context(mongo_server())
            amqp_uri = stack.enter_context(cluster() if on_cluster else vhost())
            urls, env = stack.enter_context(running(amqp_uri, mongo_uri, replicas, queue_type))
            results[name] = measure(urls, env, clients, seconds)
            print(f"{name}: {results[name]['rate']:.1f} requests/s, "
                  f"{results[name]['errors']} errors", flush=True)
    base_name = variants[0][0]
    base = results[base_name]
    out = []
    for name, result in results.items():
        if name == base_name:
            continue
        out.append({"name": f"mixed throughput, {name}, {clients} clients", "value":
                    result["rate"], "unit": "requests/s", "baseline": base["rate"],
                    "baseline_name": base_name, "better": "higher"})
        out.append({"name": f"mixed latency p99, {name}", "value": pct(result["latency"], 99),
                    "unit": "ms", "baseline": pct(base["latency"], 99),
                    "baseline_name": base_name, "better": "lower"})
        out.append({"name": f"errors, {name}", "value": result["errors"], "unit": "errors",
                    "goal": f"0: {'met' if result['errors'] == 0 else 'MISSED'}",
                    "better": "lower"})
    report("replicas", out)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main(float(sys.argv[1]) if len(sys.argv) > 1 else float(
        os.environ.get("BENCH_REPLICAS_SECONDS", 30)),
         int(sys.argv[2]) if len(sys.argv) > 2 else 8)
