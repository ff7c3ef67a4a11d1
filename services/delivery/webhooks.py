"""Webhook subscriptions (an agency system's endpoint and the public event types it
wants), the fan-out of bus events into deliveries, and the webhook `Sender`.

A cross-agency system manages only its own subscriptions; a planner manages any. Someone
else's subscription answers NOT_FOUND, as one that does not exist."""
from __future__ import annotations

import datetime as dt
import json
import secrets
import socket
import time
from urllib.parse import urlsplit

from services.contracts.payloads import Event
from services.contracts.topology import PUBLIC_EVENTS, public_event
from services.common import credential_keys, paging
from services.common.actor import Actor
from services.common.clock import utcnow
from services.common.errors import DomainError, InvalidInput, NotFound
from services.common.paging import Page
from services.delivery import outbound
from services.delivery.documents import AttemptDoc, DeliveryDoc, SubscriptionDoc
from services.delivery.domain import addresses, signing

KIND = "webhook"
CHANGED = "delivery.webhook_subscription_changed.v1"
MAX_PER_OWNER = 20
MAX_DESCRIPTION = 500


def span(config) -> dt.timedelta:
    return dt.timedelta(hours=config.webhook_retry_hours)


def resolve(url: str, allow_loopback: bool) -> tuple[str, str, int, str]:
    """(scheme, host, port, address): the URL checked, its name resolved and every address
    it resolves to checked (one bad address refuses it: the name could pick it later)."""
    scheme, host, port = addresses.parse(url, allow_loopback)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise DomainError("WEBHOOK_URL_UNRESOLVABLE", f"{host} does not resolve",
                          addresses.FIELD) from None
    ips = [info[4][0] for info in found]
    for ip in ips:
        refused = addresses.refusal(ip, allow_loopback)
        if refused is not None:
            raise refused
    return scheme, host, port, ips[0]


def _view(doc) -> dict:
    return {"id": doc.id, "url": doc.url, "event_types": list(doc.event_types),
            "active": doc.active, "description": doc.description,
            "disabled_reason": doc.disabled_reason, "created_at": doc.created_at.isoformat()}


def _event(doc, change: str) -> tuple[str, dict]:
    return CHANGED, {"subscription_id": doc.id, "owner": doc.owner, "url": doc.url,
                     "event_types": list(doc.event_types), "active": doc.active,
                     "change": change, "at": utcnow().isoformat()}


def _owned(subscription_id, actor: Actor) -> SubscriptionDoc:
    doc = SubscriptionDoc.objects(id=str(subscription_id)).first()
    if doc is None or ("planner" not in actor.roles and doc.owner != actor.subject):
        raise NotFound("webhook subscription", subscription_id, ["id"])
    return doc


def subscribe(store, config, data: dict) -> dict:
    actor = store.actor
    types = data.get("event_types")
    if not isinstance(types, list) or not types or len(types) > len(PUBLIC_EVENTS):
        raise InvalidInput("name at least one event type", ["input", "eventTypes"])
    unknown = sorted({t for t in types if t not in PUBLIC_EVENTS})
    if unknown:
        raise DomainError("UNKNOWN_EVENT_TYPE", f"no public event type {', '.join(unknown)}; "
                          f"one of {', '.join(PUBLIC_EVENTS)}", ["input", "eventTypes"])
    description = data.get("description")
    if description is not None and len(str(description)) > MAX_DESCRIPTION:
        raise InvalidInput(f"at most {MAX_DESCRIPTION} characters", ["input", "description"])
    resolve(data.get("url"), config.allow_loopback_webhooks)
    if SubscriptionDoc.objects(owner=actor.subject, active=True).count() >= MAX_PER_OWNER:
        raise DomainError("TOO_MANY_SUBSCRIPTIONS", f"at most {MAX_PER_OWNER} active "
                          "subscriptions per caller")
    doc = SubscriptionDoc(id="whs_" + secrets.token_hex(10), owner=actor.subject,
                          agency=actor.agency, url=data["url"],
                          event_types=sorted(set(types)), description=description,
                          secret=signing.new_secret(), active=True, created_at=utcnow())
    with store.transaction() as uow:
        uow.insert(doc)
        uow.emit(*_event(doc, "SUBSCRIBED"))
    return {"subscription": _view(doc), "secret": doc.secret}


def unsubscribe(store, subscription_id) -> dict:
    doc = _owned(subscription_id, store.actor)
    if doc.active:
        doc.active, doc.disabled_reason = False, "UNSUBSCRIBED"
        with store.transaction() as uow:
            uow.save(doc)
            uow.emit(*_event(doc, "UNSUBSCRIBED"))
        outbound.cancel({"kind": KIND, "target": doc.id})
    return {"subscription": _view(doc), "secret": None}


