"""Demo roster at the annual report's scale (Chinese names, Xinyang ID numbers): 44 certified officers (30 culture, 14
transport) with both law exams passed, 13 of them certified this year, plus one officer
whose certificate is suspended and one whose certificate has expired.

Deterministic (names, ID numbers with valid check digits, officer ids); dates follow
today so the roster stays current. `load` is idempotent: it adds only what is missing.
"""
from __future__ import annotations

import datetime as dt

from services.bus.rpc import unwrap
from services.certification.domain import DOMAIN_AGENCY, Agency
from services.common import xinyang
from services.common.clock import LOCAL_TZ

PLAN = [("CULTURE", 30, 9), ("TRANSPORT", 14, 4)]  # agency, certified, of them this year
YEARS = 365


def _id_number(n: int) -> str:
    """Registered in one of Xinyang's districts and counties (4115xx), born 1968-1989."""
    return xinyang.id_number(n, dt.date(1968, 3, 1) + dt.timedelta(days=151 * n))


def _row(agency: str, n: int, issued: dt.date, valid_years: float, reviewed: dt.date | None,
         today: dt.date) -> dict:
    domains = [d.value for d, a in DOMAIN_AGENCY.items() if a is Agency(agency)]
    taken = issued - dt.timedelta(days=20)
    return {"officer_id": f"demo-{agency[:2].lower()}-{n:02d}",
            "name": xinyang.person_name(n), "agency": agency, "id_number": _id_number(n),
            "exams": [{"exam": e, "score": 70 + (n * 3 + k * 11) % 28,
                       "taken_on": min(taken, today).isoformat()}
                      for k, e in enumerate(("PUBLIC_LAW", "PROFESSIONAL_LAW"))],
            "certificate": {"domains": domains, "valid_from": issued.isoformat(),
                            "valid_until": (issued + dt.timedelta(days=int(valid_years * YEARS)))
                            .isoformat(), "effective_at": f"{issued}T09:00:00+08:00"},
            "reviewed_at": f"{reviewed}T09:00:00+08:00" if reviewed else None}


def roster(today: dt.date) -> tuple[list[dict], list[str]]:
    """(rows to import, officer ids whose certificate is then suspended)."""
    rows, n = [], 0
    new_year = dt.date(today.year, 1, 1)
    for agency, certified, this_year in PLAN:
        for k in range(certified):
            n += 1
            if k < this_year:  # spread over this year so far
                issued = new_year + (today - new_year) * k // this_year
                rows.append(_row(agency, n, issued, 5, None, today))
            else:  # earlier years, reviewed within the last year
                issued = new_year - dt.timedelta(days=60 + 53 * k)
                reviewed = max(today - dt.timedelta(days=20 + 11 * k % 300),
                               issued + dt.timedelta(days=1))
                rows.append(_row(agency, n, issued, 6, reviewed, today))
    expired = _row("CULTURE", n + 1, today - dt.timedelta(days=3 * YEARS), 2.8, None, today)
    suspended = _row("TRANSPORT", n + 2, today - dt.timedelta(days=200), 5, None, today)
    return rows + [expired, suspended], [suspended["officer_id"]]


def load(rpc) -> str:
    certification = rpc.certification
    rows, to_suspend = roster(dt.datetime.now(LOCAL_TZ).date())
    ids = [r["officer_id"] for r in rows]
    known = dict(zip(ids, unwrap(certification.get_officers(ids, None))))
    added = 0
    for row in rows:
        if known[row["officer_id"]] is None:
            known[row["officer_id"]] = unwrap(certification.import_officer(row, None))
            added += 1
    for officer_id in to_suspend:
        if known[officer_id]["certificate"]["status"] == "VALID":
            unwrap(certification.suspend_certificate(
                {"officer_id": officer_id, "reason": "涉嫌违法违纪，正在调查（演示）"}, None))
    return f"{added} officers added, {len(rows)} on the demo roster"
