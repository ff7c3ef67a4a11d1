"""Every officer credential's status follows the officer's record.

repository.change calls `sync` inside the unit of work of every change to an officer (commands,
sanction events, sweeps), so a revocation, suspension or reinstatement and the status bits
it moves commit together, with a `certification.credential_status_changed.v1` event.
Changes that happen by time alone (expiry, a future-effective entry, an overdue review)
are picked up within a second by the service's timer through `next_change_at`
(credentials.sweep_due).
"""
from __future__ import annotations

import datetime as dt

from services.contracts.events import CREDENTIAL_STATUS_CHANGED  # noqa: F401
from services.bus.unit_of_work import ConcurrentUpdate
from services.certification.documents import CredentialDocument
from services.certification.domain import credentials as cc
from services.common.clock import as_utc

LIVE = [cc.CredentialStatus.VALID.value, cc.CredentialStatus.SUSPENDED.value]  # not final


def credentials():
    return CredentialDocument._get_collection()


def ms_ceil(moment: dt.datetime | None) -> dt.datetime | None:
    """Stored times keep milliseconds: round up, so at the stored moment it has happened."""
    if moment is None or not moment.microsecond % 1000:
        return moment
    return moment + dt.timedelta(microseconds=1000 - moment.microsecond % 1000)


def sync(uow, record, now, config) -> list:
    """Bring the officer's live credentials' status (and next_change_at) in line with
    `record`; returns the status-change events. Each write is a compare-and-set on the
    status read, so a concurrent writer makes this unit of work retry, never lose."""
    events = []
    for doc in credentials().find({"officer_id": record.id, "status": {"$in": LIVE}}):
        new = cc.status(record, doc["certificate_no"], doc["valid_until"], now, config)
        later = ms_ceil(cc.next_change(record, doc["certificate_no"], doc["valid_until"],
                                        now, config))
        stored_later = doc.get("next_change_at")
        if new.value == doc["status"] and (later and as_utc(later)) == (
                stored_later and as_utc(stored_later)):
            continue
        uow.run(_compare_and_set(doc["_id"], doc["status"],
                                 {"status": new.value, "next_change_at": later}))
        if new.value != doc["status"]:
            events.append((CREDENTIAL_STATUS_CHANGED, {
                "officer_id": record.id, "agency": record.agency.value,
                "credential_id": doc["_id"], "certificate_no": doc["certificate_no"],
                "list": doc["list"], "index": doc["index"], "previous_status": doc["status"],
                "status": new.value, "changed_at": as_utc(now).isoformat()}))
    return events


def _compare_and_set(credential_id, expected_status, changes):
    def op(session):
        done = credentials().update_one({"_id": credential_id, "status": expected_status},
                                        {"$set": changes}, session=session)
        if done.matched_count != 1:
            raise ConcurrentUpdate(f"credential {credential_id}")
    return op
