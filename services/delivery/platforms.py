"""The platforms that receive records by law, on the one outbound delivery component.

Three adapters, one `Sender` each: inspection records to the provincial Internet+
supervision platform; penalty decisions to the credit publicity platforms (credit portal,
two-law linkage, Internet+ supervision, national enterprise credit publicity system: one
adapter, several targets); draw results to the culture-market technical supervision
platform. A target is on when JOINTOPS_PLATFORM_<TARGET>_URL is set (Config.platforms);
an unset one receives nothing and every figure says 未配置 / not configured, never 0%.

A record becomes one delivery per configured target, queued in the inbox transaction of
the event that announced it (a redelivered event adds none; a record already queued for
a target is not queued again), with the record's legal deadline (domain.deadlines). The
sweep marks each delivery not done by its deadline, or done after it, overdue once, with
the event that opens the legal-affairs unit's ledger item (accountability).
"""
from __future__ import annotations

import datetime as dt
import json

from services.common.clock import as_utc, local_midnight, parse_instant, utcnow
from services.common.errors import DomainError, NotFound
from services.contracts.events import PLATFORM_DELIVERY_OVERDUE
from services.contracts.payloads import Event, Payload
from services.contracts.vocabulary import PLATFORM_TARGETS
from services.delivery import outbound
from services.delivery.documents import DeliveryDoc
from services.delivery.domain import deadlines

# the event that announces each kind of record
SOURCES = {"enforcement.inspection_recorded.v1": "INSPECTION",
           "enforcement.decision_published.v1": "DECISION",
           "draws.results_published.v1": "DRAW_RESULT"}


def record_kind(target: str) -> str:
    return PLATFORM_TARGETS[target][0]


class PlatformSender(outbound.Sender):
    """POST the stored JSON to the target's URL with its bearer credential; the delivery
    id is the `Idempotency-Key` the platform dedupes on (kept across retries, replays)."""
    kind = ""
    record_kind = ""
    record_type = ""  # the platform's name for the record

    def body(self, target: str, record: dict) -> dict:
        return {"record_type": self.record_type, "platform": target, "record": record}

    def prepare(self, delivery: dict, config) -> outbound.Request:
        conf = (getattr(config, "platforms", None) or {}).get(delivery["target"])
        if conf is None:  # configured when queued, switched off since: retried later
            raise DomainError("SERVICE_UNAVAILABLE", f"platform {delivery['target']} is "
                              "not configured (未配置)")
        headers = {"content-type": "application/json; charset=utf-8",
                   "idempotency-key": delivery["_id"], "x-record-id": delivery["event_id"]}
        if conf.get("token"):
            headers["authorization"] = f"Bearer {conf['token']}"
        return outbound.Request(url=conf["url"], headers=headers,
                                body=delivery["body"].encode())


class SupervisionSender(PlatformSender):
    """行政检查 -> 河南省互联网+监管系统."""
    kind, record_kind, record_type = "platform.supervision", "INSPECTION", "行政检查信息"


class CreditPublicitySender(PlatformSender):
    """行政处罚决定 -> the four publicity platforms (one adapter, one target each)."""
    kind, record_kind, record_type = "platform.credit", "DECISION", "行政处罚决定公示"


class CultureMarketSender(PlatformSender):
    """双随机抽查结果 -> 全国文化市场技术监管与服务平台."""
    kind, record_kind, record_type = "platform.culture_market", "DRAW_RESULT", "抽查结果公示"


ADAPTERS = {s.record_kind: s() for s in (SupervisionSender, CreditPublicitySender,
                                          CultureMarketSender)}
KINDS = tuple(a.kind for a in ADAPTERS.values())


def register():
    for adapter in ADAPTERS.values():
        outbound.SENDERS[adapter.kind] = adapter


def span(config) -> dt.timedelta:
    return dt.timedelta(days=config.platform_retry_days)