def list_deliveries(actor, subscription_id, request: Page) -> dict:
    """Oldest first; a cursor is a delivery's seq (services.common.paging), which
    `replay` takes too."""
    doc = _owned(subscription_id, Actor.from_value(actor))
    return paging.keyed(DeliveryDoc._get_collection(), {"kind": KIND, "target": doc.id},
                        [("seq", 1)], request, _delivery_view)


def _delivery_view(row: dict) -> dict:
    iso = (lambda v: v.isoformat() if v else None)
    return {"id": row["_id"], "seq": row["seq"], "event_type": row["event_type"],
            "event_id": row["event_id"], "status": row["status"], "attempts": row["attempts"],
            "created_at": iso(row["created_at"]), "delivered_at": iso(row.get("delivered_at")),
            "next_attempt_at": iso(row.get("next_attempt_at")),
            "last_status_code": row.get("last_status_code"),
            "last_error": row.get("last_error"), "body": row["body"]}


def replay(store, config, subscription_id, after: str | None) -> int:
    """Deliveries after the cursor `after` (from list_deliveries), or all, sent again."""
    after = None if after is None else paging.decode(after, "seq")
    if after is not None and (isinstance(after, bool) or not isinstance(after, int)):
        raise InvalidInput("after is not a cursor this list gave out", ["after"])
    doc = _owned(subscription_id, store.actor)
    if not doc.active:
        raise DomainError("SUBSCRIPTION_INACTIVE", "this subscription is no longer active",
                          ["subscriptionId"])
    query = {"kind": KIND, "target": doc.id}
    if after is not None:
        query["seq"] = {"$gt": int(after)}
    return outbound.replay(query, span(config))


def fan_out(store, config, event: Event) -> int:
    """One delivery per active subscription to the event's public type (in the handler's
    inbox transaction: a redelivered event adds none)."""
    public = public_event(event)
    if public is None:
        return 0
    name, data = public
    if name == "officer.qualification_changed":
        data["qualified"] = bool(data["domains"])
    body = json.dumps({"type": name, "timestamp": event.occurred_at, "data": data},
                      separators=(",", ":"), ensure_ascii=False)
    targets = [d.id for d in SubscriptionDoc.objects(active=True, event_types=name).only("id")]
    with store.transaction() as uow:
        outbound.enqueue(uow, KIND, [{"target": t, "event_id": event.event_id,
                                      "event_type": name, "body": body} for t in targets],
                         span(config))
    return len(targets)


class WebhookSender(outbound.Sender):
    def __init__(self, transaction):
        self.transaction = transaction  # actor -> a unit of work of the delivery store

    def prepare(self, delivery: dict, config) -> outbound.Request:
        sub = SubscriptionDoc.objects(id=delivery["target"]).first()
        if sub is None or not sub.active:
            raise outbound.Cancel("the subscription is no longer active")
        scheme, host, port, ip = resolve(sub.url, config.allow_loopback_webhooks)
        keys = credential_keys.from_text(config.credential_keys) \
            if config.credential_keys else None
        key = keys.active(credential_keys.WEBHOOK) if keys else None
        body = delivery["body"].encode()
        headers = signing.headers(delivery["_id"], int(time.time()), body, sub.secret,
                                  key.private_key if key is not None else None)
        # Sent to the address just checked (not resolved again by the client), with the
        # name kept for the Host header and TLS: a name re-pointed in between cannot
        # steer the request inside.
        literal = f"[{ip}]" if ":" in ip else ip
        parts = urlsplit(sub.url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        default = 443 if scheme == "https" else 80
        headers["host"] = host if port == default else f"{host}:{port}"
        return outbound.Request(url=f"{scheme}://{literal}:{port}{path}", headers=headers,
                                body=body, extensions={"sni_hostname": host})

    def gone(self, delivery: dict) -> None:
        sub = SubscriptionDoc.objects(id=delivery["target"]).first()
        if sub is None or not sub.active:
            return
        sub.active, sub.disabled_reason = False, "GONE"
        with self.transaction(Actor.system("delivery.gone")) as uow:
            uow.save(sub)
            uow.emit(*_event(sub, "DISABLED"))
        outbound.cancel({"kind": KIND, "target": sub.id})


def attempts_of(delivery_ids: list) -> dict:
    out = {}
    for a in AttemptDoc.objects(delivery_id__in=list(delivery_ids)).order_by("at"):
        out.setdefault(a.delivery_id, []).append(
            {"at": a.at.isoformat(), "status_code": a.status_code, "error": a.error,
             "duration_ms": round(a.duration_ms, 1)})
    return out
