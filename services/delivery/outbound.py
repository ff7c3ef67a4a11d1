"""The one outbound delivery component: a durable queue of messages to other systems.

A message is stored (in the transaction of the event that caused it) as a delivery with an
id that is its idempotency key; a dispatcher in each replica claims due deliveries with a
lease (so two replicas never send one at once), posts them with httpx, records every
attempt, and retries failures with backoff until the delivery's span is used up. What is
particular to a kind of receiver (signing, where it points, what a 410 means) is its
`Sender`, registered in SENDERS: webhooks, and the adapters of the platforms that receive
records by law (services/delivery/platforms.py), whose deliveries also carry a legal
deadline (`due_by`): one delivered after it is marked `late` here.
Redirects are never followed: a receiver that moved says so by a new subscription.
"""
from __future__ import annotations

import datetime as dt
import logging
import secrets
import time
from dataclasses import dataclass, field

import eventlet
import httpx

from services.common.clock import as_utc, utcnow
from services.common.errors import DomainError
from services.delivery import sequence
from services.delivery.documents import AttemptDoc, DeliveryDoc
from services.delivery.domain.backoff import next_attempt

log = logging.getLogger(__name__)
PENDING, DELIVERED, FAILED, CANCELLED = "PENDING", "DELIVERED", "FAILED", "CANCELLED"
LEASE = dt.timedelta(seconds=60)
IDLE_SECONDS = 1.0  # how often a dispatcher looks for retries falling due
BATCH = 50
SENDERS: dict = {}  # kind -> Sender


@dataclass
class Request:
    url: str
    headers: dict
    body: bytes
    extensions: dict = field(default_factory=dict)


class Cancel(Exception):
    """The receiver is gone (unsubscribed, disabled): drop the delivery, do not retry."""


class Sender:
    """What one kind of receiver needs; subclasses register with `SENDERS[kind] = ...`."""

    def prepare(self, delivery: dict, config) -> Request:
        """The request for this attempt; DomainError: this attempt fails unsent."""
        raise NotImplementedError

    def receipt(self, response: httpx.Response) -> str | None:
        """The receiver's receipt id: the `X-Receipt-Id` header, else `receipt_id` (or
        `receiptId`) of a JSON answer."""
        found = response.headers.get("x-receipt-id")
        if found is None and "json" in response.headers.get("content-type", ""):
            try:
                data = response.json()
            except ValueError:
                data = None
            if isinstance(data, dict):
                found = data.get("receipt_id") or data.get("receiptId")
        return str(found)[:200] if found is not None else None

    def gone(self, delivery: dict) -> None:
        """The receiver answered 410 Gone."""


def new_id() -> str:
    return "msg_" + secrets.token_hex(12)


def enqueue(uow, kind: str, rows: list[dict], span: dt.timedelta) -> list[str]:
    """Add deliveries (each row: target, event_id, event_type, body, and for platforms
    agency, record_at, due_on, due_by) to a unit of work; they are due at once. Returns
    their ids."""
    now = utcnow()
    docs = [DeliveryDoc(id=new_id(), seq=0, kind=kind, status=PENDING, attempts=0,
                        next_attempt_at=now, give_up_at=now + span, created_at=now, **row)
            for row in rows]
    for doc in docs:
        doc.validate()

    def insert(session):
        first = sequence.take(session, "deliveries", len(docs))
        sons = []
        for i, doc in enumerate(docs):
            doc.seq = first + i
            sons.append(doc.to_mongo())
        DeliveryDoc._get_collection().insert_many(sons, session=session)
    if docs:
        uow.run(insert)
    return [d.id for d in docs]


def replay(query: dict, span: dt.timedelta) -> int:
    """Send the deliveries matching `query` again, now, under their own ids."""
    now = utcnow()
    result = DeliveryDoc._get_collection().update_many(
        {**query, "status": {"$ne": CANCELLED}},
        {"$set": {"status": PENDING, "next_attempt_at": now, "give_up_at": now + span,
                  "lease_until": None}})
    return result.modified_count


def cancel(query: dict) -> int:
    return DeliveryDoc._get_collection().update_many(
        {**query, "status": PENDING}, {"$set": {"status": CANCELLED,
                                                "next_attempt_at": None}}).modified_count


