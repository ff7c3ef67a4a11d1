"""How fast a sanction bites: from imposeSanction returning until officerQualification
answers qualified:false, through the real stack (certification, accountability and the
gateway, each its own process as deployed; loopback only; a private broker vhost and a
throwaway database).

For each of N officers (default 200): impose OFF_POST_TRAINING and poll tightly until
the answer flips, then completeTraining and poll until it flips back. Then the same with
REMOVAL_FROM_POST / reinstateToPost while a separate process keeps L concurrent clients
(default 8) asking officerQualification as fast as they can. Baseline: one
officerQualification round trip (the poll itself) in the same phase.

    .venv/bin/python bench/bench_sanction_propagation.py [N] [L]
"""
from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from contextlib import ExitStack, contextmanager

import httpx

from _support import ROOT, free_port, mongo_server, report, time_until
from gateway.auth import mint
from services.common.clock import LOCAL_TZ
from services.certification.domain.idnumber import check_digit

RABBIT_API = "http://127.0.0.1:15672/api"
SECRET = "bench-secret-" + "0" * 32
QUALIFICATION = ("query($id: ID!) { officerQualification(officerId: $id, domain: CULTURE_MARKET)"
                 " { qualified } }")
GOALS = {"idle": 0.250, "load": 1.0}


@contextmanager
def vhost():
    name = "jointops-bench-" + uuid.uuid4().hex[:8]
    auth = ("guest", "guest")
    httpx.put(f"{RABBIT_API}/vhosts/{name}", auth=auth).raise_for_status()
    httpx.put(f"{RABBIT_API}/permissions/{name}/guest", auth=auth,
              json={"configure": ".*", "write": ".*", "read": ".*"}).raise_for_status()
    try:
        yield f"amqp://guest:guest@127.0.0.1:5672/{name}"
    finally:
        httpx.delete(f"{RABBIT_API}/vhosts/{name}", auth=auth)


# As deployed: the audit service consumes every event too. BENCH_WITHOUT_AUDIT=1 leaves
# it out, to see what it costs.
SERVICES = ("certification", "accountability", "gateway") + (
    () if os.environ.get("BENCH_WITHOUT_AUDIT") else ("audit",))


@contextmanager
def stack(amqp_uri, mongo_uri, services=SERVICES):
    """The processes; yields the GraphQL URL once the gateway answers."""
    port = free_port()
    env = dict(os.environ, JOINTOPS_AMQP_URI=amqp_uri, JOINTOPS_MONGO_URI=mongo_uri,
               JOINTOPS_JWT_SECRET=SECRET, JOINTOPS_GATEWAY_PORT=str(port),
               JOINTOPS_DB_PREFIX="bench" + uuid.uuid4().hex[:6], JOINTOPS_LOG_LEVEL="WARNING")
    jointops = str(ROOT / ".venv" / "bin" / "jointops")
    procs = [subprocess.Popen([jointops, "serve", name], env=env, stderr=subprocess.DEVNULL)
             for name in services]
    url = f"http://127.0.0.1:{port}/graphql"
    try:
        client = Client(url, "accountability_officer", "cross_agency")
        deadline = time.monotonic() + 60
        while not _up(client):
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                raise SystemExit("the stack did not come up")
            time.sleep(0.2)
        yield url
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)


def _up(client) -> bool:
    """Both services answer through the gateway (health would wait for every service)."""
    try:
        client('{ officerQualification(officerId: "x", domain: TOURISM) { qualified } '
               "accountabilityFindings(first: 1) { edges { cursor } } }")
        return True
    except (httpx.HTTPError, RuntimeError):
        return False


class Client:
    def __init__(self, url, *roles, agency=None):
        self.http = httpx.Client(timeout=30)
        self.url, self.auth = url, {"Authorization": "Bearer " + mint(SECRET, "bench", roles,
                                                                      agency)}

    def __call__(self, query, variables=None) -> dict:
        body = self.http.post(self.url, json={"query": query, "variables": variables or {}},
                              headers=self.auth).json()
        if body.get("errors"):
            raise RuntimeError(body["errors"])
        return body

    def mutate(self, name, input_type, data, selection="errors { code }"):
        out = self(f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ {selection} "
                   "errors { code } } }", {"i": data})["data"][name]
        if out["errors"]:
            raise RuntimeError(out["errors"])
        return out

    def qualified(self, officer_id) -> bool:
        return self(QUALIFICATION, {"id": officer_id})["data"]["officerQualification"][
            "qualified"]


