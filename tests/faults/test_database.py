"""The database stopped for a few seconds under requests: each is refused with the
retryable code SERVICE_UNAVAILABLE (in the payload for mutations, in the error
extensions for queries, over RPC as data), nothing is half written, and once it is back
everything resumes: retried requests succeed exactly once and the events flow."""
import time

import eventlet
import httpx
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from gateway.auth import mint
from tests.conftest import TEST_SECRET
from tests.faults.infra import wait_for
from tests.faults.workload import FINDING, Workload, keyed_id, record

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]
QUALIFIED = ('query($id: ID!) { officerQualification(officerId: $id, domain: CULTURE_MARKET)'
             ' { qualified } }')
IN_OUTAGE = 6  # concurrent requests of each kind while the database is away


def _codes(body, name):
    codes = [e["extensions"].get("code") for e in body.get("errors") or []]
    return codes + [e["code"] for e in ((body.get("data") or {}).get(name) or {}).get(
        "errors") or []]


def test_database_stopped_for_a_few_seconds(stack):
    auth = {"Authorization": "Bearer " + mint(TEST_SECRET, "faults", [
        "accountability_officer", "cross_agency"])}
    http = httpx.Client(base_url=stack.gateway, headers=auth, timeout=30)
    keys = [f"db-outage-{n}-{stack.officers[n]}" for n in range(IN_OUTAGE)]

    def finding(key, officer):
        return http.post("/graphql", json={"query": FINDING, "variables": {"i": {
            "officerId": officer, "description": "during the outage", "requestKey": key}}})

    stack.mongo.stop()
    try:
        pool = eventlet.GreenPool()
        writes = list(pool.imap(finding, keys, stack.officers))
        reads = list(pool.imap(lambda o: http.post("/graphql", json={
            "query": QUALIFIED, "variables": {"id": o}}), stack.officers[:IN_OUTAGE]))
        with ClusterRpcProxy(stack.rpc_config, timeout=30) as rpc:
            probe = rpc.probe_producer.record(f"db-outage-{keys[0]}", 0)
    finally:
        stack.mongo.start()
    for r in writes:
        assert r.status_code == 200 and _codes(r.json(), "recordFinding") == [
            "SERVICE_UNAVAILABLE"], r.text
    for r in reads:
        body = r.json()
        assert r.status_code == 200 and body["data"] is None, r.text
        assert _codes(body, "officerQualification") == ["SERVICE_UNAVAILABLE"], r.text
    assert probe["error"]["code"] == "SERVICE_UNAVAILABLE", probe

    db = stack.mongo_client[stack.cfg.db_name("accountability")]
    ids = [keyed_id("FindingDoc", k) for k in keys]
    assert db.accountability_findings.count_documents({"_id": {"$in": ids}}) == 0
    # everything resumes: the same requests (same keys) succeed, once each
    wait_for(lambda: finding(keys[0], stack.officers[0]).json()["data"]["recordFinding"][
        "finding"], 60, "requests to succeed again")
    retried = [finding(k, o).json()["data"]["recordFinding"] for k, o in zip(keys,
                                                                              stack.officers)]
    assert [r["finding"]["id"] for r in retried] == ids
    assert db.accountability_findings.count_documents({"_id": {"$in": ids}}) == len(ids)
    # no partial write anywhere: each finding with exactly one event, and no event without
    findings = {d["_id"] for d in db.accountability_findings.find({}, {"_id": 1})}
    events = [d["envelope"]["payload"]["finding_id"] for d in db.outbox.find(
        {"type": "accountability.finding_recorded.v1"})]
    assert sorted(events) == sorted(findings)
    # and the whole flow runs again end to end, reconciled
    run = Workload(stack, probes=100, sanctions=10).start()
    run.wait()
    run.reconcile("SecantusDB stopped and started (requests refused SERVICE_UNAVAILABLE)")


def test_database_killed_9_under_load(stack):
    """The database server crashes (kill -9) mid-run and is started again on its data, as
    it runs by default (its log not synced on commit). Reported, not required: acknowledged
    writes it lost, at the producers (a probe or sanction) and at the consumers (an effect
    whose delivery was already acknowledged to the broker: no redelivery can bring it back),
    README "Guarantees". Required: everything it kept drains (no outbox entry left unsent,
    no delivery left in the broker), nothing is done twice, nothing dead-lettered, and the
    audit trail verifies."""
    run = Workload(stack, probes=240, sanctions=10).start()
    run.until_sent(0.4)
    stack.mongo.kill9()
    eventlet.sleep(1)
    stack.mongo.start()
    run.wait()

    def drained():
        return run.counts()["unsent"] == 0 and not run.undelivered()
    wait_for(drained, 120, "the outbox and the broker to drain",
             detail=lambda: {"unsent": run.counts()["unsent"], "broker": run.undelivered()})
    # A kept write's effect shows up shortly after its delivery; wait (bounded) for the
    # stragglers before counting what the crash took.
    deadline = time.monotonic() + 20
    while not _settled(run.counts()) and time.monotonic() < deadline:
        eventlet.sleep(0.5)
    c = run.counts()
    figures = {
        "fault": "SecantusDB killed (kill -9) and restarted, default settings",
        "probe mutations accepted": len(run.accepted_probes),
        "sanctions accepted": len(run.accepted_sanctions),
        "acknowledged writes lost": len(run.accepted_probes - c["committed"])
        + len(set(run.accepted_sanctions.values()) - c["stored"]),
        "events delivered of writes lost": len(set(c["received"]) - c["committed"]),
        "acknowledged effects lost": len(c["committed"] - set(c["received"]))
        + len(c["stored"] - set(c["effects"])),
        "effects doubled": _doubled(c),
        "dead-lettered": run.dead_lettered()}
    record(figures)
    assert figures["effects doubled"] == 0, figures
    assert figures["dead-lettered"] == 0, figures
    assert run.audit_check().intact, figures


def test_database_killed_9_syncing_on_commit(stack):
    """The same crash with the server syncing its log on commit (as a journaled MongoDB
    acknowledges only what is on disk): now nothing acknowledged may be lost, and the run
    reconciles exactly (every write's event delivered and acted on once)."""
    stack.mongo.stop()
    stack.mongo.start(sync_on_commit=True)
    try:
        run = Workload(stack, probes=120, sanctions=6).start()
        run.until_sent(0.4)
        stack.mongo.kill9()
        eventlet.sleep(1)
        stack.mongo.start(sync_on_commit=True)
        run.wait()
        run.reconcile("SecantusDB killed (kill -9) and restarted, --sync-on-commit")
    finally:
        stack.mongo.stop()
        stack.mongo.start()


def _settled(c) -> bool:
    return c["committed"] <= set(c["received"]) and c["stored"] <= set(c["effects"])


def _doubled(c) -> int:
    return (sum(n - 1 for n in c["received"].values() if n > 1)
            + sum(n - 1 for n in c["effects"].values() if n > 1))
