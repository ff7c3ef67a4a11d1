"""A run of realistic traffic while something breaks, and its reconciliation.

Two flows, each from several concurrent clients:
- raw event volume: `probe_producer.record` over RPC (a write and its event in one
  transaction) consumed by `probe_consumer` (a fresh document per effect: only the inbox
  stops a redelivery from doubling it);
- accountability sanctions through the gateway: recordFinding then imposeSanction
  (CRITICISM_EDUCATION), each retried with its requestKey until it gets an answer, as a
  client must; certification applies every sanction_imposed event to the officer's
  history (one entry per sanction).
Reconciliation counts, in the databases, what was sent, stored and acted on.
"""
from __future__ import annotations

import json
import time
import uuid
from collections import Counter
from pathlib import Path

import eventlet
import httpx
import pymongo
from nameko.standalone.rpc import ClusterRpcProxy

from gateway.auth import mint
from services.accountability.commands import _KEY_NS
from services.audit.trail import verify_stored
from services.bus.deadletters import list_dead_letters
from services.bus.topology import DEAD_LETTER_QUEUE_NAME
from tests.conftest import TEST_SECRET

RETRYABLE = {"SERVICE_UNAVAILABLE", "CONCURRENT_UPDATE"}
FIGURES = Path(__file__).resolve().parents[2] / "var" / "faults" / "reconciliation.jsonl"
FINDING = ("mutation($i: FindingInput!) { recordFinding(input: $i) { finding { id } "
           "errors { code } } }")
SANCTION = ("mutation($i: SanctionInput!) { imposeSanction(input: $i) { sanction { id } "
            "errors { code } } }")


def keyed_id(doc: str, key: str) -> str:
    """The id accountability gives what a request with this requestKey creates."""
    return uuid.uuid5(_KEY_NS, f"{doc}:{key}").hex


def record(figures: dict) -> None:
    """Append one run's figures to var/faults/reconciliation.jsonl (make test-faults)."""
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    with open(FIGURES, "a") as out:
        out.write(json.dumps(figures) + "\n")
    print(json.dumps(figures))


