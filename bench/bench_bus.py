"""The reliable path against raw pika + raw pymongo, in one run. Both count distinct
events (a redelivery is not progress); the documents the consumer stored twice are
reported beside.

Reliable: N domain writes, each in its own transaction with its event (outbox) ->
relay publishes with confirms, persistent -> nameko consumer (its own process, as
deployed) with inbox -> stored.
Baseline (a subprocess without eventlet): raw pika publish with confirms, persistent ->
raw pika consumer -> pymongo insert -> ack.
Also printed: the producer's transactions alone, the ceiling of the reliable path here.

    .venv/bin/python bench/bench_bus.py [N]
"""
from __future__ import annotations

import services.common.runtime  # noqa: F401,I001  (eventlet before pymongo)

import subprocess
import sys
import time
import uuid

import eventlet
import pymongo

from _support import ROOT, mongo_server, report
from services.bus.relay import Relay
from services.bus.store import connect
from services.bus.unit_of_work import UnitOfWork
from services.common.config import load
from services.runner import declare_topology
from tests.integration.probe import PROBE_TYPE, Probe

AMQP = "amqp://guest:guest@127.0.0.1:5672/"


def write_events(client, db, n: int, on_commit=None, first: int = 0) -> None:
    """The producer: N domain writes, each in its own transaction with its event."""
    for i in range(first, first + n):
        uow = UnitOfWork(client, db, "bench", {}, on_commit)
        uow.insert(Probe(id=f"p{i}", seq=i))
        uow.emit(PROBE_TYPE, {"probe_id": f"p{i}", "seq": i})
        uow.commit()


def producer_alone(n: int, mongo_uri: str) -> float:
    """The producer's transactions with nothing else running: the reliable path can go no
    faster than this on this database, whatever the relay and the consumer do."""
    client, db = connect("probe_producer", mongo_uri, "benchproducer" + uuid.uuid4().hex[:6])
    try:
        started = time.perf_counter()
        write_events(client, db, n)
        return n / (time.perf_counter() - started)
    finally:
        client.drop_database(db.name)


def reliable(n: int, mongo_uri: str) -> tuple[float, int]:
    """(distinct events per second, stored documents beyond one per event)."""
    prefix = "bench" + uuid.uuid4().hex[:6]
    cfg = load({"JOINTOPS_AMQP_URI": AMQP, "JOINTOPS_MONGO_URI": mongo_uri,
                "JOINTOPS_DB_PREFIX": prefix}, require_secret=False)
    declare_topology(cfg)
    consumer = subprocess.Popen([sys.executable, str(ROOT / "bench" / "_bus_consumer.py"),
                                 mongo_uri, prefix], stdout=subprocess.PIPE, text=True)
    consumer.stdout.readline()  # "ready": its queue is declared and consuming
    client, db = connect("probe_producer", mongo_uri, cfg.db_name("probe_producer"))
    stored = pymongo.MongoClient(mongo_uri)[cfg.db_name("bench_consumer")]["stored"]
    relay = Relay(db, AMQP)
    relay_thread = eventlet.spawn(relay.run)
    try:
        started = time.perf_counter()
        write_events(client, db, n, relay.wake)
        # Distinct events, not stored documents: a duplicate must not count as progress.
        # The cheap count is polled (polling must not load the server it measures); the
        # distinct ids are counted once the documents could be enough.
        while stored.count_documents({}) < n or len(stored.distinct("probe_id")) < n:
            eventlet.sleep(0.1)
        elapsed = time.perf_counter() - started
        eventlet.sleep(1)  # a late duplicate would land now
        extra = stored.count_documents({}) - len(stored.distinct("probe_id"))
    finally:
        relay.stop()
        relay_thread.wait()
        consumer.terminate()
        consumer.wait(30)
        for name in ("probe_producer", "bench_consumer"):
            client.drop_database(cfg.db_name(name))
    return n / elapsed, extra


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with mongo_server() as mongo_uri:
        baseline = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "_raw_bus.py"), str(n), mongo_uri, AMQP],
            capture_output=True, text=True, check=True)
        base_rate = float(baseline.stdout.strip().splitlines()[-1])
        rate, extra = reliable(n, mongo_uri)
        alone = producer_alone(n, mongo_uri)
    report("bus", [{"name": f"reliable path, {n} events", "value": rate, "unit": "events/s",
                    "baseline": base_rate, "baseline_name": "raw pika + pymongo",
                    "goal": ">= 0.5x baseline", "better": "higher"},
                   {"name": f"its producer alone (write + outbox transactions, {n})",
                    "value": alone, "unit": "events/s", "baseline": base_rate,
                    "baseline_name": "raw pika + pymongo", "better": "higher"},
                   {"name": f"documents stored twice (of {n} distinct events)", "value": extra,
                    "unit": "documents", "goal": f"0: {'met' if extra == 0 else 'MISSED'}",
                    "better": "lower"}])


if __name__ == "__main__":
    main()
