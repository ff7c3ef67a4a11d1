"""Demo data: one committed and revealed culture batch draw at the annual report's scale
(about 40 inspectors drawn for 60 entities), when the culture directory and the roster
have data. Idempotent: the draw has a fixed key, and a step already done is skipped."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from services.bus.rpc import unwrap
from services.common.clock import local_date, utcnow

KEY = "demo:culture-batch:v1"
CULTURE_DOMAINS = ["CULTURE_MARKET", "PUBLICATION", "RADIO_TV", "TOURISM"]
TARGET_ENTITIES = 60
PLANNER = {"sub": "demo-loader", "roles": ["planner"], "agency": "CULTURE"}


def sampling_rate(entities: int, flagged: int, target: int = TARGET_ENTITIES) -> str:
    """The rate that draws about `target` entities; flagged ones are all drawn anyway."""
    rest = max(entities - flagged, 1)
    rate = min(Decimal(1), Decimal(max(target - flagged, 0)) / rest)
    return str(rate.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def domains_covered(rpc) -> tuple[list[str], set[str]]:
    """Culture market plus every culture domain all its qualified officers also hold: the
    widest directory the same inspectors can draw from (a draw's inspectors must be
    qualified for all its domains of their agency)."""
    rosters = {d: {r["officer_id"] for r in unwrap(
        rpc.certification.qualified_roster(d, None, "CULTURE"))} for d in CULTURE_DOMAINS}
    domains, officers = CULTURE_DOMAINS[:1], rosters[CULTURE_DOMAINS[0]]
    domains += [d for d in CULTURE_DOMAINS[1:] if officers and officers <= rosters[d]]
    return domains, officers


def load(rpc) -> str:
    domains, officers = domains_covered(rpc)
    flags = unwrap(rpc.culture.directory_snapshot(domains))["flagged"]
    if not flags or len(officers) < 2:
        return f"skipped: {len(flags)} culture entities, {len(officers)} qualified inspectors"
    rate = sampling_rate(len(flags), sum(flags))
    draw = unwrap(rpc.draws.create_draw({
        "key": KEY, "title": f"{local_date(utcnow()).year}年文化市场“双随机、一公开”抽查（演示）", "agency": "CULTURE",
        "domains": domains, "inspection_date": local_date(utcnow()).isoformat(),
        "rules": {"tier_rates": {"LOW": rate, "MEDIUM": rate, "HIGH": rate},
                  "min_inspectors": 2}}, PLANNER))
    if draw["status"] == "CREATED":
        draw = unwrap(rpc.draws.commit_draw(draw["id"], PLANNER))
    if draw["status"] == "COMMITTED":
        draw = unwrap(rpc.draws.reveal_draw(draw["id"], PLANNER))
    return (f"draw {draw['id']} {draw['status']}: {draw['entity_count']} entities, "
            f"{draw['inspector_count']} inspectors")
