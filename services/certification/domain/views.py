"""Read models for the service layer: the officer as shown, the full history (admins)."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from services.common.clock import as_utc, local_date

from .config import DEFAULT_CONFIG, CertificationConfig
from .enums import Agency
from .idnumber import mask_id_number
from .record import OfficerRecord, iso
from .replay import CertState, snapshot


def visible_id_number(record: OfficerRecord, admin_of: Iterable[Agency | str] = ()) -> str:
    """Full number only for certification administrators of the officer's own agency."""
    agencies = {Agency(a) for a in admin_of}
    return record.id_number if record.agency in agencies else mask_id_number(record.id_number)


def certificate_view(cert: CertState, at: dt.datetime, config: CertificationConfig) -> dict:
    return {"number": cert.number, "domains": [d.value for d in cert.domains],
            "valid_from": cert.valid_from.isoformat(), "valid_until": cert.valid_until.isoformat(),
            "status": cert.status(at).value, "issued_at": iso(cert.issued_at),
            "next_review_due": cert.review_due(config).isoformat(),
            "revoked_at": iso(cert.revoked_at)}


def officer_view(record: OfficerRecord, at: dt.datetime, *, admin_of: Iterable = (),
                 config: CertificationConfig = DEFAULT_CONFIG) -> dict:
    """The officer as of `at`: `certificate` is the one that counts then (or None);
    `certificates` lists every certificate issued by then, oldest first."""
    at = as_utc(at)
    snap = snapshot(record, at)
    return {"id": record.id, "name": record.name, "agency": record.agency.value,
            "id_number": visible_id_number(record, admin_of),
            "status": snap.officer_status.value,
            "certificate": certificate_view(snap.current, at, config) if snap.current else None,
            "certificates": [certificate_view(c, at, config) for c in snap.certificates.values()]}


def history(record: OfficerRecord) -> list[dict]:
    """Every entry, in effective order (ties in recording order), times as ISO strings."""
    return [{**e.to_dict(), "kind": e.kind.value, "effective_at": iso(e.effective_at),
             "recorded_at": iso(e.recorded_at)} for e in record.ordered()]


def listing_facts(record: OfficerRecord) -> dict:
    """What the roster's filters ask of an officer, stored in the roster's read model
    (documents.OfficerListing) so a list narrows by index instead of replaying histories.
    It is the state once every entry has taken effect: exact from `settled` (the latest
    effective moment) on, and time enters only through dates compared at query time
    (`until`, `review_base` + the review interval). Before `settled` (a future-effective
    entry) a list replays the record."""
    snap = snapshot(record)
    cert = snap.current
    return {"settled": max((e.effective_at for e in record.history), default=None),
            "status": snap.officer_status.value,
            "domains": [d.value for d in cert.domains] if cert else [],
            "lifecycle": cert.lifecycle.value if cert else None,
            "until": cert.valid_until.isoformat() if cert else None,
            "review_base": local_date(cert.reviewed_at or cert.issued_at).isoformat()
            if cert else None}