def configured(config, kind: str | None = None) -> list[str]:
    return [t for t in PLATFORM_TARGETS if t in (config.platforms or {})
            and (kind is None or record_kind(t) == kind)]


def _record(clients, kind: str, payload: Payload):
    """(record, agency, record id, its moment) of an event's record, or None: not for a
    platform (a draw without the culture agency)."""
    if kind == "INSPECTION":  # the inspection event is the record, as it was announced
        return (payload.wire(), payload.agency, payload.inspection_id,
                parse_instant(payload.performed_at))
    if kind == "DECISION":
        agency = payload.agency
        found = getattr(clients, agency.lower()).public_decisions([payload.case_id])[0]
        if found is None:
            raise NotFound("published decision", payload.case_id)  # retried by the bus
        return (found, agency, payload.case_id,
                parse_instant(payload.published_at))
    draw = clients.draws.get_draws([payload.draw_id])[0] or {}
    if "CULTURE" not in (draw.get("agencies") or ["CULTURE"]):
        return None
    record = {**payload.wire(), **{k: draw.get(k) for k in (
        "kind", "agencies", "entity_count", "inspector_count", "revealed_at")}}
    return (record, "CULTURE", payload.draw_id,
            local_midnight(dt.date.fromisoformat(payload.published_on)))


def fan_in(store, config, clients, event: Event) -> int:
    """Queue the event's record for every configured platform of its kind (in the
    handler's inbox transaction). Returns how many deliveries were queued."""
    kind = SOURCES.get(event.type)
    targets = configured(config, kind) if kind else []
    found = _record(clients, kind, event.payload) if targets else None
    if found is None:
        return 0
    record, agency, record_id, record_at = found
    adapter = ADAPTERS[kind]
    day = deadlines.due_on(event.payload, parse_instant(event.occurred_at))
    have = set(DeliveryDoc.objects(kind=adapter.kind, event_id=record_id,
                                   target__in=targets).scalar("target"))
    rows = [{"target": t, "event_id": record_id, "event_type": event.type,
             "body": json.dumps(adapter.body(t, record), ensure_ascii=False,
                                separators=(",", ":"), sort_keys=True),
             "agency": agency, "record_at": as_utc(record_at), "due_on": day.isoformat(),
             "due_by": deadlines.due_by(day)} for t in targets if t not in have]
    with store.transaction() as uow:
        outbound.enqueue(uow, adapter.kind, rows, span(config))
    return len(rows)


class AlreadyMarked(Exception):
    """Another sweep marked the delivery first."""


def sweep_overdue(store, now: dt.datetime | None = None) -> int:
    """Mark every platform delivery not done by its deadline (or done after it) overdue,
    once, each with the event that opens its ledger item. Returns how many."""
    now, coll, marked = now or utcnow(), DeliveryDoc._get_collection(), 0
    due = {"overdue_at": None, "due_by": {"$lte": now},
           "$or": [{"status": {"$ne": outbound.DELIVERED}}, {"late": True}]}
    for row in list(coll.find(due).limit(500)):
        if row["kind"] not in KINDS or row["status"] == outbound.CANCELLED:
            continue

        def mark(session, ident=row["_id"]):
            if not coll.update_one({"_id": ident, "overdue_at": None},
                                   {"$set": {"overdue_at": now}}, session=session
                                   ).modified_count:
                raise AlreadyMarked(ident)
        try:
            with store.transaction() as uow:
                uow.run(mark)
                uow.emit(PLATFORM_DELIVERY_OVERDUE, {
                    "delivery_id": row["_id"], "platform": row["target"],
                    "record_kind": record_kind(row["target"]), "record_id": row["event_id"],
                    "agency": row["agency"], "due_on": row["due_on"],
                    "status": row["status"], "delivered_late": bool(row.get("late")),
                    "detected_at": now.isoformat()})
        except AlreadyMarked:
            continue
        marked += 1
    return marked
