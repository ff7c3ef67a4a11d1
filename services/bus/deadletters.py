"""Retries and the dead-letter queue: putting messages there, listing and replaying.

A dead letter keeps its original body and carries, in headers, the reason, the
handler queue it failed in (where a replay sends it back), the attempts made and
when it failed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pika
from nameko.amqp.publish import get_producer

from services.bus.topology import DEAD_LETTER_QUEUE_NAME, delay_exchange
from services.common.clock import utcnow
from services.common.config import amqp_nodes

HEADER_ATTEMPTS = "x-jointops-attempts"
HEADER_REASON = "x-jointops-reason"
HEADER_QUEUE = "x-jointops-queue"
HEADER_FAILED_AT = "x-jointops-failed-at"


# Retried: a pooled connection that a broker restart closed is opened again (a failure
# here would kill the consuming service's container); a duplicate is the inbox's job.
PUBLISH_RETRY = {"max_retries": 3, "interval_start": 0.2, "interval_step": 0.5,
                 "interval_max": 2}


def _publish(amqp_uri, body, exchange, routing_key, headers, message=None):
    with get_producer(amqp_uri, confirms=True) as producer:
        producer.publish(body, exchange=exchange, routing_key=routing_key, headers=headers,
                         serializer="json", delivery_mode=2, retry=True,
                         retry_policy=PUBLISH_RETRY,
                         message_id=(message.properties.get("message_id") if message else None))


def retry_later(amqp_uri, message, queue_name, delay_ms, attempts):
    headers = dict(message.headers or {}, **{HEADER_ATTEMPTS: attempts})
    # Fanout exchange: the routing key is kept and, after the TTL, routes the
    # message from the default exchange back into the handler's own queue.
    _publish(amqp_uri, message.payload, delay_exchange(delay_ms), queue_name, headers, message)


def dead_letter(amqp_uri, message, body, queue_name, reason, attempts):
    headers = {HEADER_REASON: reason[:2000], HEADER_QUEUE: queue_name,
               HEADER_ATTEMPTS: attempts, HEADER_FAILED_AT: utcnow().isoformat()}
    _publish(amqp_uri, body, "", DEAD_LETTER_QUEUE_NAME, headers, message)


@dataclass
class DeadLetter:
    tag: int
    message_id: str | None
    queue: str
    reason: str
    attempts: int
    failed_at: str
    body: object


def _channel(amqp_uri):
    # pika tries each node in turn: the tools work while any node of a cluster is up.
    conn = pika.BlockingConnection([pika.URLParameters(n) for n in amqp_nodes(amqp_uri)])
    channel = conn.channel()
    channel.queue_declare(DEAD_LETTER_QUEUE_NAME, passive=True)
    return conn, channel


def _drain(channel, limit):
    """Take up to `limit` messages without acking: closing the channel requeues them."""
    letters = []
    while len(letters) < limit:
        method, props, raw = channel.basic_get(DEAD_LETTER_QUEUE_NAME, auto_ack=False)
        if method is None:
            break
        headers = props.headers or {}
        try:
            body = json.loads(raw)
        except ValueError:
            body = raw.decode("utf-8", "replace")
        letters.append(DeadLetter(method.delivery_tag, props.message_id,
                                  headers.get(HEADER_QUEUE, ""), headers.get(HEADER_REASON, ""),
                                  int(headers.get(HEADER_ATTEMPTS, 0)),
                                  headers.get(HEADER_FAILED_AT, ""), body))
    return letters


def list_dead_letters(amqp_uri, limit=1000) -> list[DeadLetter]:
    conn, channel = _channel(amqp_uri)
    try:
        return _drain(channel, limit)
    finally:
        conn.close()


def replay(amqp_uri, message_ids=None, limit=10000) -> list[DeadLetter]:
    """Send chosen dead letters (all if `message_ids` is None) back to their handler
    queue with a fresh retry budget; the rest stay where they are."""
    conn, channel = _channel(amqp_uri)
    channel.confirm_delivery()
    replayed = []
    try:
        for letter in _drain(channel, limit):
            if message_ids is not None and letter.message_id not in message_ids:
                continue
            if not letter.queue:
                continue
            channel.basic_publish(
                "", letter.queue, json.dumps(letter.body),
                pika.BasicProperties(content_type="application/json", content_encoding="utf-8",
                                     delivery_mode=2,
                                     message_id=letter.message_id))
            channel.basic_ack(letter.tag)
            replayed.append(letter)
    finally:
        conn.close()
    return replayed
