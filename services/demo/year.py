"""`jointops demo year`: a year replayed through the running services, at the report's scale.

Design
------
- Only the services' own RPC commands write (the same ones the gateway calls): officers
  are imported by certification, entities registered and cases worked by culture and
  transport, plans and draws made by draws, the joint operation run by operations, the
  register kept by accountability. Nothing is written to a database directly, so every
  rule, event and automatic reaction of a real year happens too.
- The plan (`year_plan.plan_year`) is a dated list of steps; they run in time order.
- Time: commands that take their moment as input (case steps, inspections, certificate
  issue, reviews) get the planned moment. Commands that stamp "now" themselves (a draw's
  commit and reveal, registration, the overdue sweeps, automatic findings) read the
  replay clock: before the first step of each day every service is told that it is that
  day, 23:00 in Asia/Shanghai (`set_replay_clock`; refused unless the service runs in demo
  mode, and kept in each service's clock audit). At the end every clock is set back.
- The year must not already hold what the replay adds (except officers certified that
  year, which `demo load` adds too: the replay then certifies only the missing ones);
  otherwise it stops before writing anything and says which figures are in the way.
"""
from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from typing import Callable

from services.bus.rpc import unwrap
from services.common import xinyang
from services.common.errors import DomainError
from services.demo import year_plan as yp
from services.demo.year_plan import Case, YearPlan, at

SERVICES = ("certification", "culture", "transport", "accountability", "operations", "draws")
PLANNER = {"sub": "demo-year", "roles": ["planner"], "agency": None}
# legal-affairs staff reviewing the replayed cases: never the officer who submits them
REVIEWER = {"sub": "demo-year-legal", "roles": ["accountability_officer"], "agency": None}
OFFICER = {"sub": "demo-year", "roles": ["enforcement_officer", "accountability_officer"],
           "agency": "CULTURE"}
CLOCK_HOUR = 23   # each replayed day's clock: after every step planned that day
ZERO_RULES = {"tier_rates": {"LOW": "0", "MEDIUM": "0", "HIGH": "0"}, "flagged_rate": "0"}
ADDED = ("draw_batches", "draws", "inspectors_drawn", "entities_drawn", "cross_department_draws",
         "inspections_recorded", "legally_reviewed_cases", "decisions_published",
         "major_cases_filed_with_justice", "first_violation_waivers",
         "administrative_guidance_cases", "mediation_cases", "joint_operations",
         "decisions_published_late", "findings", "typical_cases_published")


class ReplayRefused(Exception):
    """The year cannot be replayed here (nothing was written)."""


# ---------------------------------------------------------------- figures over RPC
def figures(rpc, year: int, agency: str) -> dict:
    """What annualFigures answers: the six services' own figures, joined."""
    parts = [rpc.certification.annual_figures(year, agency),
             getattr(rpc, agency.lower()).annual_figures(year),
             rpc.draws.annual_figures(year, agency),
             rpc.operations.annual_figures(year, agency),
             rpc.accountability.annual_figures(year, agency),
             rpc.delivery.annual_figures(year, agency)]
    return {k: v for part in parts for k, v in unwrap(part).items()}


def fit_to(plan: YearPlan, baseline: dict) -> None:
    """Certify only the officers the year lacks; refuse if anything else is there."""
    busy = {k: baseline[k] for k in ADDED if baseline.get(k)}
    if busy:
        raise ReplayRefused(f"{plan.year} already holds {busy} for {plan.agency}: replay "
                            "into fresh databases (e.g. another JOINTOPS_DB_PREFIX)")
    new = len(plan.new_officers) - baseline["new_officers_passed_exams"]
    veterans = plan.veterans - (baseline["certified_officers"]
                                - baseline["new_officers_passed_exams"])
    if new < 0 or veterans < max(d.min_inspectors for d in plan.draws):
        raise ReplayRefused(f"{plan.year} already has {baseline['certified_officers']} "
                            f"certified {plan.agency} officers, more than the replay allows")
    plan.new_officers = plan.new_officers[len(plan.new_officers) - new:]
    plan.veterans = veterans
    plan.joint_culture = min(plan.joint_culture, veterans)


