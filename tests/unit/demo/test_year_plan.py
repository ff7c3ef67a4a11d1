"""The replayed year's plan: at scale 1 it is the report's year, and at any scale the
laid-out draws, cases and officers add up exactly to the figures it promises."""
from decimal import Decimal

import pytest

from services.demo.year import officers, rate
from services.demo.year_plan import DELEGATED_POWERS, REPORT, nice_size, plan_year


def test_at_scale_one_the_plan_is_the_report():
    plan = plan_year(2023, 1.0)
    f = plan.figures
    assert (f["certified_officers"], f["new_officers_passed_exams"]) == (44, 13)
    assert (f["draw_batches"], f["draws"], f["inspectors_drawn"], f["entities_drawn"]) == (
        14, 229, 20_294, 6_755)
    assert (f["legally_reviewed_cases"], f["decisions_published"],
            f["major_cases_filed_with_justice"]) == (71, 65, 24)
    assert (f["first_violation_waivers"], f["administrative_guidance_cases"],
            f["mediation_cases"], f["cross_department_draws"]) == (8, 3, 1, 1)
    assert f["inspections_recorded"] >= 1000
    assert f["typical_cases_published"] == sum(c.typical for c in plan.cases) == 11
    assert sum(plan.joint_entities.values()) == REPORT["joint_entities"] == 60
    assert plan.joint_culture + plan.joint_transport == REPORT["joint_inspectors"] == 40


@pytest.mark.parametrize("scale", [0.01, 0.05, 0.3, 1.0, 10.0])
def test_the_steps_add_up_to_the_figures(scale):
    plan = plan_year(2023, scale)
    f, joint = plan.figures, sum(plan.joint_entities.values())
    assert len(plan.draws) + 1 == f["draws"]
    assert sum(d.entities for d in plan.draws) + joint == f["entities_drawn"]
    assert sum(d.entities * d.min_inspectors for d in plan.draws) + 2 * joint == \
        f["inspectors_drawn"]
    assert len({d.plan for d in plan.draws} | {plan.joint_plan}) == f["draw_batches"]
    assert all(d.day.year == 2023 for d in plan.draws)
    kinds = [c.kind for c in plan.cases]
    assert kinds.count("MAJOR") == f["major_cases_filed_with_justice"]
    assert kinds.count("MAJOR") + kinds.count("PENALTY") == f["legally_reviewed_cases"]
    assert sum(c.late for c in plan.cases) == f["decisions_published_late"]
    typical = [c for c in plan.cases if c.typical]
    assert len(typical) == f["typical_cases_published"] >= 1
    assert all(c.kind in ("PENALTY", "MAJOR") for c in typical)   # published decisions
    assert len(plan.inspections) == f["inspections_recorded"]
    culture = [row for _, row in officers(plan) if row["agency"] == "CULTURE"]
    assert len(culture) == f["certified_officers"]
    assert sum(row["exams"][1]["taken_on"].startswith("2023") for row in culture) == \
        f["new_officers_passed_exams"]


def test_every_draw_rate_is_an_exact_decimal():
    for wanted in (1, 7, 29, 30, 33, 61, 999):
        size = nice_size(wanted)
        assert size >= wanted
        for e in range(size + 1):
            assert Decimal(rate(e, size)) * size == e


def test_the_year_delegates_the_reports_five_powers_whatever_the_scale():
    from services.enforcement import demo_bodies

    assert len(demo_bodies.DELEGATED) == DELEGATED_POWERS == 5
    for scale in (0.05, 1.0):
        assert plan_year(2023, scale).figures["delegated_powers"] == 5
