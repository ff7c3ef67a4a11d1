"""How soon a change shows in the audit trail: from recordFinding returning until
auditTrail(subjectId: <finding>) lists its entry, through the real stack (certification,
accountability, audit and the gateway, each its own process; loopback; a private vhost
and a throwaway database). Baseline: one auditTrail round trip (the poll itself).

    .venv/bin/python bench/bench_audit.py [N]
"""
from __future__ import annotations

import sys
from contextlib import ExitStack

from _support import mongo_server, report, time_until
from bench_sanction_propagation import Client, officers, pct, stack, vhost

GOAL = 1.0  # seconds, p99
TRAIL = ("query($s: ID) { auditTrail(subjectId: $s, first: 5) { totalCount } }")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with ExitStack() as stack_:
        mongo_uri = stack_.enter_context(mongo_server())
        url = stack_.enter_context(stack(stack_.enter_context(vhost()), mongo_uri,
                                         ("certification", "accountability", "audit",
                                          "gateway")))
        roster = officers(url, max(1, n // 20))
        legal = Client(url, "accountability_officer")
        visible, polls = [], []
        for i in range(n):
            officer_id, _ = roster[i % len(roster)]
            finding = legal.mutate("recordFinding", "FindingInput", {
                "officerId": officer_id, "description": f"audit bench {i}"},
                "finding { id }")["finding"]["id"]
            visible.append(time_until(lambda: legal(TRAIL, {"s": finding})["data"][
                "auditTrail"]["totalCount"], polls))
        check = legal("{ auditTrailCheck { intact entries } }")["data"]["auditTrailCheck"]
    rows = []
    for q in (50, 99):
        value = pct(visible, q)
        rows.append({"name": f"recordFinding -> its audit entry visible p{q} ({n})",
                     "value": value * 1000, "unit": "ms", "baseline": pct(polls, q) * 1000,
                     "baseline_name": f"one auditTrail round trip p{q}", "better": "lower",
                     "goal": f"p99 <= {GOAL * 1000:.0f} ms: "
                             f"{'met' if value <= GOAL else 'MISSED'}" if q == 99 else None})
    rows.append({"name": f"audit trail intact after the run ({check['entries']} entries)",
                 "value": 1.0 if check["intact"] else 0.0, "unit": "(1 = intact)",
                 "better": "higher", "goal": "intact: " + ("met" if check["intact"]
                                                            else "MISSED")})
    report("audit trail", rows)


if __name__ == "__main__":
    main()
