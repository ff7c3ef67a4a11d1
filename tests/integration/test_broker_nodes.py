"""JOINTOPS_AMQP_URI with several nodes: every client (nameko consumers and RPC, the
outbox relay, retries and dead letters through kombu, the pika dead-letter tools) goes on
through the next node when the first does not answer."""
import dataclasses

import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from services.bus.deadletters import list_dead_letters, replay
from services.common.config import ConfigError, load
from services.runner import nameko_config
from tests.conftest import _free_port
from tests.integration.probe import ConsumerService, ProducerService, Received
from tests.support import wait_until

pytestmark = pytest.mark.integration


def test_a_list_of_nodes_is_read_and_each_node_checked():
    cfg = load({"JOINTOPS_AMQP_URI": "amqp://u:p@a:5672/; amqp://u:p@b:5672/",
                "JOINTOPS_JWT_SECRET": "x" * 32})
    assert cfg.amqp_uri == "amqp://u:p@a:5672/;amqp://u:p@b:5672/"
    with pytest.raises(ConfigError, match="JOINTOPS_AMQP_URI='http://b/'"):
        load({"JOINTOPS_AMQP_URI": "amqp://u:p@a:5672/;http://b/",
              "JOINTOPS_JWT_SECRET": "x" * 32})


def test_every_client_goes_on_through_the_next_node(container_factory, jointops_config,
                                                   service_config):
    down = f"amqp://guest:guest@127.0.0.1:{_free_port()}/"  # nothing listens there
    cfg = dataclasses.replace(jointops_config, amqp_uri=f"{down};{jointops_config.amqp_uri}")
    config = nameko_config(cfg)
    for cls in (ProducerService, ConsumerService):
        container_factory(cls, config).start()
    with ServiceRpcProxy("probe_producer", config) as proxy:
        proxy.record("p-nodes")
        proxy.record("p-poison", note="poison")  # retried, then dead-lettered
    wait_until(lambda: Received.objects(probe_id="p-nodes").count() == 1)
    wait_until(lambda: any(d.queue == "probe_consumer.on_probe"
                           for d in list_dead_letters(cfg.amqp_uri)))
    Received._get_db()["healed"].insert_one({"_id": "fixed"})
    assert len(replay(cfg.amqp_uri)) == 1
    wait_until(lambda: Received.objects(probe_id="p-poison").count() == 1)
