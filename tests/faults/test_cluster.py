"""The services on a three-node RabbitMQ cluster with quorum queues (JOINTOPS_QUEUE_TYPE=
quorum, JOINTOPS_AMQP_URI listing every node): each queue's type as the cluster reports it;
the node leading the queues crashes under load (0 lost, 0 doubled, mutations succeed again
within 10 s); two of three nodes stop (requests answer SERVICE_UNAVAILABLE, nothing is half
written, and everything accepted is delivered once they return)."""
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import eventlet
import pymongo
import pytest
from nameko.containers import ServiceContainer

from services import registry
from services.bus import client
from services.bus.subscriber import EventSubscriber
from services.bus.topology import DEAD_LETTER_QUEUE_NAME, DELIVERY_LIMIT
from services.common.config import Config, load
from services.common.errors import DomainError
from services.runner import declare_topology, nameko_config
from tests.conftest import TEST_CREDENTIAL_KEYS, TEST_SECRET
from tests.faults.conftest import LOGS, RETRY_DELAYS_MS
from tests.faults.infra import MongoProcess, RabbitCluster, Services, rabbit_tool, wait_for
from tests.faults.workload import Workload, record

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]
PROCESSES = ("probe_producer", "probe_consumer", "audit")
RECOVERY_SECONDS = 10  # the bound for mutations to succeed again


@dataclass
class ClusterStack:  # what tests.faults.workload.Workload needs of a stack
    cfg: Config
    rabbit: RabbitCluster
    mongo: MongoProcess
    services: Services
    officers: tuple = ()
    gateway: str = ""

    @property
    def rpc_config(self):
        return nameko_config(self.cfg)

    @property
    def mongo_client(self):
        return pymongo.MongoClient(self.mongo.uri, serverSelectionTimeoutMS=10000)


@pytest.fixture(scope="module")
def cluster():
    if not rabbit_tool("rabbitmq-server") or not rabbit_tool("rabbitmqctl"):
        pytest.skip("the cluster tests start RabbitMQ nodes of their own: install rabbitmq-server")
    base = Path(tempfile.mkdtemp(prefix="jointops-cluster-"))
    rabbit, mongo, services = RabbitCluster(base / "rabbit"), MongoProcess(base), None
    try:
        rabbit.start()
        mongo.start()
        env = dict(os.environ, JOINTOPS_AMQP_URI=rabbit.amqp_uri, JOINTOPS_MONGO_URI=mongo.uri,
                   JOINTOPS_JWT_SECRET=TEST_SECRET, JOINTOPS_DB_PREFIX="cluster",
                   JOINTOPS_QUEUE_TYPE="quorum", JOINTOPS_LOG_LEVEL="WARNING",
                   JOINTOPS_CREDENTIAL_KEYS=TEST_CREDENTIAL_KEYS,
                   JOINTOPS_RETRY_DELAYS_MS=",".join(map(str, RETRY_DELAYS_MS)))
        cfg = load(env)
        declare_topology(cfg)
        services = Services(env, base, 0)
        services.start(*PROCESSES)
        services.wait_ready(PROCESSES, nameko_config(cfg))
        yield ClusterStack(cfg, rabbit, mongo, services)
    finally:
        if services is not None:
            services.stop_all()
        mongo.stop()
        rabbit.stop()
        LOGS.mkdir(parents=True, exist_ok=True)
        for log in base.glob("*.log"):
            shutil.copy(log, LOGS / f"cluster-{log.name}")
        shutil.rmtree(base, ignore_errors=True)


def test_every_queue_of_every_service_is_a_quorum_queue_and_replies_stay_classic(cluster):
    containers, handlers = [], set()  # every registry service declares its queues
    try:
        for path in registry.SERVICES.values():
            containers.append(ServiceContainer(registry.load(path), cluster.rpc_config))
            containers[-1].start()
            handlers |= {e.queue_name for e in containers[-1].entrypoints
                         if isinstance(e, EventSubscriber) and not e.broadcast}
        queues = cluster.rabbit.queues()
    finally:
        for container in containers:
            container.stop()
    assert handlers and handlers <= set(queues)
    for service in registry.SERVICES:
        assert f"rpc-{service}" in queues, service
    retries = {f"jointops.retry.{ms}ms" for ms in RETRY_DELAYS_MS}
    assert retries <= set(queues)
    for name, (kind, leader, arguments) in queues.items():
        args = {a[0]: a[2] for a in arguments or []}
        if name.startswith("rpc.reply-"):
            assert kind == "classic", name
            continue
        assert kind == "quorum", (name, kind)
        assert leader in {n.node for n in cluster.rabbit.nodes}
        if name in handlers | retries:
            # dead-lettered (a retry's way back, a handler's poison) at least once
            assert args["x-dead-letter-strategy"] == "at-least-once", name
            assert args["x-overflow"] == "reject-publish", name
        if name in handlers or name.startswith("rpc-"):
            assert args["x-delivery-limit"] == DELIVERY_LIMIT, name
    assert queues[DEAD_LETTER_QUEUE_NAME][0] == "quorum"


def test_the_node_leading_the_queues_crashes_under_load(cluster):
    # Clients that wait 4 s for an answer: a call in flight on the crashed node is answered
    # by nobody, so with the default 10 s a client could not succeed again within the
    # issue's 10 s however soon the cluster recovered (seen once in CI).
    run = Workload(cluster, probes=300, sanctions=0, rpc_timeout=4).start()
    run.until_sent(0.3)
    leader = cluster.rabbit.by_name(cluster.rabbit.queues()["probe_consumer.on_probe"][1])
    leader.kill9()
    crashed = time.monotonic()
    try:
        # the bound on the behaviour (mutations are accepted again); how soon is
        # recorded in the fault report below
        wait_for(lambda: any(t > crashed for t in run.accepted_at), RECOVERY_SECONDS,
                 "a probe mutation accepted after the leader crashed",
                 detail=lambda: dict(run.refused))
        run.until_sent(0.6)
        run.wait()
    finally:
        leader.start()  # the same node name and data: it rejoins the cluster
    recovered = min(t for t in run.accepted_at if t > crashed) - crashed
    figures = run.reconcile("the quorum queues' leader node crashed (kill -9)")
    record({"fault": "leader node crashed", "seconds until a mutation succeeded again":
            round(recovered, 2)})
    assert figures["probe mutations accepted"] >= 225


def test_two_of_three_nodes_stopped_then_returned(cluster):
    run = Workload(cluster, probes=160, sanctions=0).start()
    run.until_sent(0.3)
    stopped = cluster.rabbit.nodes[1:]  # the clients' first node is left: a minority
    for node in stopped:
        cluster.rabbit.stop_app(node)
    refusals = []
    with client.standalone(cluster.rpc_config, "system:faults", timeout=5) as clients:
        for n in range(3):
            try:
                with eventlet.Timeout(30):  # the client's own bound (5 s) must answer first
                    clients.probe_producer.record(f"minority-{n}")
            except DomainError as exc:
                refusals.append(exc.code)
    for node in stopped:
        cluster.rabbit.start_app(node)
    run.wait()
    figures = run.reconcile("two of three nodes stopped, then started")
    assert refusals == ["SERVICE_UNAVAILABLE"] * 3
    db = cluster.mongo_client[cluster.cfg.db_name("probe_producer")]
    minority = db.probes.count_documents({"_id": {"$regex": "^minority-"}})
    sent = db.outbox.count_documents({"envelope.payload.probe_id": {"$regex": "^minority-"}})
    assert minority == sent  # a refused request that did write has its event, and it went
    assert figures["probe mutations accepted"] >= 80