class Dispatcher:
    def __init__(self, config, pool_size: int = 20):
        self.config = config
        self.base = dt.timedelta(milliseconds=config.delivery_retry_base_ms)
        self.pool = eventlet.GreenPool(pool_size)
        self.http = httpx.Client(timeout=httpx.Timeout(
            getattr(config, "delivery_timeout_ms", 10000) / 1000, connect=5.0),
            follow_redirects=False)
        self._wake = eventlet.event.Event()
        self.running = True

    def wake(self):
        if not self._wake.ready():
            self._wake.send()

    def stop(self):
        self.running = False
        self.wake()

    def run(self):
        while self.running:
            # A fresh event before looking: a wake during the claim is not lost.
            self._wake = eventlet.event.Event()
            try:
                claimed = self.claim(BATCH)
            except Exception as exc:  # the database is away: try again shortly
                log.warning("delivery dispatcher cannot claim: %s", exc)
                claimed = []
            for delivery in claimed:
                self.pool.spawn_n(self.send, delivery)
            if len(claimed) < BATCH:
                with eventlet.Timeout(IDLE_SECONDS, False):
                    self._wake.wait()
        self.pool.waitall()

    def claim(self, limit: int) -> list[dict]:
        """Lease up to `limit` due deliveries: three commands for the batch (find the due
        ids, lease those still due under a fresh token, read back the token's), so a
        burst costs the database little; the lease's filter re-checks each one, so a
        delivery another replica leased first is not taken twice."""
        now, coll = utcnow(), DeliveryDoc._get_collection()
        due = {"status": PENDING, "next_attempt_at": {"$lte": now},
               "$or": [{"lease_until": None}, {"lease_until": {"$lt": now}}]}
        ids = [c["_id"] for c in coll.find(due, {"_id": 1}).sort("next_attempt_at", 1)
               .limit(limit)]
        if not ids:
            return []
        token = new_id()
        coll.update_many({**due, "_id": {"$in": ids}},
                         {"$set": {"lease_until": now + LEASE, "lease_token": token}})
        return list(coll.find({"_id": {"$in": ids}, "lease_token": token}))

    def send(self, delivery: dict):
        sender, started, code, error, receipt = SENDERS[delivery["kind"]], time.monotonic(), \
            None, None, None
        try:
            request = sender.prepare(delivery, self.config)
            response = self.http.post(request.url, content=request.body,
                                      headers=request.headers, extensions=request.extensions)
            code = response.status_code
            if 200 <= code < 300:
                receipt = sender.receipt(response)
            elif 300 <= code < 400:
                error = "REDIRECT_REFUSED: redirects are not followed"
            else:
                error = f"HTTP {code}"
        except Cancel as exc:
            self._settle(delivery, None, f"CANCELLED: {exc}", None, started, CANCELLED)
            return
        except DomainError as exc:
            error = f"{exc.code}: {exc.message}"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the dispatcher
            log.exception("delivery %s failed unexpectedly", delivery["_id"])
            error = f"{type(exc).__name__}"
        if code == 410:
            sender.gone(delivery)
            self._settle(delivery, code, "GONE: the receiver answered 410", None, started,
                         CANCELLED)
            return
        self._settle(delivery, code, error, receipt, started,
                     DELIVERED if error is None else None)

    def _settle(self, delivery, code, error, receipt, started, status):
        now = utcnow()
        attempts = delivery.get("attempts", 0) + 1
        AttemptDoc._get_collection().insert_one({
            "_id": new_id(), "delivery_id": delivery["_id"], "at": now, "status_code": code,
            "error": error, "duration_ms": (time.monotonic() - started) * 1000})
        change = {"attempts": attempts, "last_status_code": code, "last_error": error,
                  "lease_until": None}
        if status is None:  # failed: again later, or never
            when = next_attempt(attempts, now, as_utc(delivery["give_up_at"]), self.base)
            status = PENDING if when else FAILED
            change["next_attempt_at"] = when
        else:
            change["next_attempt_at"] = None
        change["status"] = status
        if status == DELIVERED:
            change.update(delivered_at=now, receipt_id=receipt)
            if delivery.get("due_by") is not None and delivery.get("late") is None:
                # a platform's, delivered the first time (a replay keeps the first verdict)
                change["late"] = now >= as_utc(delivery["due_by"])
        DeliveryDoc._get_collection().update_one({"_id": delivery["_id"]}, {"$set": change})
