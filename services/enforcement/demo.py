"""Demo data at the annual report's scale: the culture directory (66 entities over its six
categories) and the transport one (operators, vehicles and drivers, 42), an inspection
and a case for a handful of them, left in different states (one overdue, one major under
legal review, published and closed ones, a first-violation waiver, guidance, mediation),
each legally reviewed at every stage it passed (by a reviewer of its own, not the filer);
and the culture agency's 5 penalty powers delegated to central-district townships and
sub-districts of Xinyang (names, addresses, plates and ID numbers of Xinyang:
services/common/xinyang.py; the report's "5项…处罚权下放").

Idempotent: registration numbers are fixed (a re-import merges into the same entities),
and a demo case is only filed for an entity that has no case yet.
"""
from __future__ import annotations

import datetime as dt

from services.bus.rpc import unwrap
from services.common import xinyang
from services.common.clock import utcnow
from services.enforcement import demo_bodies

CULTURE = [("ENTERTAINMENT_VENUE", 12), ("INTERNET_CAFE", 14), ("PERFORMANCE_VENUE", 8),
           ("PUBLICATION_OUTLET", 12), ("TRAVEL_AGENCY", 10), ("SCENIC_SPOT", 10)]
TRANSPORT = [("COACH_OPERATOR", 8), ("PASSENGER_OPERATOR", 6), ("VEHICLE", 16), ("DRIVER", 12)]
RISKS = ("LOW", "LOW", "MEDIUM", "LOW", "HIGH", "MEDIUM", "LOW", "FLAGGED")
PENALTY = {"outcome": "PENALTY", "circumstance": "LIGHTER"}
WAIVER = {"outcome": "NO_PENALTY_FIRST_VIOLATION", "first_violation": True,
          "minor_harm": True, "corrected_in_time": True}
# agency, category, n-th entity, violation, decision, major (filed with the justice bureau)?,
# last step, days ago filed
CASES = [
    ("CULTURE", "INTERNET_CAFE", 0, "NETCAFE_ADMITS_MINORS", None, False, None, 0),
    ("CULTURE", "ENTERTAINMENT_VENUE", 0, "VENUE_OUTSIDE_HOURS", None, False,
     "start_investigation", 100),
    ("CULTURE", "INTERNET_CAFE", 1, "NETCAFE_ADMITS_MINORS", None, False, "notify_rights", 0),
    ("CULTURE", "PERFORMANCE_VENUE", 0, "UNLICENSED_PERFORMANCE",
     {**PENALTY, "fine": 60000}, True, "submit_for_legal_review", 0),
    ("CULTURE", "INTERNET_CAFE", 2, "NETCAFE_ADMITS_MINORS", {**PENALTY, "fine": 3000},
     False, "close", 0),
    ("CULTURE", "INTERNET_CAFE", 3, "NETCAFE_NO_ID_CHECK", WAIVER, False, "close", 0),
    ("CULTURE", "TRAVEL_AGENCY", 0, "UNLICENSED_TOUR_GUIDING",
     {"outcome": "ADMINISTRATIVE_GUIDANCE"}, False, "serve", 0),
    ("TRANSPORT", "DRIVER", 0, "DRIVER_WITHOUT_QUALIFICATION", {**PENALTY, "fine": 500},
     False, "publish_decision", 0),
    ("TRANSPORT", "COACH_OPERATOR", 0, "COACH_WITHOUT_LICENCE", {**PENALTY, "fine": 80000,
     "circumstance": "HEAVIER"}, True, "file_with_justice_bureau", 0),
    ("TRANSPORT", "VEHICLE", 0, "ROUTE_DEVIATION", {"outcome": "MEDIATION"}, False, "close", 0),
]


def _row(agency: str, category: str, i: int) -> dict:
    code = f"{category[:3]}{i:04d}"
    row = {"registration_no": f"914115{0 if agency == 'CULTURE' else 1}DEMO{code}",
           "category": category, "risk_level": RISKS[(i * 3 + len(category)) % len(RISKS)],
           "name": xinyang.entity_name(category, i),
           "address": xinyang.address(i + len(category)),
           "licence": f"豫{'文' if agency == 'CULTURE' else '交'}许{code}"}
    if category == "VEHICLE":
        row.update(plate=xinyang.plate(i), seats=str(35 + i % 20))
    if category == "DRIVER":
        born = dt.date(1985, (i % 12) + 1, (i % 27) + 1)
        row.update(registration_no=f"DRV-DEMO-{i:03d}", licence="",
                   id_number=xinyang.id_number(i, born, "平桥区"))
    return row


def rows(agency: str) -> list[dict]:
    plan = CULTURE if agency == "CULTURE" else TRANSPORT
    return [_row(agency, c, i) for c, n in plan for i in range(n)]


