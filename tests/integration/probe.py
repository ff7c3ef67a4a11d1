"""A producer and a consumer of `bus.probe_recorded.v1`, built only from the shared bus
library, so the bus is tested exactly as the services use it."""
import uuid

from mongoengine import Document, IntField, StringField

from services.bus.rpc import command, rpc
from services.bus.service import BusService
from services.bus.store import Store
from services.bus.subscriber import subscribe
from services.bus.timer import timer

PROBE_TYPE = "bus.probe_recorded.v1"


class Probe(Document):
    id = StringField(primary_key=True)
    seq = IntField()
    meta = {"db_alias": "probe_producer", "collection": "probes"}


class Received(Document):
    # A fresh id per effect: only the inbox, not a unique key, can stop a double effect.
    id = StringField(primary_key=True, default=lambda: uuid.uuid4().hex)
    event_id = StringField()
    probe_id = StringField()
    correlation_id = StringField()
    meta = {"db_alias": "probe_consumer", "collection": "received"}


class ProducerService(BusService):
    name = "probe_producer"
    store = Store("probe_producer")

    @rpc
    @command
    def record(self, probe_id, seq=0, note=""):
        with self.store.transaction() as uow:
            uow.insert(Probe(id=probe_id, seq=seq))
            uow.emit(PROBE_TYPE, {"probe_id": probe_id, "seq": seq, "note": note})
        return probe_id

    @timer(interval=0.3)
    def tick(self):
        """A sweep: runs on the replica holding the outbox lease only (who ticked is kept)."""
        self.store.db["ticks"].insert_one({"replica": self.store.replica})


class ConsumerService(BusService):
    name = "probe_consumer"
    store = Store("probe_consumer")

    @subscribe(PROBE_TYPE)
    def on_probe(self, event):
        # Attempts are counted outside the transaction, so failures are visible too.
        self.store.db["attempts"].update_one({"_id": event.event_id}, {"$inc": {"n": 1}},
                                             upsert=True)
        if event.payload.note == "poison" and not self.store.db["healed"].find_one():
            raise RuntimeError("poison probe")
        with self.store.transaction() as uow:
            uow.insert(Received(event_id=event.event_id, probe_id=event.payload.probe_id,
                                correlation_id=self.tracing))
