"""The consuming service for bench_bus.py, in its own process as in a deployment:
a nameko subscriber that stores each event with its inbox record in one transaction."""
import services.common.runtime  # noqa: F401,I001

import signal
import sys
import uuid

import eventlet
from mongoengine import Document, StringField
from nameko.containers import ServiceContainer

from services.bus.service import BusService
from services.bus.store import Store
from services.bus.subscriber import subscribe
from services.common.config import load
from services.runner import nameko_config


class Stored(Document):
    id = StringField(primary_key=True, default=lambda: uuid.uuid4().hex)
    probe_id = StringField()
    meta = {"db_alias": "bench_consumer", "collection": "stored"}


class BenchConsumer(BusService):
    name = "bench_consumer"
    store = Store("bench_consumer")

    @subscribe("bus.probe_recorded.v1")
    def on_probe(self, event):
        with self.store.transaction() as uow:
            uow.insert(Stored(probe_id=event.payload.probe_id))


if __name__ == "__main__":
    mongo_uri, prefix = sys.argv[1], sys.argv[2]
    cfg = load({"JOINTOPS_MONGO_URI": mongo_uri, "JOINTOPS_DB_PREFIX": prefix},
               require_secret=False)
    container = ServiceContainer(BenchConsumer, nameko_config(cfg))
    container.start()
    stop = eventlet.event.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.ready() or stop.send())
    print("ready", flush=True)
    stop.wait()
    container.stop()
