"""Delivering published decisions to the external publicity platform.

It runs in the handler of enforcement.decision_published.v1, not in the request that
publishes: the publication is committed whatever the platform does, and a platform that
is down fails the handler, which the bus retries and finally dead-letters (replayable),
so no publication is ever lost.
"""
from __future__ import annotations

from services.common.clock import utcnow
from services.enforcement import queries
from services.enforcement.domain.serial import iso


def deliver(svc, event: dict) -> bool:
    """True when delivered now; False when not ours, delivery is off, or done before."""
    payload = event["payload"]
    if payload["agency"] != svc.agency or not svc.publicity.enabled:
        return False
    case_id = payload["case_id"]
    if svc.docs.Delivery._get_collection().find_one({"_id": case_id}):
        return False   # delivered by an earlier event for the same case
    document = {**queries.public_decision(svc, case_id), "source": svc.name}
    status = svc.publicity.deliver(document, key=case_id)
    with svc.store.transaction() as uow:   # with the inbox record of this event
        uow.save(svc.docs.Delivery(id=case_id, delivered_at=iso(utcnow()),
                                   status_code=status, event_id=event["event_id"]))
    return True
