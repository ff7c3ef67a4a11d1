"""A year at the report's scale, and the annual figures over it.

Every service and the gateway run as their own processes (demo mode, a private broker
vhost, a throwaway database). Measured:

- the replay of a year (`jointops demo year`'s code, through the services' RPC) at
  BENCH_YEAR_SCALE (default 1.0: 229 draws, 20,294 inspector-times, 1,012 inspections,
  83 cases ...), bounded by BENCH_YEAR_SECONDS (default 900): a replay that runs out of
  time stops there and the full time is extrapolated from its steps per second.
  Baseline: as many `ping` RPCs as the replay had steps (the bus's floor per step);
- `annualFigures(year, CULTURE)` through the gateway (median of 7) at that scale and at
  ten times it, against one `count_documents` per figure on the same databases (what
  the figures cost at the least). Goals: <= 2 s at the seed's scale, <= 5 s at ten times.
  Ten times: the bench copies the replayed year's records nine more times under new ids
  (a bench-only shortcut: replaying ten years' worth of steps would take hours here).

    .venv/bin/python bench/bench_annual_figures.py
"""
from __future__ import annotations

import os
import statistics
import subprocess
import time
import uuid
from contextlib import ExitStack, contextmanager

from _support import ROOT, free_port, mongo_server, report

import services.common.runtime  # noqa: F401,I001  (eventlet before pymongo)
import httpx
import pymongo
from bench_sanction_propagation import vhost
from services import registry
from services.common.clock import year_bounds
from services.enforcement.figures import selectors

YEAR, SECRET = 2023, "bench-secret-" + "0" * 32
SCALE = float(os.environ.get("BENCH_YEAR_SCALE", "1.0"))
BOUND = float(os.environ.get("BENCH_YEAR_SECONDS", "900"))
FIGURES = """{ annualFigures(year: 2023, agency: CULTURE) { certifiedOfficers draws
  inspectorsDrawn entitiesDrawn drawBatches crossDepartmentDraws inspectionsRecorded
  legallyReviewedCases decisionsPublished majorCasesFiledWithJustice findings
  jointOperations newOfficersPassedExams firstViolationWaivers activities { kind count }
  sanctions { measure count } } }"""


class OutOfTime(Exception):
    pass


@contextmanager
def stack(amqp_uri, mongo_uri, prefix):
    port = free_port()
    env = dict(os.environ, JOINTOPS_AMQP_URI=amqp_uri, JOINTOPS_MONGO_URI=mongo_uri,
               JOINTOPS_JWT_SECRET=SECRET, JOINTOPS_GATEWAY_PORT=str(port),
               JOINTOPS_DB_PREFIX=prefix, JOINTOPS_LOG_LEVEL="WARNING",
               JOINTOPS_DEMO_MODE="true")
    jointops = str(ROOT / ".venv" / "bin" / "jointops")
    procs = [subprocess.Popen([jointops, "serve", name], env=env, stderr=subprocess.DEVNULL)
             for name in [*registry.SERVICES, "gateway"]]
    try:
        yield f"http://127.0.0.1:{port}/graphql", env
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)


def gateway_figures(url, token) -> tuple[float, dict]:
    times, body = [], None
    for _ in range(7):
        started = time.perf_counter()
        body = httpx.post(url, json={"query": FIGURES}, timeout=60,
                          headers={"Authorization": f"Bearer {token}"}).json()
        times.append(time.perf_counter() - started)
    assert not body.get("errors"), body
    return statistics.median(times), body["data"]["annualFigures"]


def count_baseline(client, prefix) -> float:
    """One count_documents per figure, the queries the figures need at the least."""
    start, end = year_bounds(YEAR)
    queries = [(f"{prefix}_culture", coll_of(kind), query)
               for kind, query in selectors("CULTURE", YEAR).values()]
    queries += [(f"{prefix}_certification", "officers", {"agency": "CULTURE"})] * 2
    queries += [(f"{prefix}_draws", "draws", {"revealed_at": {"$gte": start, "$lt": end}})] * 5
    queries += [(f"{prefix}_operations", "operations", {"starts_at": {"$gte": start,
                                                                      "$lt": end}}),
                (f"{prefix}_accountability", "accountability_findings",
                 {"recorded_at": {"$gte": start, "$lt": end}}),
                (f"{prefix}_accountability", "accountability_sanctions",
                 {"effective_at": {"$gte": start, "$lt": end}}),
                (f"{prefix}_accountability", "rule_of_law_activities",
                 {"held_on": {"$gte": f"{YEAR}-01-01", "$lte": f"{YEAR}-12-31"}})]
    times = []
    for _ in range(7):
        started = time.perf_counter()
        for db, coll, query in queries:
            client[db][coll].count_documents(query)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def coll_of(kind: str) -> str:
    return {"Case": "cases", "Inspection": "inspections"}[kind]


