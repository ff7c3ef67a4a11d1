"""The plan of a replayed year (pure): who and what to create, when, and the annual
figures the records must then give.

The report's figures for 2023 (`REPORT`, from ../shared/DOMAIN.md) are scaled by
`scale` (at least `MINIMUM` each, so a small replay still exercises every figure) and
then laid out as dated steps: officers, directory entities, draw plans and draws, one
joint operation with its cross-department draw, inspections, penalty cases through
legal review to publication, waivers, guidance and mediation, and rule-of-law activities.

Draws produce exact counts by construction: a draw's rules give rate 0 to every stratum
but one (category, LOW) whose size N the replay makes a power-of-2-times-power-of-5
number, so the rate e/N is a finite decimal and the draw takes exactly e entities, each
with exactly `min_inspectors` inspectors (the assignment is E x m). The drawn strata are
never inspected, so no "last inspectors" recusal can make a draw infeasible.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from services.common.clock import LOCAL_TZ

REPORT = {
    "certified_officers": 44, "new_officers_passed_exams": 13,
    "draw_batches": 14, "draws": 229, "inspectors_drawn": 20_294, "entities_drawn": 6_755,
    "cross_department_draws": 1, "joint_inspectors": 40, "joint_entities": 60,
    "inspections_recorded": 1_012, "legally_reviewed_cases": 71, "decisions_published": 65,
    "major_cases_filed_with_justice": 24, "first_violation_waivers": 8,
    "administrative_guidance_cases": 3, "mediation_cases": 1, "joint_operations": 1,
    "typical_cases_published": 11,
}
MINIMUM = {"certified_officers": 8, "new_officers_passed_exams": 1, "draw_batches": 2,
           "draws": 3, "joint_inspectors": 4, "joint_entities": 6, "cross_department_draws": 1,
           "joint_operations": 1}
# The register's entries of the year (kind, title, quantity); the report's own wording.
ACTIVITIES = [
    ("MEETING", "党组理论学习中心组法治专题学习会", 1),
    ("STUDY_SESSION", "执法人员集中学法", 4),
    ("PUBLICITY_EVENT", "“12·4”国家宪法日普法宣传", 1),
    ("TRAINING", "行政执法人员业务培训", 2),
    ("NORMATIVE_DOCUMENT_CLEARED", "规范性文件清理", 3),
    ("FAIR_COMPETITION_REVIEW", "公平竞争审查", 2),
]
DRAW_CATEGORY = "PERFORMANCE_VENUE"          # CULTURE_MARKET, drawn at LOW, never inspected
CASE_CATEGORY = "INTERNET_CAFE"              # CULTURE_MARKET, inspected and cases filed
JOINT_CATEGORIES = {"CULTURE": ("SCENIC_SPOT", "TOURISM"),
                    "TRANSPORT": ("COACH_OPERATOR", "ROAD_TRANSPORT")}
# 权力下放: the report's 5 powers delegated to the central townships and sub-districts
# (services/enforcement/demo_bodies.py), from 1 March of the year. Not scaled: a count of
# powers the law lets townships exercise, not of work done.
DELEGATED_POWERS = 5
DELEGATION_DAY = (3, 1)
JOINT_MIN_INSPECTORS = 2
TEAM_SIZE = 2
PUBLISH_LATE_DAYS = 30  # well past 7 working days, whatever holidays fall in between


def nice_size(at_least: int) -> int:
    """The smallest 2^a * 5^b >= at_least: any e/N is then a finite decimal."""
    n = max(1, at_least)
    while True:
        m = n
        for p in (2, 5):
            while m % p == 0:
                m //= p
        if m == 1:
            return n
        n += 1


def scaled(scale: float) -> dict:
    out = {k: max(MINIMUM.get(k, 1), round(v * scale)) for k, v in REPORT.items()}
    out["decisions_published"] = min(out["decisions_published"], out["legally_reviewed_cases"])
    out["major_cases_filed_with_justice"] = min(out["major_cases_filed_with_justice"],
                                                out["legally_reviewed_cases"])
    out["new_officers_passed_exams"] = min(out["new_officers_passed_exams"],
                                           out["certified_officers"] - 6)
    out["draw_batches"] = min(out["draw_batches"], out["draws"])
    out["typical_cases_published"] = min(out["typical_cases_published"],
                                         out["legally_reviewed_cases"])
    out["joint_entities"] = max(out["joint_entities"], out["joint_inspectors"])
    batch_entities = out["draws"] - 1
    out["entities_drawn"] = max(out["entities_drawn"], out["joint_entities"] + batch_entities)
    out["inspectors_drawn"] = max(out["inspectors_drawn"], JOINT_MIN_INSPECTORS *
                                  out["joint_entities"] + 2 * (out["entities_drawn"] -
                                                               out["joint_entities"]))
    return out


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), LOCAL_TZ)


@dataclass(frozen=True)
class Draw:
    key: str
    plan: int            # index into YearPlan.plans
    day: dt.date
    entities: int
    min_inspectors: int


@dataclass(frozen=True)
class Case:
    key: str
    kind: str            # PENALTY, MAJOR, NO_PENALTY_FIRST_VIOLATION, ADMINISTRATIVE_GUIDANCE,
    filed: dt.date       # MEDIATION
    late: bool = False
    typical: bool = False  # marked a typical case (典型案例) once published


@dataclass
class YearPlan:
    year: int
    scale: float
    agency: str = "CULTURE"
    figures: dict = field(default_factory=dict)   # what annualFigures must then say
    veterans: int = 0                             # culture officers certified before
    new_officers: list[dt.date] = field(default_factory=list)   # each one's certificate day
    joint_culture: int = 0     # veterans also certified for TOURISM (the joint roster)
    joint_transport: int = 0   # transport officers, for the joint draw only
    joint_entities: dict = field(default_factory=dict)           # agency -> entities drawn
    plans: list[str] = field(default_factory=list)
    draws: list[Draw] = field(default_factory=list)
    joint_day: dt.date | None = None
    joint_plan: int = 0
    inspections: list[dt.date] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    activities: list[tuple[dt.date, str, str, int]] = field(default_factory=list)
    case_entities: int = 0

    @property
    def draw_stratum_size(self) -> int:
        return max(d.entities for d in self.draws)


def _split(total: int, parts: int) -> list[int]:
    base, rem = divmod(total, parts)
    return [base + (i < rem) for i in range(parts)]


def _spread(year: int, n: int, first=(1, 9), last=(12, 15)) -> list[dt.date]:
    """n days spread evenly from `first` to `last` (month, day) of the year."""
    start, end = dt.date(year, *first), dt.date(year, *last)
    span = (end - start).days
    return [start + dt.timedelta(days=span * i // max(1, n - 1)) for i in range(n)]


def _batch_sizes(entities: int, inspectors: int, draws: int) -> list[tuple[int, int]]:
    """(entities, min_inspectors) per batch draw, summing exactly to both totals: m is the
    whole part of inspectors/entities, and draws holding `extra` entities get m + 1."""
    m, extra = divmod(inspectors, entities)
    k = 0 if extra == 0 else min(max(1, round(draws * extra / entities)), extra, draws - 1)
    if extra and k == 0:
        raise ValueError("cannot lay out the inspector-times with so few draws")
    sizes = [(e, m) for e in _split(entities - extra, draws - k)]
    for i, e in enumerate(_split(extra, k) if k else []):  # spread over the year
        sizes.insert(i * draws // k, (e, m + 1))
    return sizes


def plan_year(year: int, scale: float) -> YearPlan:
    f = scaled(scale)
    plan = YearPlan(year, scale)
    new = f["new_officers_passed_exams"]
    plan.veterans = f["certified_officers"] - new
    plan.new_officers = _spread(year, new, (2, 6), (7, 20))
    k = f["joint_inspectors"]
    plan.joint_culture = min(plan.veterans, max(1, round(k * 0.6)))
    plan.joint_transport = k - plan.joint_culture
    joint_c = max(plan.joint_culture, round(f["joint_entities"] * 2 / 3))
    plan.joint_entities = {"CULTURE": joint_c, "TRANSPORT": f["joint_entities"] - joint_c}
    if plan.joint_entities["TRANSPORT"] < plan.joint_transport:
        raise ValueError("joint draw: fewer transport entities than transport inspectors")
    plan.plans = [f"{year}年第{i + 1}批" for i in range(f["draw_batches"])]

    batches = f["draws"] - 1
    sizes = _batch_sizes(f["entities_drawn"] - f["joint_entities"],
                         f["inspectors_drawn"] - JOINT_MIN_INSPECTORS * f["joint_entities"],
                         batches)
    if max(m for _, m in sizes) > plan.veterans:
        raise ValueError("too few officers for the inspectors each entity needs")
    days = _spread(year, batches)
    per_plan = _split(batches, len(plan.plans))
    owner = [p for p, n in enumerate(per_plan) for _ in range(n)]
    plan.draws = [Draw(f"{year}-draw-{i + 1:03d}", owner[i], day, e, m)
                  for i, (day, (e, m)) in enumerate(zip(days, sizes))]
    plan.joint_day = dt.date(year, 6, 12)
    plan.joint_plan = next(p for p, d in zip(owner, days) if d >= plan.joint_day) \
        if days[-1] >= plan.joint_day else len(plan.plans) - 1

    plan.inspections = _spread(year, f["inspections_recorded"], (1, 10), (11, 30))
    reviewed, in_time = f["legally_reviewed_cases"], f["decisions_published"]
    majors = f["major_cases_filed_with_justice"]
    kinds = ([("MAJOR" if i < majors else "PENALTY", i >= in_time) for i in range(reviewed)]
             + [(k, False) for k in ("NO_PENALTY_FIRST_VIOLATION", "ADMINISTRATIVE_GUIDANCE",
                                     "MEDIATION") for _ in range(f[OUTCOME_FIGURE[k]])])
    filed = _spread(year, len(kinds), (1, 16), (10, 20))
    typical = f["typical_cases_published"]   # the first penalty cases, marked when published
    plan.cases = [Case(f"{year}-case-{i + 1:03d}", kind, day, late, i < typical)
                  for i, ((kind, late), day) in enumerate(zip(kinds, filed))]
    plan.case_entities = max(10, min(len(plan.cases), 50))
    plan.activities = [(day, kind, title, n) for day, (kind, title, n) in zip(
        _spread(year, len(ACTIVITIES), (2, 20), (12, 4)), ACTIVITIES)]

    late = sum(c.late for c in plan.cases)
    plan.figures = {
        **{k: f[k] for k in ("certified_officers", "new_officers_passed_exams",
                             "draw_batches", "draws", "inspectors_drawn", "entities_drawn",
                             "cross_department_draws", "inspections_recorded",
                             "legally_reviewed_cases", "decisions_published",
                             "major_cases_filed_with_justice", "first_violation_waivers",
                             "administrative_guidance_cases", "mediation_cases",
                             "joint_operations", "typical_cases_published")},
        "decisions_published_late": late,
        "findings": late * TEAM_SIZE,   # each officer of a late publication's case
        "inspections_reported": 0, "delegated_powers": DELEGATED_POWERS,
    }
    return plan


OUTCOME_FIGURE = {"NO_PENALTY_FIRST_VIOLATION": "first_violation_waivers",
                  "ADMINISTRATIVE_GUIDANCE": "administrative_guidance_cases",
                  "MEDIATION": "mediation_cases"}
