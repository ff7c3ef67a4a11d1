"""The rectification ledger on request and on the timer: open, fix on the spot, rectify,
verify, and the overdue sweep. Each write and its events commit together."""
from __future__ import annotations

from services.accountability import domain, repository as repo
from services.accountability.commands import (acting_user, authored, insert, new_id,
                                              replace_versioned, text_id)
from services.accountability.documents import FindingDoc, LedgerItemDoc
from services.bus.unit_of_work import ConcurrentUpdate
from services.common.clock import local_date
from services.common.errors import InvalidInput, NotFound
from services.contracts.payloads import PlatformDeliveryOverdue
from services.contracts.vocabulary import LEGAL_AFFAIRS_UNIT, PLATFORM_TARGETS

RECORD_NAMES = {"INSPECTION": ("行政检查记录", "inspection record"),
                "DECISION": ("行政处罚决定", "penalty decision"),
                "DRAW_RESULT": ("双随机抽查结果", "draw result")}


def _known_findings(data: dict) -> list[str]:
    ids = list(dict.fromkeys(data.get("finding_ids") or ()))
    if any(not isinstance(i, str) for i in ids):
        raise InvalidInput("finding ids must be strings", ["input", "findingIds"])
    found = set(FindingDoc.objects(id__in=ids).scalar("id"))
    for ident in ids:
        if ident not in found:
            raise NotFound("finding", ident, ["input", "findingIds"])
    return ids


def open_ledger_item(store, data: dict) -> dict:
    item_id, existing = new_id(LedgerItemDoc, data)
    if existing:
        return existing.to_dict()
    days = data.get("deadline_workdays")
    extra = {} if days is None else {"deadline_workdays": days}
    item, events = domain.open_item(item_id, data.get("owner"), data.get("description"),
                                    repo.stored_now(), finding_ids=_known_findings(data), **extra)
    return insert(store, LedgerItemDoc, authored(store, item, "opened_by"), events)


def fix_on_the_spot(store, data: dict, actor: dict) -> dict:
    item_id, existing = new_id(LedgerItemDoc, data)
    if existing:
        return existing.to_dict()
    item, events = domain.fix_on_the_spot(
        item_id, data.get("owner"), data.get("description"), repo.stored_now(),
        data.get("evidence") or (), finding_ids=_known_findings(data),
        rectified_by=acting_user(actor))
    item = authored(store, authored(store, item, "opened_by"), "rectified_by_actor")
    return insert(store, LedgerItemDoc, item, events)


def _ledger_step(store, data: dict, step, author_field: str) -> dict:
    item_id = text_id(data, "item_id", "itemId")
    rows = repo.load_versioned(LedgerItemDoc, id=item_id)
    if not rows:
        raise NotFound("ledger item", item_id, ["input", "itemId"])
    (item, version), = rows
    item, events = step(item)
    item = authored(store, item, author_field)
    replace_versioned(store, LedgerItemDoc, [(item, version)], events)
    return item.to_dict()


def rectify_ledger_item(store, data: dict, actor: dict) -> dict:
    return _ledger_step(store, data, lambda item: domain.rectify(
        item, repo.stored_now(), data.get("evidence") or (), acting_user(actor)),
        "rectified_by_actor")


def verify_ledger_item(store, data: dict, actor: dict) -> dict:
    return _ledger_step(store, data, lambda item: domain.verify(item, repo.stored_now(),
                                                                acting_user(actor)),
                        "verified_by_actor")


def sweep_overdue(store, now=None) -> int:
    """Mark OPEN items past their deadline OVERDUE, one transaction each. Safe to run in
    several replicas at once: an item someone else changed first is left to them."""
    now = now or repo.stored_now()
    due = repo.load_versioned(LedgerItemDoc, status="OPEN",
                              deadline__lt=local_date(now).isoformat())
    marked = 0
    for item, version in due:
        changed, events = domain.mark_overdue([item], now)
        try:
            replace_versioned(store, LedgerItemDoc, [(i, version) for i in changed], events)
        except ConcurrentUpdate:
            continue
        marked += len(changed)
    return marked


def open_for_overdue_delivery(store, p: PlatformDeliveryOverdue) -> dict:
    """A platform delivery missed its legal deadline: one ledger item for the agency's
    legal-affairs unit (the delivery id is the request key: a second event for the same
    delivery finds the first item)."""
    platform = PLATFORM_TARGETS[p.platform][1]
    zh, en = RECORD_NAMES[p.record_kind]
    how = ("逾期报送", "delivered late") if p.delivered_late else ("逾期未报送",
                                                                  "not delivered in time")
    text = (f"{platform.split(' / ')[0]}：{zh} {p.record_id} {how[0]}（法定期限 "
            f"{p.due_on}），请核实原因、补报并整改。 / {en} {p.record_id} to "
            f"{platform.split(' / ')[-1]}: {how[1]} (due {p.due_on}).")
    return open_ledger_item(store, {"owner": LEGAL_AFFAIRS_UNIT[p.agency],
                                    "description": text,
                                    "request_key": f"platform-delivery:{p.delivery_id}"})