def _team(rpc, agency: str, domain: str, days_ago: int) -> list[str] | None:
    """Two officers qualified for `domain` both when the case is filed and now."""
    def roster(at):
        return [r["officer_id"] for r in unwrap(rpc.certification.qualified_roster(
            domain, at.isoformat(), agency))]
    now = utcnow()
    then = set(roster(now - dt.timedelta(days=days_ago)))
    both = [o for o in roster(now) if o in then]
    return both[:2] if len(both) >= 2 else None


STEPS = ["start_investigation", "notify_rights", "submit_for_legal_review",
         "record_legal_review", "decide", "file_with_justice_bureau", "serve",
         "publish_decision", "close"]
# the stage reviewed before each step that leaves it (DECISION: in STEPS itself)
STAGE_BEFORE = {"start_investigation": "FILING", "notify_rights": "INVESTIGATION_END",
                "close": "CLOSING"}
# legal-affairs staff: the reviewer is never the officer who filed or submitted
REVIEWER = {"sub": "demo-legal", "roles": ["accountability_officer"]}
OPINION = "事实清楚，证据确凿，适用依据正确，程序合法"


def _walk(svc, case_id, last, decision, review, team, actor):
    """Take the case through the steps up to `last`, skipping those that do not apply,
    with the legal review of each stage it leaves."""
    def act(action, who=actor, **data):
        reply = svc.case_action(case_id, action, {"officer_ids": team, **data}, who)
        if reply.get("error", {}).get("code") == "CONCURRENT_UPDATE":  # the overdue sweep
            reply = svc.case_action(case_id, action, {"officer_ids": team, **data}, who)
        return unwrap(reply)

    def reviewed(stage):
        act("submit_for_legal_review", stage=stage)
        act("record_legal_review", REVIEWER, outcome="APPROVED", opinion=OPINION)
    for action in STEPS[:STEPS.index(last) + 1]:
        if action == "file_with_justice_bureau" and not review:
            continue
        if action in STAGE_BEFORE:
            reviewed(STAGE_BEFORE[action])
        if action == "submit_for_legal_review":
            act(action, proposal=decision)
        elif action == "record_legal_review":
            act(action, REVIEWER, outcome="APPROVED", opinion=OPINION)
        elif action == "decide":
            act(action, decision=decision)
        elif action == "file_with_justice_bureau":
            act(action, REVIEWER, reference=f"SFJ-DEMO-{case_id[-4:]}")
        elif action == "serve":
            act("attempt_service", document="DECISION", method="IN_PERSON")
            act("record_service_receipt", attempt_index=0)
        elif action == "publish_decision":
            if decision["outcome"] == "PENALTY":
                act(action, channel="信阳市人民政府门户网站")
        else:
            act(action)


def _case(rpc, spec) -> bool:
    agency, category, n, violation, decision, review, last, days_ago = spec
    svc = getattr(rpc, agency.lower())
    actor = {"sub": "demo-loader", "roles": ["enforcement_officer", "accountability_officer"],
             "agency": agency}
    entity = unwrap(svc.list_entities({"category": category}, {"offset": n, "first": 1})
                    )["items"][0]
    team = _team(rpc, agency, entity["domain"], days_ago)
    if team is None or unwrap(svc.list_cases({"entity_id": entity["id"]}, {"first": 1}))["total"]:
        return False
    filed_at = (utcnow() - dt.timedelta(days=days_ago)).isoformat()
    inspection = unwrap(svc.record_inspection({
        "entity_id": entity["id"], "officer_ids": team, "performed_at": filed_at,
        "checklist": [{"item": "经营许可证悬挂公示", "result": "PASS"},
                      {"item": "遵守经营管理规定", "result": "FAIL"}],
        "findings": [{"description": "现场检查发现违法行为", "violation_code": violation}],
        "evidence": [f"demo-photo-{entity['id'][-6:]}.jpg"]}, actor))
    case = unwrap(svc.file_case({"entity_id": entity["id"], "officer_ids": team,
                                 "filed_at": filed_at, "violation_code": violation,
                                 "inspection_id": inspection["id"]}, actor))
    if last:
        _walk(svc, case["id"], last, {**(decision or {}), "violation_code": violation},
              review, team, actor)
    return True


def load(rpc) -> str:
    counts = {}
    for agency in ("CULTURE", "TRANSPORT"):
        result = unwrap(getattr(rpc, agency.lower()).import_entities(
            rows(agency), {"sub": "demo-loader", "roles": ["enforcement_officer"],
                           "agency": agency}))
        counts[agency] = len(result["entity_ids"])
    filed = sum(_case(rpc, spec) for spec in CASES)
    bodies = demo_bodies.load(rpc)
    return (f"{counts['CULTURE']} culture and {counts['TRANSPORT']} transport entities; "
            f"{filed} new demo cases; {bodies} new township bodies with "
            f"{len(demo_bodies.DELEGATED)} delegated powers each")
