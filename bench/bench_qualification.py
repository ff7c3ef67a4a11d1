"""The qualification check's latency through the deployed path, against a raw baseline.

The certification service and the gateway run as their own processes (loopback, a
private broker vhost, a throwaway database) with the demo roster (46 officers). Measured,
1,000 sequential calls each after a warm-up:
- one officerQualification through GraphQL (httpx, keep-alive),
- the same check as a direct nameko RPC (certification.check_qualifications with one check),
- baseline: raw pika request/reply to a raw pika server that reads the officer's
  document with pymongo (no framework, no rule; both ends without eventlet);
and the time of one officerQualifications query with 100 checks against one with 1.
Goals: GraphQL check <= 3x the raw baseline; 100 checks <= 3x one check.

    .venv/bin/python bench/bench_qualification.py [N]
"""
from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from contextlib import ExitStack, contextmanager

QUERY = ("query($c: [QualificationCheck!]!) { officerQualifications(checks: $c) "
         "{ qualified reasons certificateNo } }")
SINGLE = ("query($id: ID!) { officerQualification(officerId: $id, domain: CULTURE_MARKET) "
          "{ qualified reasons certificateNo } }")
# An explicit moment is never served from the gateway's cache: the full RPC path.
SINGLE_AT = ("query($id: ID!, $at: DateTime) { officerQualification(officerId: $id, "
             "domain: CULTURE_MARKET, at: $at) { qualified reasons certificateNo } }")
WARMUP = 50


def pct(values, q) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def timed(n, call) -> list[float]:
    for _ in range(WARMUP):
        call(0)
    out = []
    for i in range(n):
        started = time.perf_counter()
        call(i)
        out.append(time.perf_counter() - started)
    return out


# ---------------------------------------------------------------- children (no eventlet)
def raw_server(amqp_uri, mongo_uri, db_name, queue):
    """Reply to each request with the officer document's version, read with pymongo."""
    import pika
    import pymongo

    officers = pymongo.MongoClient(mongo_uri)[db_name]["officers"]
    conn = pika.BlockingConnection(pika.URLParameters(amqp_uri))
    channel = conn.channel()
    channel.queue_declare(queue, auto_delete=True)

    def on_request(ch, method, props, body):
        doc = officers.find_one({"_id": json.loads(body)["officer_id"]}, {"version": 1})
        ch.basic_publish("", props.reply_to, json.dumps({"version": doc["version"]}),
                         pika.BasicProperties(correlation_id=props.correlation_id))
        ch.basic_ack(method.delivery_tag)

    channel.basic_consume(queue, on_request)
    print("ready", flush=True)
    channel.start_consuming()


def raw_client(amqp_uri, queue, n, ids):
    import pika

    conn = pika.BlockingConnection(pika.URLParameters(amqp_uri))
    channel = conn.channel()
    reply_to = channel.queue_declare("", exclusive=True).method.queue
    replies = {}
    channel.basic_consume(reply_to, lambda ch, m, p, body: replies.__setitem__(
        p.correlation_id, body), auto_ack=True)

    def call(i):
        cid = uuid.uuid4().hex
        channel.basic_publish("", queue, json.dumps({"officer_id": ids[i % len(ids)]}),
                              pika.BasicProperties(reply_to=reply_to, correlation_id=cid))
        while cid not in replies:
            conn.process_data_events(time_limit=None)
        replies.pop(cid)
    return timed(n, call)


def graphql_client(url, token, n, ids):
    import httpx

    http = httpx.Client(timeout=30, headers={"Authorization": f"Bearer {token}"})

    def post(query, variables):
        body = http.post(url, json={"query": query, "variables": variables}).json()
        if body.get("errors"):
            raise SystemExit(f"GraphQL error: {body['errors']}")
        return body

    checks = [{"officerId": ids[i % len(ids)], "domain": "CULTURE_MARKET"} for i in range(100)]
    at = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=1)).isoformat()
    checks_at = [{**c, "at": at} for c in checks]
    kinds = {"single": lambda i: post(SINGLE, {"id": ids[i % len(ids)]}),
             "single_at": lambda i: post(SINGLE_AT, {"id": ids[i % len(ids)], "at": at}),
             "one": lambda i: post(QUERY, {"c": checks[i % 100:i % 100 + 1]}),
             "hundred": lambda i: post(QUERY, {"c": checks}),
             "one_at": lambda i: post(QUERY, {"c": checks_at[i % 100:i % 100 + 1]}),
             "hundred_at": lambda i: post(QUERY, {"c": checks_at})}
    # Interleaved, so a busy moment on a shared machine weighs on every kind alike.
    out = {kind: [] for kind in kinds}
    for i in range(WARMUP + n):
        for kind, call in kinds.items():
            if not kind.startswith("single") and i % 5:
                continue  # batches: one round in five is plenty for a median
            started = time.perf_counter()
            call(i)
            if i >= WARMUP:
                out[kind].append(time.perf_counter() - started)
    out["calls"] = post(QUERY, {"c": checks_at})["extensions"]["serviceCalls"]
    return out


def child(kind, n, args) -> dict:
    proc = subprocess.run([sys.executable, __file__, f"--{kind}", str(n), *args],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.splitlines()[-1])


