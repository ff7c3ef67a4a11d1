"""Two replicas of a service: both take requests, one at a time relays the outbox and runs
the timers (the holder of a lease with a fencing epoch); when the holder dies without a
word, the other takes over within the lease's time and nothing is lost."""
import datetime as dt
import time

import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services.bus.lease import RENEW, TTL
from services.common.clock import utcnow
from tests.integration.probe import ConsumerService, ProducerService, Received
from tests.support import wait_until

pytestmark = pytest.mark.integration


def store_of(container):
    return next(d for d in container.dependencies if d.attr_name == "store")


def test_one_replica_relays_and_sweeps_and_another_takes_over_when_it_dies(
        container_factory, service_config):
    container_factory(ConsumerService, service_config).start()
    replicas = [container_factory(ProducerService, service_config) for _ in range(2)]
    for replica in replicas:
        replica.start()
    leases = [store_of(r).relay.lease for r in replicas]
    wait_until(lambda: sum(lease.held for lease in leases) == 1)
    holder = next(i for i, lease in enumerate(leases) if lease.held)
    db = store_of(replicas[0]).db
    with ClusterRpcProxy(service_config) as rpc:
        for n in range(20):  # spread over both replicas by the broker
            rpc.probe_producer.record(f"r-{n}", n)
    wait_until(lambda: Received.objects(probe_id__startswith="r-").count() == 20)
    assert db["outbox"].count_documents({"sent": False}) == 0
    wait_until(lambda: db["ticks"].count_documents({}) >= 3)
    assert set(db["ticks"].distinct("replica")) == {leases[holder].holder}

    leases[holder].release = lambda: None  # dies without a word: the lease must expire
    replicas[holder].kill()
    died, ticks = time.monotonic(), db["ticks"].count_documents({})
    other = leases[1 - holder]
    with ClusterRpcProxy(service_config) as rpc:
        for n in range(20, 30):
            rpc.probe_producer.record(f"r-{n}", n)
    wait_until(lambda: other.held, timeout=TTL + 2 * RENEW + 1)
    took_over = time.monotonic() - died
    wait_until(lambda: Received.objects(probe_id__startswith="r-").count() == 30)
    assert db["bus_leases"].find_one({"_id": "outbox"})["epoch"] == other.epoch > 1
    wait_until(lambda: db["ticks"].count_documents({"replica": other.holder}) >= 1)
    assert db["ticks"].count_documents({}) > ticks
    print(f"lease taken over {took_over:.1f} s after its holder died")


def test_a_former_holder_marks_nothing_sent_once_another_took_over(
        container_factory, service_config):
    """Fencing: a holder that stalled past the TTL (its epoch is stale) cannot mark the
    outbox; the new holder publishes those events again (the inbox absorbs them)."""
    from services.bus.lease import Lease, LeaseLost
    from services.bus.relay import Relay

    replica = container_factory(ProducerService, service_config)
    replica.start()
    db = store_of(replica).db
    with ClusterRpcProxy(service_config) as rpc:
        rpc.probe_producer.record("f-1")
    wait_until(lambda: db["outbox"].count_documents({"sent": False}) == 0)
    replica.stop()
    stale = Relay(db, service_config["AMQP_URI"], lease=Lease(db, ttl=0.2))
    assert stale.lease.renew()
    db["outbox"].update_many({}, {"$set": {"sent": False}})
    time.sleep(0.3)
    assert Lease(db).renew()  # another replica takes the expired lease
    stale.lease._valid_until = utcnow() + dt.timedelta(hours=1)  # it believes it holds it
    with pytest.raises(LeaseLost):
        stale._mark_sent([d["_id"] for d in db["outbox"].find()])
    assert db["outbox"].count_documents({"sent": False}) == 1


def test_a_holder_dead_mid_transaction_does_not_hold_up_its_successor(mongo_uri, db_prefix):
    """The former holder's open transaction (it died while marking) would keep its
    documents until the server reaps it (60 s); taking the lease aborts it at once."""
    import pymongo

    from services.bus.lease import Lease
    from services.bus.store import connect

    _, db = connect("lease_test", mongo_uri, f"{db_prefix}_lease_test")
    db.drop_collection("outbox")
    db.drop_collection("bus_leases")
    db.outbox.insert_one({"_id": 1, "sent": False})
    dead, successor = Lease(db, ttl=0.5), Lease(db, ttl=0.5)
    assert dead.renew()
    dead.session.start_transaction()  # marking, and then the process is gone
    db.outbox.update_one({"_id": 1}, {"$set": {"sent": True}}, session=dead.session)
    time.sleep(0.6)
    assert successor.renew() and successor.epoch == 2

    def mark(session):
        successor.fence(session)
        db.outbox.update_one({"_id": 1}, {"$set": {"sent": "again"}}, session=session)
    with pymongo.timeout(5):
        successor.session.with_transaction(mark)
    assert db.outbox.find_one({"_id": 1})["sent"] == "again"