COPIED = {"certification": ["officers"], "culture": ["cases", "inspections"],
          "draws": ["draws"], "operations": ["operations"],
          "accountability": ["accountability_findings", "rule_of_law_activities"]}


def multiply(client, prefix, times: int) -> None:
    """Copy the year's records `times` more times under new ids (bench data only)."""
    for context, collections in COPIED.items():
        db = client[f"{prefix}_{context}"]
        for name in collections:
            docs = list(db[name].find())
            for k in range(1, times + 1):
                copies = []
                for doc in docs:
                    copy = {**doc, "_id": f"{doc['_id']}-x{k}"}
                    if name == "officers":  # unique: one person, one record
                        copy["id_number"] = f"{doc['id_number']}-x{k}"
                    if name == "accountability_findings" and doc.get("dedupe_key"):
                        copy["dedupe_key"] = f"{doc['dedupe_key']}-x{k}"
                    copies.append(copy)
                if copies:
                    db[name].insert_many(copies)


def main() -> None:
    from nameko.standalone.rpc import ClusterRpcProxy

    from gateway.auth import mint
    from services.common.config import load
    from services.demo import year as replay
    from services.demo.year_plan import plan_year
    from services.runner import nameko_config

    prefix = "benchyear" + uuid.uuid4().hex[:6]
    with ExitStack() as stack_:
        mongo_uri = stack_.enter_context(mongo_server())
        amqp_uri = stack_.enter_context(vhost())
        url, env = stack_.enter_context(stack(amqp_uri, mongo_uri, prefix))
        token = mint(SECRET, "bench", ["cross_agency"], None)
        deadline = time.monotonic() + 90
        while True:  # every service answering
            try:
                if httpx.post(url, json={"query": "{ health { up } }"}, timeout=5, headers={
                        "Authorization": f"Bearer {token}"}).json()["data"]["health"]["up"]:
                    break
            except (httpx.HTTPError, KeyError, TypeError, ValueError):
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the stack did not come up")
            time.sleep(1)
        plan = plan_year(YEAR, SCALE)
        config = nameko_config(load(env))
        with ClusterRpcProxy(config, timeout=120) as rpc:
            replay.fit_to(plan, replay.figures(rpc, YEAR, "CULTURE"))
            run = replay.Replay(rpc, plan)
            total, done = len(run.steps()), 0
            started = time.monotonic()

            def step(label, when):
                nonlocal done
                if time.monotonic() - started > BOUND:
                    raise OutOfTime(label)
                done += 1
            finished = True
            try:
                run.run(step)
            except OutOfTime:
                finished = False
            replayed = time.monotonic() - started
            pinged = time.perf_counter()
            for _ in range(done):
                rpc.culture.ping()
            pings = time.perf_counter() - pinged
        full = replayed if finished else replayed * total / max(done, 1)
        print(f"replay at scale {SCALE}: {done}/{total} steps in {replayed:.0f} s"
              + ("" if finished else f" (stopped at the bound; full year ~{full:.0f} s)"))
        client = pymongo.MongoClient(mongo_uri)
        seed_latency, figures = gateway_figures(url, token)
        seed_base = count_baseline(client, prefix)
        print(f"figures at scale {SCALE}: {figures}")
        if finished:
            wrong = {k: (figures.get(k), v) for k, v in (
                (replay_key, plan.figures[key]) for key, replay_key in (
                    ("draws", "draws"), ("inspectors_drawn", "inspectorsDrawn"),
                    ("entities_drawn", "entitiesDrawn"),
                    ("certified_officers", "certifiedOfficers"))) if figures.get(k) != v}
            print("figures as planned" if not wrong else f"figures differ: {wrong}")
        multiply(client, prefix, 9)
        ten_latency, ten = gateway_figures(url, token)
        ten_base = count_baseline(client, prefix)
        print(f"figures at 10x: {ten}")
    rows = [{"name": f"replay of a year at scale {SCALE} ({done}/{total} steps"
                     f"{'' if finished else ', extrapolated'})", "value": full, "unit": "s",
             "baseline": pings * total / max(done, 1), "baseline_name": f"{total} ping RPCs",
             "better": "lower"},
            {"name": "annualFigures at the seed's scale", "value": seed_latency, "unit": "s",
             "baseline": seed_base, "baseline_name": "one count_documents per figure",
             "goal": f"<= 2 s: {'met' if seed_latency <= 2 else 'MISSED'}", "better": "lower"},
            {"name": "annualFigures at 10x the seed", "value": ten_latency, "unit": "s",
             "baseline": ten_base, "baseline_name": "one count_documents per figure",
             "goal": f"<= 5 s: {'met' if ten_latency <= 5 else 'MISSED'}", "better": "lower"}]
    report("annual_figures", rows)


if __name__ == "__main__":
    main()
