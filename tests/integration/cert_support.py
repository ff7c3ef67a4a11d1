"""Helpers for the certification integration tests (RPC replies, outbox, fixtures' data).

Dates are relative to today, so the tests mean the same whenever they run."""
import datetime as dt

from services.common.clock import LOCAL_TZ
from services.certification.documents import OfficerDocument
from services.certification.domain.idnumber import check_digit


def valid_id(first17: str) -> str:
    return first17 + check_digit(first17)


ID_CU = valid_id("11010519800101123")
ID_CU2 = valid_id("11010519810202234")
ID_TR = valid_id("32010619850303345")
ADMIN_CU = {"sub": "admin", "roles": ["certification_admin"], "agency": "CULTURE"}


def ok(reply):
    assert "ok" in reply, reply
    return reply["ok"]


def refused(reply) -> str:
    assert "error" in reply, reply
    return reply["error"]["code"]


def outbox_types() -> list[str]:
    db = OfficerDocument._get_db()
    return [d["type"] for d in db["outbox"].find().sort("_id", 1)]


TODAY = dt.datetime.now(LOCAL_TZ).date()


def day(offset: int) -> str:
    """Today + offset days (local civil date) as ISO."""
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def moment(offset_days: int, hour: int = 10) -> str:
    """A local moment `offset_days` from today, with its +08:00 offset."""
    return f"{day(offset_days)}T{hour:02d}:00:00+08:00"


def certify(proxy, name, agency, id_number, domains, valid=(-30, 300), issued=-40):
    """Register, pass both exams (10 days before the issue), issue a certificate valid from `valid[0]`
    to `valid[1]` days from today, issued `issued` days from today; returns the officer."""
    oid = ok(proxy.register_officer({"name": name, "agency": agency,
                                     "id_number": id_number}))["id"]
    for exam in ("PUBLIC_LAW", "PROFESSIONAL_LAW"):
        ok(proxy.record_exam({"officer_id": oid, "exam": exam, "score": 80,
                              "taken_on": day(issued - 10)}))
    return ok(proxy.issue_certificate({"officer_id": oid, "domains": domains,
                                       "valid_from": day(valid[0]),
                                       "valid_until": day(valid[1]),
                                       "effective_at": moment(issued)}))
