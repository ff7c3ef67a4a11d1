"""Webhooks and machine clients through the real stack (certification, delivery and the
gateway, each its own process; loopback only; a private vhost and a throwaway database).

1. Revocation -> webhook received: for each of N officers, `revokeCertificate`, then the
   time until a loopback receiver has the signed `certificate.revoked` delivery. p50/p99
   against one direct httpx POST to the same receiver (baseline). Goal: p99 <= 1 s.
2. Token endpoint throughput: POST /oauth/token (client credentials, HTTP Basic) for
   S seconds, one connection, against GET /healthz for as long (baseline).

    .venv/bin/python bench/bench_webhooks.py [N] [S]
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx

from _support import ROOT, report
from bench_sanction_propagation import Client, mongo_server, officers, pct, stack, vhost
from services.common.credential_keys import generate_set
from tests.webhook_receiver import WebhookReceiver

GOAL = 1.0
SUBSCRIBE = """mutation($i: WebhookSubscriptionInput!) { subscribeWebhook(input: $i) {
  subscription { id } errors { code } } }"""


def revoked_for(receiver, officer_id) -> bool:
    return any(b["data"].get("officer_id") == officer_id
               for b in receiver.bodies("certificate.revoked"))


def throughput(call, seconds: float) -> float:
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        call()
        done += 1
    return done / (time.perf_counter() - started)


def main(n: int, seconds: float):
    os.environ["JOINTOPS_CREDENTIAL_KEYS"] = json.dumps(generate_set("bench"))
    os.environ["JOINTOPS_ALLOW_LOOPBACK_WEBHOOKS"] = "1"
    receiver = WebhookReceiver()
    with vhost() as amqp, mongo_server() as mongo, \
            stack(amqp, mongo, ("certification", "accountability", "delivery", "gateway")) \
            as url:
        base = url.rsplit("/graphql", 1)[0]
        roster = officers(url, n)
        planner, admin = Client(url, "planner"), Client(url, "certification_admin")
        made = planner(SUBSCRIBE, {"i": {"url": receiver.url,
                                         "eventTypes": ["certificate.revoked"]}})
        assert not made["data"]["subscribeWebhook"]["errors"], made
        direct = httpx.Client(timeout=10)
        baseline = []
        for _ in range(max(n, 50)):
            started = time.perf_counter()
            direct.post(receiver.url, content=b'{"type":"bench","data":{}}',
                        headers={"webhook-id": "bench"})
            baseline.append(time.perf_counter() - started)
        latencies = []
        for oid, _ in roster:
            started = time.perf_counter()
            admin.mutate("revokeCertificate", "RevokeCertificateInput",
                         {"officerId": oid, "reason": "bench"})
            while not revoked_for(receiver, oid):
                time.sleep(0.002)
            latencies.append(time.perf_counter() - started)
        rows = []
        for q in (50, 99):
            value = pct(latencies, q)
            rows.append({"name": f"revokeCertificate -> webhook received p{q} ({n})",
                         "value": value * 1000, "unit": "ms",
                         "baseline": pct(baseline, q) * 1000,
                         "baseline_name": f"one direct POST to the receiver p{q}",
                         "better": "lower",
                         "goal": f"p99 <= {GOAL * 1000:.0f} ms: "
                                 f"{'met' if value <= GOAL else 'MISSED'}" if q == 99 else None})
        env = dict(os.environ, JOINTOPS_AMQP_URI=amqp, JOINTOPS_MONGO_URI=mongo)
        out = subprocess.run([str(ROOT / ".venv" / "bin" / "jointops"), "clients", "add",
                              "bench"], env=env, capture_output=True, text=True, check=True)
        fields = dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)
        client_id, secret = fields["client id"].strip(), fields["secret"].strip()
        http = httpx.Client(timeout=10)

        def token():
            r = http.post(f"{base}/oauth/token", data={"grant_type": "client_credentials"},
                          auth=(client_id, secret))
            assert r.status_code == 200, r.text
        healthz = throughput(lambda: http.get(f"{base}/healthz"), seconds)
        tokens = throughput(token, seconds)
        rows.append({"name": "POST /oauth/token throughput (1 connection)", "value": tokens,
                     "unit": "req/s", "baseline": healthz,
                     "baseline_name": "GET /healthz (1 connection)", "better": "higher"})
        report("bench_webhooks", rows)
    receiver.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50,
         float(sys.argv[2]) if len(sys.argv) > 2 else 5.0)