# ---------------------------------------------------------------- what the steps send
def _id_number(n: int) -> str:
    born = dt.date(1970, 1, 1) + dt.timedelta(days=53 * n % 10_000)  # adults in any year
    return xinyang.id_number(n, born)


def _officer(plan, agency, n, domains, exams_on: dt.date, issued: dt.date, reviewed=None):
    year = plan.year
    return {"officer_id": f"y{year}-{agency[:2].lower()}-{n:03d}",
            "name": xinyang.person_name(n + (500 if agency != "CULTURE" else 0)),
            "agency": agency, "id_number": _id_number(n + (500 if agency != "CULTURE" else 0)),
            "exams": [{"exam": e, "score": 82 + k * 5, "taken_on": (
                exams_on + dt.timedelta(days=10 * k)).isoformat()}
                for k, e in enumerate(("PUBLIC_LAW", "PROFESSIONAL_LAW"))],
            "certificate": {"domains": domains, "valid_from": issued.isoformat(),
                            "valid_until": (issued + dt.timedelta(days=5 * 365)).isoformat(),
                            "effective_at": at(issued, 9).isoformat()},
            "reviewed_at": at(reviewed, 9).isoformat() if reviewed else None}


def officers(plan: YearPlan) -> list[tuple[dt.date, dict]]:
    """(import day, row): veterans (certified the year before, reviewed on 3 January),
    the year's new officers (both exams passed shortly before their certificate), and the
    transport officers of the joint draw."""
    first = dt.date(plan.year, 1, 3)
    rows = []
    for n in range(plan.veterans):
        domains = ["CULTURE_MARKET"] + (["TOURISM"] if n < plan.joint_culture else [])
        issued = dt.date(plan.year - 1, 1, 10) + dt.timedelta(days=7 * (n % 45))
        rows.append((first, _officer(plan, "CULTURE", n + 1, domains,
                                     issued - dt.timedelta(days=60), issued, first)))
    for k, day in enumerate(plan.new_officers):
        rows.append((day, _officer(plan, "CULTURE", plan.veterans + k + 1, ["CULTURE_MARKET"],
                                   day - dt.timedelta(days=25), day)))
    for n in range(plan.joint_transport):
        issued = dt.date(plan.year - 1, 3, 1) + dt.timedelta(days=5 * (n % 60))
        rows.append((first, _officer(plan, "TRANSPORT", n + 1, ["ROAD_TRANSPORT"],
                                     issued - dt.timedelta(days=60), issued, first)))
    return rows


def _entity_rows(plan, agency, category, risk, start, count) -> list[dict]:
    code = category[:3]
    return [{"registration_no": f"914115{0 if agency == 'CULTURE' else 1}Y{plan.year}"
                                f"{code}{risk[0]}{n:05d}",
             "category": category, "risk_level": risk, "name": xinyang.entity_name(category, n),
             "address": xinyang.address(n), "licence": f"LIC-{plan.year}-{code}-{n}"}
            for n in range(start, start + count)]


def rate(entities: int, stratum: int) -> str:
    """e/N as an exact decimal (N is 2^a 5^b: see year_plan.nice_size)."""
    return format(Decimal(entities) / Decimal(stratum), "f")


