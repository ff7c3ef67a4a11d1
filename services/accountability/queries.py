"""What the accountability service answers: paged lists, an officer's record, figures."""
from __future__ import annotations

import datetime as dt

from services.accountability import domain, repository as repo
from services.accountability.documents import FindingDoc, LedgerItemDoc
from services.accountability.domain.findings import SOURCES
from services.accountability.domain.ledger import STATUSES
from services.common.clock import LOCAL_TZ, parse_day, utcnow
from services.common.errors import InvalidInput

# filter name -> allowed values (None: any string); values only, never keys or operators
FINDING_FILTERS = {"officer_id": None, "source": SOURCES, "rule": None, "case_id": None}
LEDGER_FILTERS = {"owner": None, "status": STATUSES}
MAX_PERIOD_DAYS = 3 * 366


def _filters(given: dict | None, allowed: dict) -> dict:
    query = {}
    for name, value in (given or {}).items():
        if value is None:
            continue
        if name not in allowed or not isinstance(value, str):
            raise InvalidInput(f"unknown filter {name!r} or a value that is not text", [name])
        if allowed[name] is not None and value not in allowed[name]:
            raise InvalidInput(f"{name} must be one of {', '.join(allowed[name])}", [name])
        query[name] = value
    return query


def list_findings(filters, request) -> dict:
    return repo.page(FindingDoc, "recorded_at", _filters(filters, FINDING_FILTERS), request)


def list_ledger_items(filters, request) -> dict:
    return repo.page(LedgerItemDoc, "opened_at", _filters(filters, LEDGER_FILTERS), request)


def officer_record(officer_id: str) -> dict:
    if not isinstance(officer_id, str) or not officer_id:
        raise InvalidInput("officerId is required", ["officerId"])
    record = repo.record_of(officer_id)
    sanctions = [domain.Sanction.from_dict(s) for s in record["sanctions"]]
    return {**record, "standing": domain.officer_standing(sanctions, officer_id, utcnow())}


def _civil_day(value, field) -> dt.date:
    return parse_day(value, [field])


def period_counts(start: str, end: str) -> dict:
    """Counts for the civil days start..end inclusive (Asia/Shanghai), e.g. a year."""
    first, last = _civil_day(start, "start"), _civil_day(end, "end")
    if not first <= last or (last - first).days > MAX_PERIOD_DAYS:
        raise InvalidInput(f"need start <= end, at most {MAX_PERIOD_DAYS} days apart", ["end"])
    lo = dt.datetime.combine(first, dt.time(), LOCAL_TZ).astimezone(dt.timezone.utc)
    hi = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), LOCAL_TZ).astimezone(
        dt.timezone.utc)
    return {"start": first.isoformat(), "end": last.isoformat(),
            **repo.period_counts(lo, hi)}
