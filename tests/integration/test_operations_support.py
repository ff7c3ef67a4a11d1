"""Helpers shared by the operations integration and end-to-end tests (no tests here):
certified officers made through the real certification service, and windows relative to
today so certificates and operations line up whatever day the suite runs."""
import datetime as dt

from services.certification.domain.idnumber import check_digit
from services.common.clock import LOCAL_TZ, utcnow

ADMIN = {"sub": "fixture", "roles": ["certification_admin"], "agency": None}
PLANNER = {"sub": "planner", "roles": ["planner"], "agency": None}
DOMAIN_OF = {"CULTURE": "CULTURE_MARKET", "TRANSPORT": "ROAD_TRANSPORT"}


def ok(reply):
    assert "ok" in reply, reply
    return reply["ok"]


def code(reply) -> str:
    assert "error" in reply, reply
    return reply["error"]["code"]


def moment(days: float) -> str:
    return (utcnow() + dt.timedelta(days=days)).isoformat()


def day(days: int) -> str:
    return (utcnow().astimezone(LOCAL_TZ).date() + dt.timedelta(days=days)).isoformat()


def certify(cert, officer_id: str, agency: str, seq: int, domains=None, valid_days=365):
    """Register `officer_id`, pass both exams, issue a certificate valid from 30 days ago
    for `valid_days` more days. `cert` is a certification RPC proxy."""
    first17 = f"11010519800101{seq % 1000:03d}"
    ok(cert.register_officer({"officer_id": officer_id, "name": f"Officer {officer_id}",
                              "agency": agency, "id_number": first17 + check_digit(first17)}))
    for exam in ("PUBLIC_LAW", "PROFESSIONAL_LAW"):
        ok(cert.record_exam({"officer_id": officer_id, "exam": exam, "score": 85,
                             "taken_on": day(-40)}))
    return ok(cert.issue_certificate({
        "officer_id": officer_id, "domains": domains or [DOMAIN_OF[agency]],
        "valid_from": day(-30), "valid_until": day(valid_days), "effective_at": moment(-30)}))


def plan_input(name="National Day safe tourism", start_days=0.01, end_days=7, **extra):
    return {"name": name, "agencies": ["CULTURE", "TRANSPORT"], "legal_basis": "Plan 2026-7",
            "starts_at": moment(start_days), "ends_at": moment(end_days), **extra}


def directory(enforcement, category: str, n: int, prefix: str) -> list[str]:
    """Register `n` entities of `category` in an agency's directory; their ids."""
    rows = [{"registration_no": f"91320100{prefix}{i:05d}", "category": category,
             "name": f"{category.title()} {prefix}{i}", "licence": f"LIC-{prefix}-{i}"}
            for i in range(n)]
    return ok(enforcement.import_entities(rows))["entity_ids"]
