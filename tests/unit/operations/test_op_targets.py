import pytest
from hypothesis import given, settings, strategies as st

from services.common.errors import DomainError
from services.operations.domain import Target, add_targets, split_targets, targets_from_draw

from .conftest import planned, staffed

targets = st.lists(st.builds(Target.of, st.sampled_from(["CULTURE", "TRANSPORT"]),
                             st.text("abcdef0123", min_size=1, max_size=4),
                             st.sampled_from(["INTERNET_CAFE", "TOURIST_COACH", "SCENIC_SPOT"])),
                   max_size=30)
team_names = st.sets(st.sampled_from("ABCDE"), min_size=1)


@settings(max_examples=80, deadline=None)
@given(targets, team_names, st.randoms())
def test_split_is_balanced_complete_and_order_free(items, names, rnd):
    everyone = {n: ["CULTURE_MARKET", "ROAD_TRANSPORT", "TOURISM"] for n in names}
    split = split_targets(items, everyone)
    sizes = [len(v) for v in split.values()]
    assert max(sizes) - min(sizes) <= 1
    assert sorted(t for v in split.values() for t in v) == sorted(set(items))
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert split_targets(shuffled, everyone) == split


def test_split_sends_targets_to_teams_covering_their_domain():
    items = [Target.of("TRANSPORT", f"coach-{i}", "TOURIST_COACH") for i in range(3)]
    items += [Target.of("CULTURE", "cafe", "INTERNET_CAFE")]
    split = split_targets(items, {"A": ["CULTURE_MARKET"], "B": ["ROAD_TRANSPORT"]})
    assert [t.entity_id for t in split["A"]] == ["cafe"]
    assert len(split["B"]) == 3


def test_targets_from_draw_and_domains():
    drawn = targets_from_draw([{"agency": "CULTURE", "entity_id": "e1", "category": "TRAVEL_AGENCY"},
                               {"agency": "TRANSPORT", "entity_id": "e2", "category": "NEW_THING"},
                               {"agency": "CULTURE", "entity_id": "e3", "domain": "RADIO_TV"}])
    assert [t.domain for t in drawn] == ["TOURISM", "ROAD_TRANSPORT", "RADIO_TV"]
    with pytest.raises(DomainError):
        targets_from_draw([{"agency": "POLICE", "entity_id": "e4"}])


def test_add_targets_makes_tasks_for_team_officers():
    items = [Target.of("CULTURE", "cafe", "INTERNET_CAFE"),
             Target.of("TRANSPORT", "coach", "TOURIST_COACH")]
    op, events = add_targets(staffed(), items + items[:1])  # a repeat is skipped
    assert events == [] and [(t.task_id, t.team, t.officer_ids) for t in op.tasks] == [
        ("op1-T1", "A", ["c1", "c2"]), ("op1-T2", "B", ["t1", "t2"])]
    op, _ = add_targets(op, items)
    assert len(op.tasks) == 2


def test_add_targets_refusals():
    culture = planned(agencies=("CULTURE",))
    coach = Target.of("TRANSPORT", "coach", "TOURIST_COACH")
    with pytest.raises(DomainError) as err:
        add_targets(culture, [coach])
    assert err.value.code == "AGENCY_NOT_PARTICIPATING"
    with pytest.raises(DomainError) as err:
        add_targets(planned(), [coach])
    assert err.value.code == "INVALID_INPUT"  # no teams to split between
    with pytest.raises(DomainError) as err:
        add_targets(staffed(), [coach], team="Z")
    assert err.value.code == "NOT_FOUND"
