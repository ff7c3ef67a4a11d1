"""Recusal, minimum-inspector, own-agency and cap rules hold over many random cases."""
from collections import Counter

import numpy as np
from hypothesis import given, settings, strategies as st

from services.common.errors import DomainError
from services.draws.domain import DirectorySnapshot, RosterSnapshot, RuleSet, run_draw


@st.composite
def cases(draw):
    n_ent = draw(st.integers(1, 120))
    n_insp = draw(st.integers(1, 25))
    agencies = draw(st.sampled_from([("culture",), ("culture", "transport")]))
    ent_ag = draw(st.lists(st.sampled_from(agencies), min_size=n_ent, max_size=n_ent))
    insp_ag = draw(st.lists(st.sampled_from(agencies), min_size=n_insp, max_size=n_insp))
    tiers = draw(st.lists(st.sampled_from(["LOW", "HIGH"]), min_size=n_ent, max_size=n_ent))
    pairs = draw(st.lists(st.tuples(st.integers(0, n_insp - 1), st.integers(0, n_ent - 1),
                                    st.sampled_from(["conflict", "last_inspected"])),
                          max_size=3 * n_ent))
    ids = [f"E{i:03d}" for i in range(n_ent)]
    insp_ids = [f"I{i:02d}" for i in range(n_insp)]
    directory = DirectorySnapshot.from_columns(ids, ent_ag, ["cafe"] * n_ent, tiers,
                                               [False] * n_ent)
    roster = RosterSnapshot.build(insp_ids, insp_ag,
                                  [(insp_ids[i], ids[e], r) for i, e, r in pairs])
    rules = RuleSet.build({"LOW": draw(st.sampled_from(["0.1", "0.5"])), "HIGH": "1"},
                          min_inspectors=draw(st.integers(1, 3)),
                          max_checks_per_inspector=draw(st.sampled_from([None, 3, 8, 30])),
                          joint=draw(st.booleans()))
    return directory, roster, rules, draw(st.text(min_size=1, max_size=8))


@settings(max_examples=250, deadline=None)
@given(cases())
def test_rules_hold_or_the_draw_is_refused(case):
    directory, roster, rules, seed = case
    try:
        draw = run_draw(directory, roster, rules, seed)
    except DomainError as exc:
        assert exc.code == "DRAW_INFEASIBLE" and exc.message
        return
    recused = {(i, e) for i, e, _ in roster.recusals}
    agency_of = dict(zip(roster.inspector_ids, roster.to_dict()["agency"]))
    ent_agency = dict(zip(directory.entity_ids, directory.to_dict()["agency"]))
    load = Counter()
    for entity, inspectors in draw.assignments:
        assert len(set(inspectors)) == len(inspectors) == rules.min_inspectors
        assert not any((i, entity) in recused for i in inspectors)
        own = [i for i in inspectors if agency_of[i] == ent_agency[entity]]
        assert len(own) >= (1 if rules.joint else rules.min_inspectors)
        load.update(inspectors)
    if rules.max_checks_per_inspector and load:
        assert max(load.values()) <= rules.max_checks_per_inspector


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6))
def test_loads_are_even_without_recusals(seed):
    ids = [f"E{i:04d}" for i in range(300)]
    directory = DirectorySnapshot.from_columns(ids, ["culture"] * 300, ["cafe"] * 300,
                                               ["HIGH"] * 300, [False] * 300)
    roster = RosterSnapshot.build([f"I{i:02d}" for i in range(37)], ["culture"] * 37)
    for joint in (False, True):
        rules = RuleSet.build({"HIGH": "0.2"}, min_inspectors=2, joint=joint)
        draw = run_draw(directory, roster, rules, str(seed))
        load = Counter(i for _, insp in draw.assignments for i in insp)
        counts = np.array([load[i] for i in roster.inspector_ids])
        assert counts.max() - counts.min() <= 1
