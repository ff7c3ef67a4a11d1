"""Helpers shared by the operations integration and end-to-end tests (no tests here):
certified officers made through the real certification service, and windows relative to
today so certificates and operations line up whatever day the suite runs."""
import datetime as dt

from services.common.clock import LOCAL_TZ, utcnow
from tests.integration.cert_support import ok, valid_id
from tests.integration.cert_support import refused as code  # noqa: F401  (re-exported)

PLANNER = {"sub": "planner", "roles": ["planner"], "agency": None}
DOMAIN_OF = {"CULTURE": "CULTURE_MARKET", "TRANSPORT": "ROAD_TRANSPORT"}


def moment(days: float) -> str:
    return (utcnow() + dt.timedelta(days=days)).isoformat()


def day(days: int) -> str:
    return (utcnow().astimezone(LOCAL_TZ).date() + dt.timedelta(days=days)).isoformat()


def certify(cert, officer_id: str, agency: str, seq: int, domains=None, valid_days=365):
    """Register `officer_id`, pass both exams, issue a certificate valid from 30 days ago
    for `valid_days` more days. `cert` is a certification RPC proxy."""
    return certify_many(cert, [officer_id], agency, seq, domains, valid_days)[0]


def certify_many(cert, officer_ids, agency: str, first_seq=0, domains=None, valid_days=365):
    """`certify` for many officers; each step is sent for all of them at once (different
    officers do not contend), certificates one by one (they share a number counter)."""
    def each(method, data_of):
        return [ok(r.result()) for r in [getattr(cert, method).call_async(data_of(n, oid))
                                         for n, oid in enumerate(officer_ids)]]
    each("register_officer", lambda n, oid: {
        "officer_id": oid, "name": f"Officer {oid}", "agency": agency,
        "id_number": valid_id(f"11010519800101{(first_seq + n) % 1000:03d}")})
    for exam in ("PUBLIC_LAW", "PROFESSIONAL_LAW"):
        each("record_exam", lambda n, oid: {"officer_id": oid, "exam": exam, "score": 85,
                                            "taken_on": day(-40)})
    return [ok(cert.issue_certificate({
        "officer_id": oid, "domains": domains or [DOMAIN_OF[agency]], "valid_from": day(-30),
        "valid_until": day(valid_days), "effective_at": moment(-30)})) for oid in officer_ids]


def plan_input(name="National Day safe tourism", start_days=0.01, end_days=7, **extra):
    return {"name": name, "agencies": ["CULTURE", "TRANSPORT"], "legal_basis": "Plan 2026-7",
            "starts_at": moment(start_days), "ends_at": moment(end_days), **extra}


def directory(enforcement, category: str, n: int, prefix: str) -> list[str]:
    """Register `n` entities of `category` in an agency's directory; their ids."""
    rows = [{"registration_no": f"91320100{prefix}{i:05d}", "category": category,
             "name": f"{category.title()} {prefix}{i}", "licence": f"LIC-{prefix}-{i}"}
            for i in range(n)]
    return ok(enforcement.import_entities(rows))["entity_ids"]
