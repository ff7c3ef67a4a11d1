"""Replicas: kill -9 of the replica that relays the probe producer's outbox (the lease
holder) mid-run -> another relays within 5 s, nothing lost; two gateways each keep their
own cache, and a change made through one shows on the other."""
import time

import httpx
import pytest
from bson import ObjectId

from gateway.auth import mint
from services.common.clock import utcnow
from tests.conftest import TEST_SECRET
from tests.faults.infra import wait_for
from tests.faults.workload import Workload, record

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]
TAKEOVER_SECONDS = 5  # the bound: lease TTL 3 s + one renewal period


def test_kill_9_of_the_outbox_lease_holder_mid_run(stack):
    db = stack.mongo_client[stack.cfg.db_name("probe_producer")]
    run = Workload(stack, probes=300, sanctions=10).start()
    run.until_sent(0.3)
    lease = db.bus_leases.find_one({"_id": "outbox"})
    holder = stack.services.by_pid(int(lease["holder"].split(":")[1]))
    stack.services.kill9(holder)
    killed, before = time.monotonic(), ObjectId.from_datetime(utcnow())

    def relayed_by_another():  # what the dead holder left unsent has gone out
        return (db.bus_leases.find_one({"_id": "outbox"})["holder"] != lease["holder"]
                and not db.outbox.find_one({"_id": {"$lt": before}, "sent": False}))
    wait_for(relayed_by_another, TAKEOVER_SECONDS, "another replica to relay the outbox")
    relayed_after = time.monotonic() - killed
    taken = db.bus_leases.find_one({"_id": "outbox"})
    assert taken["holder"] != lease["holder"] and taken["epoch"] > lease["epoch"]
    stack.restart(holder)
    run.wait()
    figures = run.reconcile(f"kill -9 of the outbox lease holder ({holder})")
    record({"fault": "outbox lease holder killed",
            "seconds until another replica relayed": round(relayed_after, 2)})
    assert figures["probe mutations accepted"] >= 200


CHECK = ("query($id: ID!) { officerQualification(officerId: $id, domain: TOURISM) "
         "{ qualified reasons } }")
SUSPEND = ("mutation($i: SuspendCertificateInput!) { suspendCertificate(input: $i) "
           "{ errors { code } } }")
REINSTATE = ("mutation($i: ReinstateCertificateInput!) { reinstateCertificate(input: $i) "
             "{ errors { code } } }")


def test_two_gateways_each_cache_and_both_see_a_change_made_through_either(stack):
    officer = next(o for o in stack.officers if o.startswith("demo-cu-"))
    reader = {"Authorization": f"Bearer {mint(TEST_SECRET, 'cache', ['cross_agency'])}"}
    admin = {"Authorization": "Bearer " + mint(TEST_SECRET, "cache-admin",
                                               ["certification_admin"], "CULTURE")}
    gateways = [stack.services.gateway_url(n) for n in ("gateway", "gateway-1")]

    def ask(url):
        body = httpx.post(f"{url}/graphql", json={"query": CHECK, "variables": {"id": officer}},
                          headers=reader, timeout=15).json()
        return body["data"]["officerQualification"]["qualified"], body["extensions"][
            "serviceCalls"]

    def change(url, mutation, name):
        body = httpx.post(f"{url}/graphql", headers=admin, timeout=15, json={
            "query": mutation, "variables": {"i": {"officerId": officer, "reason": "cache"}}}
        ).json()
        assert body["data"][name]["errors"] == [], body

    for url in gateways:  # each answers from its own cache once warm
        wait_for(lambda: ask(url) == (True, 0), 10, f"{url} to cache the answer")
    change(gateways[0], SUSPEND, "suspendCertificate")
    for url in gateways:  # the other gateway learns it from the event, not the caller
        wait_for(lambda: ask(url)[0] is False, 5, f"{url} to drop its cached answer")
    change(gateways[1], REINSTATE, "reinstateCertificate")
    for url in gateways:
        wait_for(lambda: ask(url)[0] is True, 5, f"{url} to see the reinstatement")
