"""Officer credentials through the real stack (certification, accountability and the
gateway, each its own process; loopback only; a private vhost and a throwaway database).

1. Verification, M times each, against one `officerQualification` round trip (baseline):
   offline (signature against the JWKS fetched once, in this process, as a verifier's
   app does), online (`verifyOfficerCredential`, anonymous), and as a third party does it
   online (GET the signed status list, verify it, read the bit).
2. Revocation -> status list changed: for each of N officers, a QUALIFICATION_REVOKED
   sanction, then the revocation list polled until the officer's bit is set; likewise a
   suspension and the suspension list. p50/p99 against one status-list GET round trip.
   Goal: p99 <= 1 s.

    .venv/bin/python bench/bench_credentials.py [N] [M]
"""
from __future__ import annotations

import json
import os
import sys
import time
from urllib.parse import urlparse

import httpx
from joserfc import jws
from joserfc.jwk import KeySet

from _support import report
from bench_sanction_propagation import Client, mongo_server, officers, pct, stack, vhost
from services.common import status_list as sl
from services.common.credential_keys import generate

CHECK = "query($t: String!) { verifyOfficerCredential(token: $t) { genuine status } }"
QUALIFICATION = ('query($id: ID!) { officerQualification(officerId: $id, domain: '
                 'CULTURE_MARKET) { qualified } }')
GOAL = 1.0


def timed(fn, times) -> list[float]:
    out = []
    for _ in range(times):
        before = time.perf_counter()
        fn()
        out.append(time.perf_counter() - before)
    return out


class Verifier:
    """What any verifier does with the public endpoints only."""

    def __init__(self, base):
        self.http, self.base = httpx.Client(timeout=30), base
        self.keys = KeySet.import_key_set(self.http.get(f"{base}/.well-known/jwks.json").json())

    def offline(self, token) -> dict:
        return json.loads(jws.deserialize_compact(token, self.keys, algorithms=["ES256"]).payload)

    def bit(self, vc, purpose) -> bool:
        entry = next(e for e in vc["credentialStatus"] if e["statusPurpose"] == purpose)
        listed = self.http.get(self.base + urlparse(entry["statusListCredential"]).path).text
        subject = json.loads(jws.deserialize_compact(listed, self.keys, algorithms=["ES256"])
                             .payload)["credentialSubject"]
        return sl.bit(sl.decode(subject["encodedList"]), int(entry["statusListIndex"]))


def until_set(verifier, vc, purpose) -> float:
    started = time.perf_counter()
    while not verifier.bit(vc, purpose):
        pass
    return time.perf_counter() - started


def main(n: int, m: int):
    os.environ["JOINTOPS_CREDENTIAL_KEYS"] = json.dumps({"keys": [generate("bench")]})
    with vhost() as amqp, mongo_server() as mongo, stack(amqp, mongo) as url:
        base = url.rsplit("/graphql", 1)[0]
        roster = officers(url, 2 * n)
        admin = Client(url, "certification_admin", agency="CULTURE")
        tokens = [admin(f'mutation {{ issueOfficerCredential(officerId: "{oid}") '
                        "{ credential { token } errors { code } } }")["data"][
            "issueOfficerCredential"]["credential"]["token"] for oid, _ in roster]
        verifier, reader = Verifier(base), Client(url, "cross_agency")
        anonymous = httpx.Client(timeout=30)
        vc = verifier.offline(tokens[0])
        baseline = timed(lambda: reader(QUALIFICATION, {"id": roster[0][0]}), m)
        offline = timed(lambda: verifier.offline(tokens[0]), m)
        online = timed(lambda: anonymous.post(url, json={"query": CHECK, "variables": {
            "t": tokens[0]}}).json()["data"]["verifyOfficerCredential"]["status"], m)
        third = timed(lambda: verifier.bit(vc, "revocation"), m)
        rows = []
        for name, values in (("verify offline (signature, JWKS cached)", offline),
                             ("verifyOfficerCredential online", online),
                             ("third-party online: status list GET + verify + bit", third)):
            for q in (50, 99):
                rows.append({"name": f"{name} p{q} ({m})", "value": pct(values, q) * 1000,
                             "unit": "ms", "baseline": pct(baseline, q) * 1000,
                             "baseline_name": f"one officerQualification round trip p{q}",
                             "better": "lower"})
        legal = Client(url, "accountability_officer")
        list_get = timed(lambda: verifier.bit(vc, "revocation"), m)
        changes = {"revocation": [], "suspension": []}
        for i, (oid, finding) in enumerate(roster[:n]):
            legal.mutate("imposeSanction", "SanctionInput",
                         {"findingId": finding, "measure": "QUALIFICATION_REVOKED"})
            changes["revocation"].append(until_set(verifier, verifier.offline(tokens[i]),
                                                   "revocation"))
        for i, (oid, _) in enumerate(roster[n:], start=n):
            admin.mutate("suspendCertificate", "SuspendCertificateInput", {"officerId": oid})
            changes["suspension"].append(until_set(verifier, verifier.offline(tokens[i]),
                                                   "suspension"))
        for purpose, values in changes.items():
            for q in (50, 99):
                value = pct(values, q)
                rows.append({
                    "name": f"{'sanction' if purpose == 'revocation' else 'suspension'} -> "
                            f"{purpose} list changed p{q} ({len(values)})",
                    "value": value * 1000, "unit": "ms", "baseline": pct(list_get, q) * 1000,
                    "baseline_name": f"one status-list GET + verify p{q}", "better": "lower",
                    "goal": f"p99 <= {GOAL * 1000:.0f} ms: "
                            f"{'met' if value <= GOAL else 'MISSED'}" if q == 99 else None})
        report("bench_credentials", rows)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50,
         int(sys.argv[2]) if len(sys.argv) > 2 else 300)