# ---------------------------------------------------------------- the run (eventlet)
@contextmanager
def running_stack(amqp_uri, mongo_uri, prefix, secret):
    """certification + gateway as deployed; yields the GraphQL URL when it answers."""
    import httpx

    from _support import ROOT, free_port
    from gateway.auth import mint

    port = free_port()
    env = dict(os.environ, JOINTOPS_AMQP_URI=amqp_uri, JOINTOPS_MONGO_URI=mongo_uri,
               JOINTOPS_JWT_SECRET=secret, JOINTOPS_GATEWAY_PORT=str(port),
               JOINTOPS_DB_PREFIX=prefix, JOINTOPS_LOG_LEVEL="WARNING")
    jointops = str(ROOT / ".venv" / "bin" / "jointops")
    procs = [subprocess.Popen([jointops, "serve", name], env=env, stderr=subprocess.DEVNULL)
             for name in ("certification", "gateway")]
    url, auth = f"http://127.0.0.1:{port}/graphql", mint(secret, "bench", ["cross_agency"])
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                body = httpx.post(url, json={"query": SINGLE, "variables": {"id": "x"}},
                                  headers={"Authorization": f"Bearer {auth}"}).json()
                if body.get("data"):
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                raise SystemExit("the stack did not come up")
            time.sleep(0.2)
        yield url, auth
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)


def main(n: int):
    from _support import mongo_server, report  # puts the project on sys.path

    import services.common.runtime  # noqa: F401  (eventlet before pymongo and nameko)
    from nameko.standalone.rpc import ClusterRpcProxy

    from bench_sanction_propagation import vhost
    from services.bus.rpc import unwrap
    from services.certification import demo
    from services.common.clock import LOCAL_TZ
    from services.common.config import load
    from services.runner import declare_topology, nameko_config

    prefix, secret = "bench" + uuid.uuid4().hex[:6], "bench-secret-" + "0" * 32
    with ExitStack() as stack:
        mongo_uri = stack.enter_context(mongo_server())
        amqp_uri = stack.enter_context(vhost())
        cfg = load({"JOINTOPS_AMQP_URI": amqp_uri, "JOINTOPS_MONGO_URI": mongo_uri,
                    "JOINTOPS_DB_PREFIX": prefix}, require_secret=False)
        declare_topology(cfg)
        url, token = stack.enter_context(running_stack(amqp_uri, mongo_uri, prefix, secret))
        rpc = stack.enter_context(ClusterRpcProxy(nameko_config(cfg), timeout=30))
        demo.load(rpc)
        rows, _ = demo.roster(dt.datetime.now(LOCAL_TZ).date())
        ids = [r["officer_id"] for r in rows[:44]]  # the certified ones
        rpc_times = timed(n, lambda i: unwrap(rpc.certification.check_qualifications(
            [{"officer_id": ids[i % len(ids)], "domain": "CULTURE_MARKET", "at": None}])))
        queue = "bench.qualification." + uuid.uuid4().hex[:8]
        server = subprocess.Popen([sys.executable, __file__, "--raw-server", amqp_uri, mongo_uri,
                                   cfg.db_name("certification"), queue],
                                  stdout=subprocess.PIPE, text=True)
        stack.callback(server.terminate)
        server.stdout.readline()  # "ready"
        raw = child("raw-client", n, [amqp_uri, queue, ",".join(ids)])
        gql = child("graphql-client", n, [url, token, ",".join(ids)])
    rows = []
    for q in (50, 99):
        base = pct(raw, q)
        rows += [{"name": f"GraphQL officerQualification p{q} ({n})", "value": pct(gql["single"], q),
                  "unit": "ms", "baseline": base, "baseline_name": f"raw pika+pymongo p{q}",
                  "goal": "<= 3x baseline" if q == 50 else None, "better": "lower"},
                 {"name": f"GraphQL officerQualification, explicit at (uncached) p{q} ({n})",
                  "value": pct(gql["single_at"], q), "unit": "ms", "baseline": base,
                  "baseline_name": f"raw pika+pymongo p{q}", "better": "lower"},
                 {"name": f"nameko RPC check_qualifications(1) p{q} ({n})", "value": pct(rpc_times, q),
                  "unit": "ms", "baseline": base, "baseline_name": f"raw pika+pymongo p{q}",
                  "better": "lower"}]
    rows.append({"name": "officerQualifications 100 now-checks p50 (gateway cache)",
                 "value": pct(gql["hundred"], 50), "unit": "ms",
                 "baseline": pct(gql["one"], 50), "baseline_name": "1 check p50",
                 "goal": "<= 3x baseline", "better": "lower"})
    rows.append({"name": f"officerQualifications 100 checks at a moment p50 "
                         f"({gql['calls']} service call)",
                 "value": pct(gql["hundred_at"], 50), "unit": "ms",
                 "baseline": pct(gql["one_at"], 50), "baseline_name": "1 check p50",
                 "goal": "<= 3x baseline", "better": "lower"})
    report("qualification", rows)


if __name__ == "__main__":
    mode, rest = (sys.argv[1:2] or [""])[0], sys.argv[2:]
    if mode == "--raw-server":
        raw_server(*rest)
    elif mode == "--raw-client":
        print(json.dumps(raw_client(rest[1], rest[2], int(rest[0]), rest[3].split(","))))
    elif mode == "--graphql-client":
        print(json.dumps(graphql_client(rest[1], rest[2], int(rest[0]), rest[3].split(","))))
    else:
        main(int(mode) if mode else 1000)
