"""The legal deadline of a platform delivery (working days of the Chinese calendar) and
the platforms' configuration from the environment (unset = off)."""
import datetime as dt

import pytest

from services.common.config import ConfigError, load
from services.contracts.payloads import DecisionPublished, InspectionRecorded
from services.delivery.domain import deadlines

BASE = {"JOINTOPS_JWT_SECRET": "x" * 32}


def test_a_decision_is_due_on_its_publication_deadline():
    payload = DecisionPublished(case_id="c1", agency="CULTURE",
                                decided_at="2023-09-26T02:00:00+00:00",
                                published_at="2023-09-27T02:00:00+00:00",
                                publication_due="2023-10-09", late=False)
    assert deadlines.due_on(payload, dt.datetime(2023, 9, 27, 2, tzinfo=dt.timezone.utc)
                            ) == dt.date(2023, 10, 9)


def test_an_inspection_is_due_7_working_days_after_its_day_skipping_the_holiday():
    # performed 28 Sep 2023 (Shanghai): the Mid-Autumn/National Day holiday runs 29 Sep -
    # 6 Oct, 7-8 Oct are make-up working days -> 7 working days later is 13 Oct
    payload = InspectionRecorded(
        inspection_id="i1", agency="CULTURE", domain="CULTURE_MARKET", entity_id="e1",
        officer_ids=["o1", "o2"], performed_at="2023-09-28T01:00:00+00:00", operation_id=None,
        task_id=None, findings_count=0, violation_found=False)
    day = deadlines.due_on(payload, dt.datetime(2023, 9, 28, tzinfo=dt.timezone.utc))
    assert day == dt.date(2023, 10, 13)
    # late from Shanghai midnight after the deadline day
    assert deadlines.due_by(day) == dt.datetime(2023, 10, 13, 16, tzinfo=dt.timezone.utc)
    assert not deadlines.is_late(dt.datetime(2023, 10, 13, 15, 59, tzinfo=dt.timezone.utc), day)
    assert deadlines.is_late(dt.datetime(2023, 10, 13, 16, tzinfo=dt.timezone.utc), day)


def test_platforms_are_configured_by_environment_and_unset_means_off():
    assert load(BASE).platforms == {}
    cfg = load({**BASE, "JOINTOPS_PLATFORM_SUPERVISION_INSPECTIONS_URL": "https://p.example/i",
                "JOINTOPS_PLATFORM_SUPERVISION_INSPECTIONS_TOKEN": "t1",
                "JOINTOPS_PUBLICITY_URL": "https://old.example/decisions"})
    assert cfg.platforms == {
        "SUPERVISION_INSPECTIONS": {"url": "https://p.example/i", "token": "t1"},
        "CREDIT_PORTAL": {"url": "https://old.example/decisions", "token": None}}
    with pytest.raises(ConfigError, match="JOINTOPS_PLATFORM_TWO_LAW_LINKAGE_URL"):
        load({**BASE, "JOINTOPS_PLATFORM_TWO_LAW_LINKAGE_URL": "ftp://x"})