class Workload:
    def __init__(self, stack, probes: int, sanctions: int, clients: int = 4,
                 rpc_timeout: float = 10):
        # rpc_timeout: how long a probe client waits for an answer before it gives up and
        # reconnects (a call in flight when its node dies is answered by nobody).
        self.stack, self.clients, self.rpc_timeout = stack, clients, rpc_timeout
        self.run = uuid.uuid4().hex[:8]
        self.probe_ids = [f"{self.run}-p{i}" for i in range(probes)]
        self.keys = [f"{self.run}-s{i}" for i in range(sanctions)]
        self.accepted_probes, self.accepted_sanctions = set(), {}
        self.accepted_at: list[float] = []  # time.monotonic() of each accepted probe
        self.refused, self.unexpected = Counter(), []
        self._probes, self._keys = iter(self.probe_ids), iter(enumerate(self.keys))
        self._threads, self.handed = [], 0
        self.started = self.sent_all = None  # time.monotonic(): the run's phases, reported

    # ---------------------------------------------------------------- sending
    def start(self):
        self.started = time.monotonic()
        self._threads = ([eventlet.spawn(self._probe_client) for _ in range(self.clients)]
                         + [eventlet.spawn(self._sanction_client) for _ in range(self.clients)])
        return self

    def sent(self) -> float:
        """Share of the probe mutations handed out so far (0..1)."""
        return self.handed / max(1, len(self.probe_ids))

    def until_sent(self, share: float, timeout: float = 120):
        deadline = time.monotonic() + timeout
        while self.sent() < share:
            assert time.monotonic() < deadline, f"only {self.sent():.0%} sent"
            eventlet.sleep(0.1)

    def wait(self, timeout: float = 300):
        with eventlet.Timeout(timeout):
            for thread in self._threads:
                thread.wait()
        self.sent_all = time.monotonic()
        assert not self.unexpected, self.unexpected[:5]

    def _probe_client(self):
        proxy, rpc = None, None
        for seq, probe_id in enumerate(self._probes):
            self.handed += 1
            try:
                if rpc is None:
                    with eventlet.Timeout(10):
                        proxy = ClusterRpcProxy(self.stack.rpc_config,
                                                timeout=self.rpc_timeout)
                        rpc = proxy.start()
                reply = rpc.probe_producer.record(probe_id, seq)
                if reply == {"ok": probe_id}:
                    self.accepted_probes.add(probe_id)
                    self.accepted_at.append(time.monotonic())
                else:
                    self.refused[reply.get("error", {}).get("code", "?")] += 1
            except (Exception, eventlet.Timeout) as exc:  # noqa: BLE001 - the fault at work
                self.refused[type(exc).__name__] += 1
                proxy, rpc = self._drop(proxy), None
                eventlet.sleep(0.3)  # do not burn the run while the broker is away
        self._drop(proxy)

    @staticmethod
    def _drop(proxy):
        if proxy is not None:
            try:
                with eventlet.Timeout(5):
                    proxy.stop()
            except (Exception, eventlet.Timeout):  # noqa: BLE001 - it is broken already
                pass
        return None

    def _sanction_client(self):
        token = mint(TEST_SECRET, "faults", ["accountability_officer"])
        with httpx.Client(timeout=15, headers={"Authorization": f"Bearer {token}"}) as http:
            for n, key in self._keys:  # shared by the clients: each key sent once
                officer = self.stack.officers[n % len(self.stack.officers)]
                finding = self._until_answered(http, FINDING, "recordFinding", "finding", {
                    "officerId": officer, "description": f"fault run {key}",
                    "requestKey": f"{key}-f"})
                if finding is None:
                    continue
                sanction = self._until_answered(http, SANCTION, "imposeSanction", "sanction", {
                    "findingId": finding["id"], "measure": "CRITICISM_EDUCATION",
                    "requestKey": f"{key}-s"})
                if sanction is not None:
                    self.accepted_sanctions[key] = sanction["id"]

    def _until_answered(self, http, query, name, key, data, attempts=150):
        """A client that keeps its requestKey: retried until the gateway answers."""
        for _ in range(attempts):
            try:
                r = http.post(f"{self.stack.gateway}/graphql",
                              json={"query": query, "variables": {"i": data}})
                body = r.json()
            except (httpx.HTTPError, ValueError) as exc:
                self.refused[type(exc).__name__] += 1
                eventlet.sleep(0.3)
                continue
            if r.status_code >= 500:
                self.unexpected.append(("5xx", r.status_code, r.text[:200]))
                return None
            codes = [e["extensions"].get("code") for e in body.get("errors") or []]
            payload = (body.get("data") or {}).get(name) or {}
            codes += [e["code"] for e in payload.get("errors") or []]
            if not codes:
                return payload[key]
            if not set(codes) <= RETRYABLE:
                self.unexpected.append((name, codes, data))
                return None
            self.refused[codes[0]] += 1
            eventlet.sleep(0.3)
        self.unexpected.append((name, "never answered", data))
        return None

    # ---------------------------------------------------------------- counting
    def counts(self) -> dict:
        s = self.stack
        db = lambda ctx: s.mongo_client[s.cfg.db_name(ctx)]  # noqa: E731
        committed = {d["_id"] for d in db("probe_producer").probes.find(
            {"_id": {"$in": self.probe_ids}}, {"_id": 1})}
        received = Counter(d["probe_id"] for d in db("probe_consumer").received.find(
            {"probe_id": {"$in": self.probe_ids}}, {"probe_id": 1}))
        sanction_ids = [keyed_id("SanctionDoc", f"{k}-s") for k in self.keys]
        stored = {d["_id"] for d in db("accountability").accountability_sanctions.find(
            {"_id": {"$in": sanction_ids}}, {"_id": 1})}
        finding_ids = [keyed_id("FindingDoc", f"{k}-f") for k in self.keys]
        findings = {d["_id"] for d in db("accountability").accountability_findings.find(
            {"_id": {"$in": finding_ids}}, {"_id": 1})}
        findings_announced = Counter(d["envelope"]["payload"]["finding_id"] for d in
                                     db("accountability").outbox.find(
            {"type": "accountability.finding_recorded.v1",
             "envelope.payload.finding_id": {"$in": finding_ids}}))
        announced = Counter(d["envelope"]["payload"]["sanction_id"] for d in
                            db("accountability").outbox.find(
                                {"type": "accountability.sanction_imposed.v1",
                                 "envelope.payload.sanction_id": {"$in": sanction_ids}}))
        effects = Counter(e["cause"] for o in db("certification").officers.find(
            {"history.cause": {"$in": sanction_ids}}, {"history.cause": 1})
            for e in o["history"] if e.get("cause") in stored)
        unsent = sum(db(c).outbox.count_documents({"sent": False}) for c in (
            "probe_producer", "accountability", "certification"))
        # Every event of the run that was published must be in the audit trail, once.
        events = {d["event_id"] for d in db("probe_producer").outbox.find(
            {"envelope.payload.probe_id": {"$in": self.probe_ids}}, {"event_id": 1})}
        events |= {d["event_id"] for d in db("accountability").outbox.find(
            {"type": "accountability.sanction_imposed.v1",
             "envelope.payload.sanction_id": {"$in": sanction_ids}}, {"event_id": 1})}
        events |= {d["event_id"] for d in db("accountability").outbox.find(
            {"type": "accountability.finding_recorded.v1",
             "envelope.payload.finding_id": {"$in": finding_ids}}, {"event_id": 1})}
        audited = {d["_id"] for d in db("audit").audit_entries.find(
            {"_id": {"$in": list(events)}}, {"_id": 1})}
        return {"committed": committed, "received": received, "stored": stored,
                "announced": announced, "effects": effects, "unsent": unsent,
                "events": events, "audited": audited, "findings": findings,
                "findings_announced": findings_announced}

    def undelivered(self) -> dict:
        """Messages still in the broker's handler, retry and RPC request queues (ready or
        being handled), by queue. Counting only once there are none sees a late
        redelivery's doubled effect. (Reply queues are left out: a reply to a client that
        gave up waits there until the queue expires, and is no one's delivery.)"""
        out = self.stack.rabbit.ctl("list_queues", "--quiet", "--formatter", "json",
                                    "name", "messages")
        return {q["name"]: q["messages"] for q in json.loads(out)
                if q["messages"] and q["name"] != DEAD_LETTER_QUEUE_NAME
                and not q["name"].startswith("rpc.reply-")}

    def audit_gap(self, missing: set) -> dict:
        """What a gap in the trail looks like, so a failed run explains itself: the missing
        events' types, whether audit's inbox holds them (handled without an entry) or not
        (never handled), when their producer published them, and audit's dead letters."""
        s = self.stack
        db = lambda ctx: s.mongo_client[s.cfg.db_name(ctx)]  # noqa: E731
        inbox = {d["_id"] for d in db("audit").inbox.find(
            {"_id": {"$in": [f"audit.record:{e}" for e in missing]}}, {"_id": 1})}
        rows = [d for ctx in ("probe_producer", "accountability") for d in db(ctx).outbox.find(
            {"event_id": {"$in": list(missing)}}, {"event_id": 1, "type": 1, "sent_at": 1})]
        sent = sorted(d["sent_at"].isoformat() for d in rows if d.get("sent_at"))
        letters = Counter(d.reason[:120] for d in list_dead_letters(s.cfg.amqp_uri)
                          if d.queue.startswith("audit."))
        return {"types": dict(Counter(d["type"] for d in rows)), "in audit's inbox": len(inbox),
                "published": [sent[0], sent[-1]] if sent else [],
                "audit dead letters": dict(letters)}

    def audit_check(self):
        db = self.stack.mongo_client[self.stack.cfg.db_name("audit")]
        return verify_stored(db.audit_entries, db.audit_head)[1]

    def dead_lettered(self, events: set = frozenset()) -> int:
        """This run's events in the dead-letter queue (they count as lost above): by their
        probe or sanction id, or by event id (`events`: every event of the run, findings'
        too)."""
        ours = set(self.probe_ids) | {keyed_id("SanctionDoc", f"{k}-s") for k in self.keys}
        return sum(1 for d in list_dead_letters(self.stack.cfg.amqp_uri)
                   if isinstance(d.body, dict) and (d.body.get("event_id") in events or ours & set(
                       map(str, d.body.get("payload", {}).values()))))

    def settled(self, c) -> bool:
        return (c["unsent"] == 0 and set(c["received"]) == c["committed"]
                and set(c["effects"]) == c["stored"] and c["audited"] == c["events"]
                and not self.undelivered())

    def reconcile(self, fault: str, timeout: float = 120, dead_letters: int = 0) -> dict:
        """Wait (bounded) until everything committed has been acted on and every delivery
        consumed (the broker holds nothing more for a consumer), then count."""
        deadline = time.monotonic() + timeout
        c = self.counts()
        while not self.settled(c) and time.monotonic() < deadline:
            eventlet.sleep(1)
            c = self.counts()
        c = self.counts()  # after the last delivery: a late duplicate shows here
        figures = {
            "fault": fault, "probe mutations sent": len(self.probe_ids),
            "probe mutations accepted": len(self.accepted_probes),
            "probe writes committed": len(c["committed"]),
            "probe events acted on": len(c["received"]),
            "events lost": len(c["committed"] - set(c["received"]))
            + len(c["stored"] - set(c["effects"])),
            "effects doubled": sum(n - 1 for n in c["received"].values() if n > 1)
            + sum(n - 1 for n in c["effects"].values() if n > 1),
            "accepted but not stored": len(self.accepted_probes - c["committed"])
            + len(set(self.accepted_sanctions.values()) - c["stored"]),
            "events of writes never committed": len(set(c["received"]) - c["committed"]),
            "deliveries left in the broker": self.undelivered(),
            "findings stored": len(c["findings"]),
            "findings not announced once": len(c["findings"] ^ set(
                c["findings_announced"])) + sum(n > 1 for n in c[
                    "findings_announced"].values()),
            "sanctions accepted": len(self.accepted_sanctions),
            "sanctions stored": len(c["stored"]),
            "sanction events announced twice": sum(n > 1 for n in c["announced"].values()),
            "sanctions applied by certification": len(c["effects"]),
            "outbox unsent": c["unsent"], "dead-lettered": self.dead_lettered(c["events"]),
            "events missing from the audit trail": len(c["events"] - c["audited"]),
            "audit trail intact": self.audit_check().intact,
            "refused while broken": dict(self.refused),
            "seconds sending": round((self.sent_all or time.monotonic()) - self.started, 1),
            "seconds settling": round(time.monotonic() - (self.sent_all or self.started), 1)}
        if figures["events missing from the audit trail"]:
            figures["audit gap"] = self.audit_gap(c["events"] - c["audited"])
        record(figures)
        assert figures["events lost"] == 0, figures
        assert figures["effects doubled"] == 0, figures
        assert figures["accepted but not stored"] == 0, figures
        assert figures["sanction events announced twice"] == 0, figures
        assert figures["outbox unsent"] == 0, figures
        assert figures["events of writes never committed"] == 0, figures
        assert figures["deliveries left in the broker"] == {}, figures
        assert figures["findings not announced once"] == 0, figures
        assert figures["dead-lettered"] == dead_letters, figures
        assert figures["events missing from the audit trail"] == 0, figures
        assert figures["audit trail intact"], figures
        assert set(c["announced"]) == c["stored"], figures
        return figures
