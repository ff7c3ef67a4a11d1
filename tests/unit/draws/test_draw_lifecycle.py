"""Scope, the draw's life (commit, reveal, results, overdue) and its permission rule."""
import datetime as dt

import pytest

from draws_factory import make_directory, make_roster
from services.common.errors import DomainError
from services.draws.domain import events, lifecycle
from services.draws.domain.commitment import commit_seed
from services.draws.domain.scope import batch_scope, operation_scope

NOW = dt.datetime(2024, 9, 2, 1, tzinfo=dt.timezone.utc)
PLANNER = {"sub": "p1", "roles": ["planner"], "agency": "CULTURE"}
RULES = {"tier_rates": {"LOW": "0.05", "MEDIUM": "0.1", "HIGH": "0.3"}}


def _code(fn, *args):
    with pytest.raises(DomainError) as info:
        fn(*args)
    return info.value.code


def _batch():
    scope = batch_scope("CULTURE", ["CULTURE_MARKET"], dt.date(2024, 9, 3), dt.date(2024, 9, 30))
    return lifecycle.create("D1", "Sept batch", scope, lifecycle.rules_for(scope, RULES),
                            PLANNER, NOW)


def _operation(**kw):
    return {"operation_id": "OP1", "status": "DRAFT", "agencies": ["TRANSPORT", "CULTURE"],
            "starts_at": "2024-09-30T16:00:00+00:00", "ends_at": "2024-10-07T15:00:00+00:00",
            **kw}


def test_operation_scope_takes_the_operations_local_dates_and_is_joint():
    scope = operation_scope(_operation(), ["TOURISM", "ROAD_TRANSPORT"])
    assert (scope.inspection_date, scope.inspections_end) == (dt.date(2024, 10, 1),
                                                              dt.date(2024, 10, 7))
    assert scope.joint and scope.agencies == ("CULTURE", "TRANSPORT")
    assert lifecycle.rules_for(scope, RULES).joint
    start, end = scope.window()
    assert start == dt.datetime(2024, 9, 30, 16, tzinfo=dt.timezone.utc)
    assert end == dt.datetime(2024, 10, 7, 15, 59, 59, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("domains,op,dates,code", [
    (["TOURISM"], {}, (), "AGENCY_WITHOUT_DOMAIN"),
    (["TOURISM", "ROAD_TRANSPORT"], {"status": "COMPLETED"}, (), "OPERATION_CLOSED"),
    (["TOURISM", "ROAD_TRANSPORT"], {}, (dt.date(2024, 9, 1),), "DATE_OUTSIDE_OPERATION"),
    (["TOURISM", "ROAD_TRANSPORT", "X"], {}, (), "INVALID_INPUT"),
])
def test_operation_scope_refusals(domains, op, dates, code):
    assert _code(operation_scope, _operation(**op), domains, *dates) == code


def test_batch_scope_refusals():
    assert _code(batch_scope, "CULTURE", ["ROAD_TRANSPORT"], dt.date(2024, 9, 3)) == \
        "DOMAIN_NOT_IN_SCOPE"
    assert _code(batch_scope, "CULTURE", ["TOURISM"], dt.date(2024, 9, 3),
                 dt.date(2024, 9, 1)) == "INVALID_INPUT"


def test_rules_need_every_tier_and_a_planner_of_a_taking_part_agency():
    scope = batch_scope("CULTURE", ["TOURISM"], dt.date(2024, 9, 3))
    assert _code(lifecycle.rules_for, scope, {"tier_rates": {"LOW": "0.1"}}) == \
        "RULES_INCOMPLETE"
    rules = lifecycle.rules_for(scope, RULES)
    for actor in ({"sub": "x", "roles": ["planner"], "agency": "TRANSPORT"},
                  {"sub": "x", "roles": ["cross_agency"]}, None):
        assert _code(lifecycle.create, "D", "t", scope, rules, actor, NOW) == "FORBIDDEN"


def test_commit_then_reveal_runs_the_draw_with_the_committed_seed():
    record = _batch()
    committed, evs = lifecycle.commit(record, "seed-1", NOW)
    assert committed.seed_commitment == commit_seed("seed-1") and committed.seed is None
    assert [t for t, _ in evs] == [events.DRAW_COMMITTED]
    assert _code(lifecycle.commit, committed, "seed-2", NOW) == "INVALID_TRANSITION"
    directory, roster = make_directory(200, ("CULTURE",)), make_roster(20, ("CULTURE",))
    assert _code(lifecycle.reveal, committed, "seed-2", directory, roster, NOW) == "SEED_MISMATCH"
    revealed, draw, evs = lifecycle.reveal(committed, "seed-1", directory, roster, NOW)
    assert revealed.status == lifecycle.REVEALED and revealed.seed == "seed-1"
    assert revealed.hashes["result"] == draw.result_hash and draw.entity_count > 0
    assert evs[0][1]["result_hash"] == draw.result_hash


def test_overdue_is_raised_once_by_the_sweep_or_by_a_late_publication():
    record = _batch()
    record, _ = lifecycle.commit(record, "s", NOW)
    record, _, _ = lifecycle.reveal(record, "s", make_directory(100, ("CULTURE",)),
                                    make_roster(10, ("CULTURE",)), NOW)
    due = record.results_due
    assert due == dt.date(2024, 11, 1)  # 20 working days after 30 Sept: holidays skipped
    assert lifecycle.sweep_overdue(record, due)[1] == []
    swept, evs = lifecycle.sweep_overdue(record, due + dt.timedelta(days=1))
    assert [t for t, _ in evs] == [events.RESULTS_PUBLICATION_OVERDUE]
    assert lifecycle.sweep_overdue(swept, due + dt.timedelta(days=9))[1] == []
    _, evs = lifecycle.publish_results(swept, 3, due + dt.timedelta(days=9))
    assert [t for t, _ in evs] == [events.RESULTS_PUBLISHED]
    _, evs = lifecycle.publish_results(record, 3, due + dt.timedelta(days=9))
    assert [t for t, _ in evs] == [events.RESULTS_PUBLICATION_OVERDUE, events.RESULTS_PUBLISHED]
    published, evs = lifecycle.publish_results(record, 3, due)
    assert [t for t, _ in evs] == [events.RESULTS_PUBLISHED]
    assert lifecycle.sweep_overdue(published, due + dt.timedelta(days=30))[1] == []


def test_rules_keep_the_two_inspector_minimum():
    scope = batch_scope("CULTURE", ["TOURISM"], dt.date(2024, 9, 3))
    assert _code(lifecycle.rules_for, scope, {**RULES, "min_inspectors": 1}) == "INVALID_INPUT"
    assert lifecycle.rules_for(scope, {**RULES, "min_inspectors": 3}).min_inspectors == 3
