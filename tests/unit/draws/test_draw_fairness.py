"""Statistical fairness over a fixed set of seeds (deterministic, p > 0.001)."""
import numpy as np
from scipy import stats

from draws_factory import make_directory, make_roster, make_rules
from services.draws.domain import DirectorySnapshot, RosterSnapshot, RuleSet, run_draw
from services.draws.domain.prng import draw_key
from services.draws.domain.sampling import select_entities

SEEDS = [f"fairness-{i}" for i in range(1500)]


def test_each_entity_is_drawn_at_its_rate():
    directory = make_directory(420)  # strata sizes give non-integer n * rate
    rules = make_rules(tier_rates={"LOW": "0.07", "MEDIUM": "0.13", "HIGH": "0.3"},
                       flagged_rate="1")
    roster_hash = make_roster(4).content_hash
    hits = np.zeros(len(directory))
    for seed in SEEDS:
        key = draw_key(seed, directory.content_hash, roster_hash, rules.content_hash)
        hits[select_entities(directory, rules, key)] += 1
    cols = directory.to_dict()
    rate = np.array([float(rules.rate(c, t, f)) for c, t, f in
                     zip(cols["category"], cols["tier"], cols["flagged"])])
    assert np.all(hits[rate == 1] == len(SEEDS))
    assert np.all(hits[rate == 0] == 0)
    part = (rate > 0) & (rate < 1)
    n, r = len(SEEDS), rate[part]
    # Binomial variance per entity; counts are slightly negatively correlated inside a
    # stratum, which only makes the test conservative.
    statistic = np.sum((hits[part] - n * r) ** 2 / (n * r * (1 - r)))
    assert stats.chi2.sf(statistic, df=int(part.sum())) > 0.001
    assert len(set(r.tolist())) >= 4  # tier rates and the category override are exercised


def _loads(rules, roster, directory, seeds):
    index = {i: k for k, i in enumerate(roster.inspector_ids)}
    totals = np.zeros(len(roster))
    for seed in seeds:
        draw = run_draw(directory, roster, rules, seed)
        for _, inspectors in draw.assignments:
            for i in inspectors:
                totals[index[i]] += 1
    return totals


def test_inspectors_share_checks_evenly():
    ids = [f"E{i:03d}" for i in range(50)]
    directory = DirectorySnapshot.from_columns(ids, ["culture"] * 50, ["cafe"] * 50,
                                               ["HIGH"] * 50, [False] * 50)
    roster = RosterSnapshot.build([f"I{i:02d}" for i in range(13)], ["culture"] * 13)
    for joint in (False, True):  # 15 entities x 2 = 30 checks over 13 inspectors
        rules = RuleSet.build({"HIGH": "0.3"}, joint=joint)
        totals = _loads(rules, roster, directory, SEEDS[:600])
        assert totals.sum() == 600 * 30
        assert stats.chisquare(totals).pvalue > 0.001
