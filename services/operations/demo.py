"""Demo data: the annual report's two joint operations with the transport detachment,
planned (DRAFT) with mixed teams of demo officers and targets from both directories.

Idempotent: each operation has a fixed key (planning it again returns it), teams are only
topped up to two officers per domain, targets already planned are skipped, and an
operation someone has launched meanwhile is left alone.
"""
from __future__ import annotations

import datetime as dt

from services.bus.rpc import unwrap
from services.common.clock import utcnow
from services.common.errors import DomainError

PLANNER = {"sub": "demo-loader", "roles": ["planner"], "agency": None}
PER_DOMAIN = 2
TARGETS_PER_CATEGORY = 3
# key, name, lead agency, window (days from today), objectives,
# teams {name: [(agency, domain)]}, directory categories {agency: [category]}
OPERATIONS = [
    ("demo:summer-tourist-coach-market:v1", "暑期旅游包车市场联合整治行动",
     "TRANSPORT", (3, 33), ["规范旅游包车市场秩序", "查处“不合理低价游”和非法组团"],
     {"客运站组": [("TRANSPORT", "ROAD_TRANSPORT"), ("CULTURE", "TOURISM")],
      "旅行社组": [("CULTURE", "TOURISM"), ("TRANSPORT", "ROAD_TRANSPORT")]},
     {"CULTURE": ["TRAVEL_AGENCY"], "TRANSPORT": ["COACH_OPERATOR", "VEHICLE"]}),
    ("demo:national-day-safe-tourism:v1", "国庆假期平安旅游联合执法行动",
     "CULTURE", (40, 47), ["保障国庆假期旅游安全", "维护景区经营秩序"],
     {"景区组": [("CULTURE", "TOURISM"), ("TRANSPORT", "ROAD_TRANSPORT")],
      "娱乐场所组": [("CULTURE", "CULTURE_MARKET")]},
     {"CULTURE": ["SCENIC_SPOT", "ENTERTAINMENT_VENUE"], "TRANSPORT": ["COACH_OPERATOR"]}),
]


def _staff(rpc, op: dict, teams: dict) -> dict:
    """Top every team up to PER_DOMAIN officers per (agency, domain) from the roster of
    officers qualified at the start; an officer certification refuses is skipped."""
    for team, slots in teams.items():
        for agency, domain in slots:
            need = PER_DOMAIN - sum(m["domain"] == domain and m["agency"] == agency
                                    for t in op["teams"] if t["name"] == team
                                    for m in t["members"])
            taken = {m["officer_id"] for t in op["teams"] for m in t["members"]}
            for row in unwrap(rpc.certification.qualified_roster(domain, op["starts_at"],
                                                                 agency)):
                if need <= 0:
                    break
                if row["officer_id"] in taken:
                    continue
                try:
                    op = unwrap(rpc.operations.assign_officer({
                        "operation_id": op["operation_id"], "team_name": team,
                        "officer_id": row["officer_id"], "domain": domain}, PLANNER))
                    need -= 1
                except DomainError:  # e.g. the certificate ends inside the window
                    continue
    return op


def _targets(rpc, op: dict, categories: dict) -> dict:
    directory = {"CULTURE": rpc.culture, "TRANSPORT": rpc.transport}
    refs = [{"agency": agency, "entity_id": e["id"]}
            for agency, names in categories.items() for category in names
            for e in unwrap(directory[agency].list_entities(
                filter={"category": category}, page={"first": TARGETS_PER_CATEGORY}))["items"]]
    if not refs or not op["teams"]:
        return op
    return unwrap(rpc.operations.add_targets({"operation_id": op["operation_id"],
                                              "targets": refs}, PLANNER))


def load(rpc) -> str:
    today = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
    done = []
    for key, name, lead, (start, end), objectives, teams, categories in OPERATIONS:
        op = unwrap(rpc.operations.plan({
            "key": key, "name": name, "lead_agency": lead, "agencies": ["CULTURE", "TRANSPORT"],
            "legal_basis": "《信阳市文化和旅游、交通运输部门联合执法协作机制》；专项行动方案",
            "areas": ["浉河区", "平桥区", "鸡公山风景区", "南湾湖风景区"],
            "objectives": objectives,
            "starts_at": (today + dt.timedelta(days=start)).isoformat(),
            "ends_at": (today + dt.timedelta(days=end)).isoformat()}, PLANNER))
        if op["status"] == "DRAFT":
            op = _targets(rpc, _staff(rpc, op, teams), categories)
        members = sum(len(t["members"]) for t in op["teams"])
        done.append(f"{op['name']} {op['status']}: {len(op['teams'])} teams, {members} "
                    f"officers, {len(op['tasks'])} tasks")
    return "; ".join(done)
