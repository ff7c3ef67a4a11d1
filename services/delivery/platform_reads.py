"""Reads of the platform deliveries (services/delivery/platforms.py): every target with its
deliveries by state, a target's deliveries (the overdue ones), a replay by id, and the
annual figure of inspections delivered to the provincial supervision platform."""
from __future__ import annotations

from services.common.clock import as_utc, check_year, year_bounds
from services.common.errors import DomainError, NotFound
from services.common.paging import page
from services.contracts.vocabulary import PLATFORM_TARGETS
from services.delivery import outbound
from services.delivery.documents import DeliveryDoc
from services.delivery.platforms import ADAPTERS, KINDS, record_kind, span


def _iso(value):
    return as_utc(value).isoformat() if value else None


def view(row: dict) -> dict:
    return {"id": row["_id"], "platform": row["target"], "record_kind": record_kind(
        row["target"]), "record_id": row["event_id"], "agency": row.get("agency"),
        "status": row["status"], "attempts": row.get("attempts", 0),
        "created_at": _iso(row["created_at"]), "delivered_at": _iso(row.get("delivered_at")),
        "due_on": row.get("due_on"), "late": bool(row.get("late")),
        "overdue": row.get("overdue_at") is not None, "overdue_at": _iso(row.get("overdue_at")),
        "receipt_id": row.get("receipt_id"), "last_status_code": row.get("last_status_code"),
        "last_error": row.get("last_error"), "next_attempt_at": _iso(row.get("next_attempt_at"))}


def overview(config) -> list[dict]:
    """Every platform target: configured or not, and its deliveries by state."""
    coll, out = DeliveryDoc._get_collection(), []
    for target, (kind, name) in PLATFORM_TARGETS.items():
        base = {"kind": ADAPTERS[kind].kind, "target": target}
        count = (lambda q: coll.count_documents({**base, **q}))
        out.append({"platform": target, "record_kind": kind, "name": name,
                    "configured": target in (config.platforms or {}),
                    "delivered": count({"delivered_at": {"$ne": None}}),
                    "pending": count({"status": outbound.PENDING}),
                    "failed": count({"status": outbound.FAILED}),
                    "overdue": count({"overdue_at": {"$ne": None}})})
    return out


def deliveries(platform: str, overdue_only: bool, request) -> dict:
    if platform not in PLATFORM_TARGETS:
        raise DomainError("INVALID_INPUT", f"no platform {platform}", ["platform"])
    query = {"kind": ADAPTERS[record_kind(platform)].kind, "target": platform}
    if overdue_only:
        query["overdue_at"] = {"$ne": None}
    return page(DeliveryDoc._get_collection(), query, [("seq", -1)], request, view)


def replay_one(store, config, delivery_id) -> dict:
    """Send one platform delivery again, now, under its own id (its idempotency key);
    whoever asked is recorded on it (`changed_by`)."""
    ident, coll = str(delivery_id), DeliveryDoc._get_collection()
    if not outbound.replay({"_id": ident, "kind": {"$in": list(KINDS)}}, span(config)):
        raise NotFound("platform delivery", ident, ["id"])
    coll.update_one({"_id": ident}, {"$set": {"changed_by": store.actor.to_dict()}})
    return view(coll.find_one({"_id": ident}))


def annual_figures(config, year: int, agency: str) -> dict:
    """inspections_reported: the agency's inspections of the year delivered to the
    provincial supervision platform, each once; None when it is not configured."""
    start, end = year_bounds(check_year(year))
    target = "SUPERVISION_INSPECTIONS"
    count = DeliveryDoc._get_collection().count_documents({
        "target": target, "agency": agency, "record_at": {"$gte": start, "$lt": end},
        "kind": ADAPTERS["INSPECTION"].kind, "delivered_at": {"$ne": None}})
    return {"inspections_reported": count,
            "inspection_platform_configured": target in (config.platforms or {})}
