"""Baseline for bench_bus.py: raw pika (confirms, persistent) + raw pymongo, no framework.
Counts distinct events (by seq), as the reliable path is counted: a redelivery is not
progress. Prints events per second on its last line."""
import json
import sys
import threading
import time
import uuid

import pika
import pymongo

n, mongo_uri, amqp = int(sys.argv[1]), sys.argv[2], sys.argv[3]
queue = f"bench.raw.{uuid.uuid4().hex[:8]}"
db_name = f"benchraw{uuid.uuid4().hex[:6]}"
coll = pymongo.MongoClient(mongo_uri)[db_name]["received"]
done = threading.Event()


def consume():
    conn = pika.BlockingConnection(pika.URLParameters(amqp))
    ch = conn.channel()
    ch.basic_qos(prefetch_count=20)
    seen = set()
    for method, _props, body in ch.consume(queue):
        coll.insert_one({"body": body})
        ch.basic_ack(method.delivery_tag)
        seen.add(json.loads(body)["seq"])
        if len(seen) == n:
            break
    ch.cancel()
    conn.close()
    done.set()


setup = pika.BlockingConnection(pika.URLParameters(amqp))
setup.channel().queue_declare(queue, durable=True)
setup.close()
started = time.perf_counter()
threading.Thread(target=consume, daemon=True).start()
conn = pika.BlockingConnection(pika.URLParameters(amqp))
ch = conn.channel()
ch.confirm_delivery()
for i in range(n):
    ch.basic_publish("", queue, b'{"seq": %d}' % i,
                     pika.BasicProperties(delivery_mode=2, content_type="application/json"))
done.wait()
elapsed = time.perf_counter() - started
ch.queue_delete(queue)
conn.close()
pymongo.MongoClient(mongo_uri).drop_database(db_name)
print(n / elapsed)
