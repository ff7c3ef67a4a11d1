"""One isolated stack for the fault package: a private RabbitMQ node, a private SecantusDB,
certification, accountability, the gateway and the bus probes as real processes, and the
certification demo roster. Torn down (processes stopped, node stopped, data deleted;
logs kept in var/faults/logs) however the tests end."""
import services.common.runtime  # noqa: F401,I001

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pymongo
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services.certification import demo
from services.common.clock import LOCAL_TZ
from services.common.config import Config, load
from services.runner import declare_topology, nameko_config
from tests.conftest import TEST_SECRET, _free_port
from tests.faults.infra import ROOT, MongoProcess, RabbitNode, Services, rabbit_tool

# Two replicas of the probe producer (one relays its outbox: the lease) and two gateways
# (each with its own caches), as a deployment with replicas runs them.
SERVICES = ("certification", "accountability", "audit", "probe_producer", "probe_producer-1",
            "probe_consumer", "gateway", "gateway-1")
RETRY_DELAYS_MS = (100, 300)
LOGS = ROOT / "var" / "faults" / "logs"


@dataclass
class Stack:
    cfg: Config
    rabbit: RabbitNode
    mongo: MongoProcess
    services: Services
    officers: list

    @property
    def rpc_config(self):
        return nameko_config(self.cfg)

    @property
    def gateway(self):
        return self.services.gateway

    @property
    def mongo_client(self):
        return pymongo.MongoClient(self.mongo.uri, serverSelectionTimeoutMS=10000)

    def restart(self, name):
        self.services.start(name)
        self.services.wait_ready([name], self.rpc_config)


@pytest.fixture(scope="package")
def stack():
    if not rabbit_tool("rabbitmq-server") or not rabbit_tool("rabbitmqctl"):
        pytest.skip("the fault suite starts a RabbitMQ node of its own: install rabbitmq-server")
    base = Path(tempfile.mkdtemp(prefix="jointops-faults-"))
    rabbit, mongo, services = RabbitNode(base / "rabbit"), MongoProcess(base), None
    try:
        rabbit.start()
        mongo.start()
        port = _free_port()
        env = dict(os.environ, JOINTOPS_AMQP_URI=rabbit.amqp_uri, JOINTOPS_MONGO_URI=mongo.uri,
                   JOINTOPS_JWT_SECRET=TEST_SECRET, JOINTOPS_DB_PREFIX="faults",
                   JOINTOPS_GATEWAY_PORT=str(port), JOINTOPS_LOG_LEVEL="WARNING",
                   JOINTOPS_RETRY_DELAYS_MS=",".join(map(str, RETRY_DELAYS_MS)))
        cfg = load(env)
        declare_topology(cfg)
        services = Services(env, base, port)
        services.start(*SERVICES)
        services.wait_ready(SERVICES, nameko_config(cfg))
        with ClusterRpcProxy(nameko_config(cfg), timeout=60) as rpc:
            demo.load(rpc)
        rows, suspended = demo.roster(dt.datetime.now(LOCAL_TZ).date())
        officers = [r["officer_id"] for r in rows if r["officer_id"] not in suspended]
        yield Stack(cfg, rabbit, mongo, services, officers)
    finally:
        if services is not None:
            services.stop_all()
        mongo.stop()
        rabbit.stop()
        shutil.rmtree(LOGS, ignore_errors=True)
        LOGS.mkdir(parents=True, exist_ok=True)
        for log in base.glob("*.log"):
            shutil.copy(log, LOGS)
        shutil.rmtree(base, ignore_errors=True)