class Replay:
    """Runs a plan's steps in time order against `rpc` (a nameko ClusterRpcProxy)."""

    def __init__(self, rpc, plan: YearPlan):
        self.rpc, self.plan = rpc, plan
        self.ids: dict[str, str] = {}      # plan keys -> ids the services gave
        self.strata: dict[str, int] = {}   # category -> stratum size N
        self.clock_day: dt.date | None = None
        self.vets = [f"y{plan.year}-cu-{n + 1:03d}" for n in range(plan.veterans)]

    # -- the clock
    def clocks(self, moment: dt.datetime | None) -> None:
        replies = [getattr(self.rpc, s).set_replay_clock.call_async(
            moment.isoformat() if moment else None, PLANNER) for s in SERVICES]
        for reply in replies:
            unwrap(reply.result())

    def day(self, day: dt.date) -> None:
        if day != self.clock_day:
            self.clocks(at(day, CLOCK_HOUR))
            self.clock_day = day

    # -- steps
    def steps(self) -> list[tuple[dt.datetime, str, Callable[[], object]]]:
        p, out = self.plan, []
        jan = lambda d: dt.date(p.year, 1, d)  # noqa: E731
        for day, row in officers(p):
            out.append((at(day, 8), f"officer {row['officer_id']}", lambda r=row: unwrap(
                self.rpc.certification.import_officer(r, None))))
        out.append((at(jan(4), 8), "directory", self.directory))
        out.append((at(jan(4), 9), "delegated powers", self.delegate_powers))
        for i, title in enumerate(p.plans):
            out.append((at(jan(5), 8, i), f"plan {title}", lambda i=i, t=title: self.make_plan(
                i, t)))
        for d in p.draws:
            out.append((at(d.day, 10), f"draw {d.key}", lambda d=d: self.batch_draw(d)))
        out += self.joint_operation()
        for n, day in enumerate(p.inspections):
            out.append((at(day, 14, n % 50), "inspection", lambda n=n, day=day: self.inspect(
                n, at(day, 14, n % 50))))
        for n, case in enumerate(p.cases):
            out += self.case_steps(n, case)
        for day, kind, title, quantity in p.activities:
            entry = {"held_on": day.isoformat(), "kind": kind, "title": title,
                     "quantity": quantity, "request_key": f"demo-year:{p.year}:{kind}:{title}"}
            out.append((at(day, 16), f"activity {kind}", lambda e=entry: unwrap(
                self.rpc.accountability.record_activity(e, OFFICER))))
        return sorted(out, key=lambda s: s[0])

    def check_demo_mode(self) -> None:
        """Every service lets its clock be set (demo mode), or ReplayRefused before any
        write: setting each back to the machine's time asks exactly that."""
        try:
            self.clocks(None)
        except DomainError as exc:
            raise ReplayRefused(f"{exc.message} ({exc.code})") from None

    def run(self, on_step: Callable[[str, dt.datetime], None] = lambda label, when: None):
        self.check_demo_mode()
        try:
            for when, label, step in self.steps():
                self.day(when.date())
                on_step(label, when)
                step()
            self.settle()
        finally:
            self.clocks(None)

    def settle(self, bound: float = 60.0) -> None:
        """Let every event of the year be handled while the clocks still say it is that
        year: outboxes empty, and the late publications' findings recorded."""
        deadline = time.monotonic() + bound
        want = self.plan.figures["findings"]
        while time.monotonic() < deadline:
            pending = sum(getattr(self.rpc, s).ping()["outbox_pending"] or 0 for s in SERVICES)
            found = unwrap(self.rpc.accountability.annual_figures(
                self.plan.year, self.plan.agency))["findings"]
            if not pending and found >= want:
                return
            time.sleep(0.5)

    def directory(self) -> None:
        """Top each drawn stratum up to a size N with exact rates; the case entities."""
        p = self.plan
        wanted = {("CULTURE", yp.DRAW_CATEGORY): p.draw_stratum_size}
        for agency, (category, _) in yp.JOINT_CATEGORIES.items():
            wanted[(agency, category)] = p.joint_entities[agency]
        for (agency, category), need in wanted.items():
            svc = getattr(self.rpc, agency.lower())
            have = unwrap(svc.list_entities({"category": category, "risk_level": "LOW"},
                                            {"first": 0}))["total"]
            size = yp.nice_size(max(have, need))
            self._import(svc, agency, _entity_rows(p, agency, category, "LOW", have,
                                                   size - have))
            self.strata[category] = size
        self.ids["case_entities"] = self._import(self.rpc.culture, "CULTURE", _entity_rows(
            p, "CULTURE", yp.CASE_CATEGORY, "MEDIUM", 0, p.case_entities))

    def delegate_powers(self) -> None:
        """The 5 powers delegated to the demo's township bodies from 1 March of the year
        (nothing when those bodies exist already, e.g. after `jointops demo load`)."""
        from services.enforcement import demo_bodies

        month, day = yp.DELEGATION_DAY
        demo_bodies.load(self.rpc, dt.date(self.plan.year, month, day).isoformat())

    def _import(self, svc, agency, rows) -> list[str]:
        ids = []
        for i in range(0, len(rows), 500):
            result = unwrap(svc.import_entities(rows[i:i + 500], {**OFFICER, "agency": agency}))
            if result["errors"]:
                raise ReplayRefused(f"directory rows refused: {result['errors'][:3]}")
            ids += result["entity_ids"]
        return ids

    def make_plan(self, i: int, title: str) -> None:
        made = unwrap(self.rpc.draws.create_plan({"title": title, "agency": self.plan.agency,
                                                  "year": self.plan.year,
                                                  "key": f"demo-year:{title}"}, PLANNER))
        self.ids[f"plan-{i}"] = made["id"]

    def _draw(self, data: dict) -> dict:
        draw = unwrap(self.rpc.draws.create_draw(data, PLANNER))
        if draw["status"] == "CREATED":
            draw = unwrap(self.rpc.draws.commit_draw(draw["id"], PLANNER))
        if draw["status"] == "COMMITTED":
            draw = unwrap(self.rpc.draws.reveal_draw(draw["id"], PLANNER))
        return draw

    def batch_draw(self, d) -> None:
        rules = {**ZERO_RULES, "min_inspectors": d.min_inspectors, "category_rates": {
            yp.DRAW_CATEGORY: {"LOW": rate(d.entities, self.strata[yp.DRAW_CATEGORY])}}}
        self._draw({"title": f"{self.plan.plans[d.plan]} {d.key}", "agency": "CULTURE",
                    "domains": ["CULTURE_MARKET"], "inspection_date": d.day.isoformat(),
                    "rules": rules, "plan_id": self.ids[f"plan-{d.plan}"], "key": d.key})

    def joint_operation(self) -> list:
        p, day = self.plan, self.plan.joint_day
        end = day + dt.timedelta(days=7)
        ops = self.rpc.operations
        team = {"文化组": [(o, "TOURISM") for o in self.vets[:2]],
                "交通组": [(f"y{p.year}-tr-{n + 1:03d}", "ROAD_TRANSPORT") for n in range(2)]}

        def plan_op():
            op = unwrap(ops.plan({"key": f"demo-year:{p.year}:joint", "name": f"{p.year}年文旅"
                                  "交通跨部门联合双随机抽查", "legal_basis": "《行政处罚法》",
                                  "lead_agency": "CULTURE", "agencies": ["CULTURE", "TRANSPORT"],
                                  "starts_at": at(day, 0).isoformat(),
                                  "ends_at": at(end, 0).isoformat()}, PLANNER))
            self.ids["operation"] = op["operation_id"]
            if op["status"] != "DRAFT":
                return
            for name, members in team.items():
                for officer, domain in members:
                    unwrap(ops.assign_officer({"operation_id": op["operation_id"],
                                               "team_name": name, "officer_id": officer,
                                               "domain": domain}, PLANNER))
            unwrap(ops.launch(op["operation_id"], PLANNER))

        def joint_draw():
            rules = {**ZERO_RULES, "min_inspectors": yp.JOINT_MIN_INSPECTORS,
                     "category_rates": {c: {"LOW": rate(p.joint_entities[a], self.strata[c])}
                                        for a, (c, _) in yp.JOINT_CATEGORIES.items()}}
            self.ids["joint_draw"] = self._draw({
                "title": f"{p.plans[p.joint_plan]} 跨部门联合抽查", "operation_id":
                self.ids["operation"], "domains": [d for _, d in yp.JOINT_CATEGORIES.values()],
                "rules": rules, "plan_id": self.ids[f"plan-{p.joint_plan}"],
                "key": f"{p.year}-joint-draw"})["id"]

        def complete():
            op = unwrap(ops.get_operation(self.ids["operation"]))
            if op["status"] == "LAUNCHED":
                unwrap(ops.complete(self.ids["operation"], PLANNER))
        return [(at(day, 7), "joint operation", plan_op), (at(day, 9), "joint draw", joint_draw),
                (at(end + dt.timedelta(days=1), 9), "joint operation completed", complete)]

    def _team(self, n: int) -> list[str]:
        return [self.vets[n % len(self.vets)], self.vets[(n + 1) % len(self.vets)]]

    def inspect(self, n: int, when: dt.datetime) -> None:
        entity = self.ids["case_entities"][n % len(self.ids["case_entities"])]
        unwrap(self.rpc.culture.record_inspection({
            "entity_id": entity, "officer_ids": self._team(n), "performed_at": when.isoformat(),
            "checklist": [{"item": "证照公示 licence displayed", "result": "PASS"}]}, OFFICER))

    def case_steps(self, n: int, case: Case) -> list:
        """The case from filing to closing, each step at its own planned moment."""
        team, svc = self._team(n), self.rpc.culture
        major, penalty = case.kind == "MAJOR", case.kind in ("PENALTY", "MAJOR")
        violation = "NETCAFE_ADMITS_MINORS" if penalty else "NETCAFE_NO_ID_CHECK"
        decision = ({"outcome": "PENALTY", "violation_code": violation, "circumstance":
                     "LIGHTER", "fine": 3000} if penalty else
                    {"outcome": case.kind, "violation_code": violation,
                     **({"first_violation": True, "minor_harm": True, "corrected_in_time": True}
                        if case.kind == "NO_PENALTY_FIRST_VIOLATION" else {})})

        def step(action, who=OFFICER, **data):
            def go(when):
                body = {"officer_ids": team, "at": when.isoformat(), **data}
                unwrap(svc.case_action(self.ids[case.key], action, body, who))
            return action, go

        def reviewed(days, stage, **proposal):
            """A penalty case's legal review at `stage`: submitted by the case's side,
            approved by legal-affairs staff of its own (never the submitter)."""
            return [(days, step("submit_for_legal_review", stage=stage, **proposal)),
                    (days, step("record_legal_review", REVIEWER, outcome="APPROVED",
                                opinion="事实清楚，证据确凿，适用依据正确"))]

        def file(when):
            entity = self.ids["case_entities"][n % len(self.ids["case_entities"])]
            # A penalty case takes the general procedure, reviewed at every stage; the
            # waivers, guidance and mediation the summary one, which has no stage reviews.
            made = unwrap(svc.file_case({"entity_id": entity, "officer_ids": team,
                                         "filed_at": when.isoformat(), "complex": major,
                                         "kind": "PENALTY" if penalty else "SUMMARY",
                                         "violation_code": violation}, OFFICER))
            self.ids[case.key] = made["id"]
        plan = [(0, ("file", file))]
        plan += reviewed(0, "FILING") if penalty else []
        plan.append((0, step("start_investigation")))
        plan += reviewed(1, "INVESTIGATION_END") if penalty else []
        plan.append((1, step("notify_rights")))
        if penalty:
            plan += [(2, step("submit_for_legal_review", stage="DECISION", proposal=decision)),
                     (3, step("record_legal_review", REVIEWER, outcome="APPROVED",
                              opinion="事实清楚，证据确凿，适用依据正确"))]
        plan.append((4, step("decide", decision=decision)))
        if major:
            plan.append((5, step("file_with_justice_bureau",
                                 reference=f"SFJ-{self.plan.year}-{n + 1:04d}")))
        plan += [(5, step("attempt_service", document="DECISION", method="IN_PERSON")),
                 (5, step("record_service_receipt", attempt_index=0))]
        last = 5
        if penalty:
            last = 4 + yp.PUBLISH_LATE_DAYS if case.late else 6
            plan.append((last, step("publish_decision", channel="市政府门户网站")))
        if case.typical:
            plan.append((last, ("mark typical", lambda when: unwrap(svc.mark_typical(
                {"case_id": self.ids[case.key], "summary": "网吧接纳未成年人案：主动停止违法、"
                 "配合调查，依法从轻处罚的说理示范"}, REVIEWER)))))
        plan += reviewed(last + 1, "CLOSING") if penalty else []
        plan.append((last + 1, step("close")))
        out = []
        for k, (days, (action, go)) in enumerate(plan):
            when = at(case.filed + dt.timedelta(days=days), 15, k)
            out.append((when, f"case {case.key}: {action}", lambda go=go, when=when: go(when)))
        return out
