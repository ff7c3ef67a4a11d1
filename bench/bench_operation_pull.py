"""How soon a launched joint operation pulls a member who loses qualification: from
revokeCertificate returning until jointOperation no longer lists the officer (with the
MEMBER_DISQUALIFIED alert), through the real stack (certification, operations and the
gateway, each its own process; loopback; a private vhost and a throwaway database).
Baseline: one jointOperation round trip (the poll itself). This figure used to be a
timing assertion in tests/e2e/test_operations_flow.py.

    .venv/bin/python bench/bench_operation_pull.py [N]
"""
from __future__ import annotations

import datetime as dt
import sys
from contextlib import ExitStack

from _support import mongo_server, report, time_until
from bench_sanction_propagation import Client, officers, pct, stack, vhost

GOAL = 2.0  # seconds, p99: the console's live view promises a change within 2 s
OPERATION = ("query($id: ID!) { jointOperation(id: $id) { teams { members { officer { id } } }"
             " alerts { edges { node { kind } } } } }")


def iso(delta: dt.timedelta) -> str:
    return (dt.datetime.now(dt.timezone.utc) + delta).isoformat()


def members(planner, op) -> set[str]:
    found = planner(OPERATION, {"id": op})["data"]["jointOperation"]
    return {m["officer"]["id"] for t in found["teams"] for m in t["members"]}


def launched(planner, team) -> str:
    op = planner.mutate("planJointOperation", "PlanJointOperationInput", {
        "name": "bench", "agencies": ["CULTURE"], "startsAt": iso(dt.timedelta(seconds=2)),
        "endsAt": iso(dt.timedelta(days=3))}, "operation { id }")["operation"]["id"]
    for officer_id in team:
        planner.mutate("assignOfficer", "AssignOfficerInput", {
            "operationId": op, "teamName": "A", "officerId": officer_id,
            "domain": "CULTURE_MARKET"})
    planner(f'mutation {{ launchJointOperation(id: "{op}") {{ errors {{ code }} }} }}')
    return op


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with ExitStack() as stack_:
        mongo_uri = stack_.enter_context(mongo_server())
        url = stack_.enter_context(stack(stack_.enter_context(vhost()), mongo_uri,
                                         ("certification", "accountability", "operations",
                                          "gateway")))
        roster = [o for o, _ in officers(url, 3 * n)]  # a launched team each (OFFICER_BUSY)
        planner = Client(url, "planner")
        admin = Client(url, "certification_admin")
        pulled, polls = [], []
        for i in range(n):
            first, second, victim = roster[3 * i:3 * i + 3]
            op = launched(planner, [first, second, victim])
            admin.mutate("revokeCertificate", "RevokeCertificateInput",
                         {"officerId": victim, "reason": "bench"})
            pulled.append(time_until(lambda: victim not in members(planner, op), polls))
    rows = []
    for q in (50, 99):
        value = pct(pulled, q)
        rows.append({"name": f"revocation -> member pulled from a launched operation p{q} "
                             f"({n})", "value": value * 1000, "unit": "ms",
                     "baseline": pct(polls, q) * 1000, "better": "lower",
                     "baseline_name": f"one jointOperation round trip p{q}",
                     "goal": f"p99 <= {GOAL * 1000:.0f} ms: "
                             f"{'met' if value <= GOAL else 'MISSED'}" if q == 99 else None})
    report("joint operation live state", rows)


if __name__ == "__main__":
    main()