def officers(url, n) -> list[tuple[str, str]]:
    """n certified CULTURE_MARKET officers, each with one finding: (officer, finding)."""
    admin, legal = Client(url, "certification_admin"), Client(url, "accountability_officer")
    today = dt.datetime.now(LOCAL_TZ).date()
    out, run = [], uuid.uuid4().int % 900
    for i in range(n):
        first17 = f"110105{1960 + i // 300:04d}0101{(run + i) % 1000:03d}"
        oid = admin.mutate("registerOfficer", "RegisterOfficerInput", {
            "name": f"Officer {i}", "agency": "CULTURE",
            "idNumber": first17 + check_digit(first17)}, "officer { id }")["officer"]["id"]
        for exam in ("PUBLIC_LAW", "PROFESSIONAL_LAW"):
            admin.mutate("recordExamResult", "ExamResultInput", {
                "officerId": oid, "exam": exam, "score": 85,
                "takenOn": (today - dt.timedelta(days=10)).isoformat()})
        admin.mutate("issueCertificate", "IssueCertificateInput", {
            "officerId": oid, "domains": ["CULTURE_MARKET"], "validFrom": today.isoformat(),
            "validUntil": (today + dt.timedelta(days=3 * 365)).isoformat()})
        finding = legal.mutate("recordFinding", "FindingInput", {
            "officerId": oid, "description": f"bench finding {i}"}, "finding { id }")
        out.append((oid, finding["finding"]["id"]))
    return out


def flip(client, officer_id, want: bool, polls: list) -> float:
    """Seconds from now until the answer is `want`; every poll's round trip is kept."""
    return time_until(lambda: client.qualified(officer_id) is want, polls)


def phase(url, roster, measure, lift) -> dict:
    legal, reader = Client(url, "accountability_officer"), Client(url, "cross_agency")
    bite, restore, polls, impose = [], [], [], []
    for officer_id, finding_id in roster:
        before = time.perf_counter()
        legal.mutate("imposeSanction", "SanctionInput",
                     {"findingId": finding_id, "measure": measure})
        impose.append(time.perf_counter() - before)
        bite.append(flip(reader, officer_id, False, polls))
        legal.mutate(lift, "OfficerStepInput", {"officerId": officer_id})
        restore.append(flip(reader, officer_id, True, polls))
    return {"bite": bite, "restore": restore, "polls": polls, "impose": impose}


def load_clients(url, ids, clients: int, stop: threading.Event, done: list):
    """Run in a child process: `clients` threads asking officerQualification until told."""
    def loop():
        client, n = Client(url, "cross_agency"), 0
        while not stop.is_set():
            client.qualified(random.choice(ids))
            n += 1
        done.append(n)
    threads = [threading.Thread(target=loop) for _ in range(clients)]
    for t in threads:
        t.start()
    return threads


def pct(values, q) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def rows(name, result, goal) -> list[dict]:
    base = [pct(result["polls"], 50), pct(result["polls"], 99)]
    out = []
    for label, values in (("sanction -> qualified:false", result["bite"]),
                          ("lift -> qualified:true", result["restore"]),
                          ("imposeSanction round trip", result["impose"])):
        for q, b in ((50, base[0]), (99, base[1])):
            value = pct(values, q)
            verdict = "met" if value <= goal else "MISSED"
            out.append({"name": f"{name}: {label} p{q} ({len(values)})",
                        "value": value * 1000, "unit": "ms", "baseline": b * 1000,
                        "baseline_name": f"one officerQualification round trip p{q}",
                        "goal": f"p99 <= {goal * 1000:.0f} ms: {verdict}"
                        if "false" in label and q == 99 else None, "better": "lower"})
    return out


def child_load(url, clients):
    """`--load URL L`: the background-load process; prints requests/s when stdin closes."""
    stop, done = threading.Event(), []
    ids = sys.stdin.readline().split()
    started = time.perf_counter()
    threads = load_clients(url, ids, clients, stop, done)
    print("ready", flush=True)
    sys.stdin.readline()
    stop.set()
    for t in threads:
        t.join()
    print(sum(done) / (time.perf_counter() - started), flush=True)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    with ExitStack() as stack_:
        mongo_uri = stack_.enter_context(mongo_server())
        url = stack_.enter_context(stack(stack_.enter_context(vhost()), mongo_uri))
        roster = officers(url, n)
        idle = phase(url, roster, "OFF_POST_TRAINING", "completeTraining")
        loader = subprocess.Popen([sys.executable, __file__, "--load", url, str(clients)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        loader.stdin.write(" ".join(o for o, _ in roster) + "\n")
        loader.stdin.flush()
        loader.stdout.readline()  # "ready"
        loaded = phase(url, roster, "REMOVAL_FROM_POST", "reinstateToPost")
        loader.stdin.write("stop\n")
        loader.stdin.close()
        rate = float(loader.stdout.readline())
        loader.wait(30)
    audit = "with the audit service" if "audit" in SERVICES else "without the audit service"
    report(f"sanction propagation ({audit})", rows("idle", idle, GOALS["idle"])
           + rows(f"under load ({clients} clients, {rate:.0f} checks/s)", loaded, GOALS["load"]))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--load"]:
        child_load(sys.argv[2], int(sys.argv[3]))
    else:
        main()
