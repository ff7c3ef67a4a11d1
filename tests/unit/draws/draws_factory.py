"""Builders of small synthetic directories, rosters and rule sets for draw tests.

A uniquely named module (not conftest) so other contexts' test helpers cannot clash.
"""
from __future__ import annotations

from services.draws.domain import DirectorySnapshot, RosterSnapshot, RuleSet

AGENCIES = ("culture", "transport")
CATEGORIES = ("internet_cafe", "performance", "tourist_coach")
TIERS = ("LOW", "MEDIUM", "HIGH")


def make_directory(n: int, agencies=AGENCIES, flag_every: int = 40) -> DirectorySnapshot:
    ids = [f"E{i:05d}" for i in range(n)]
    return DirectorySnapshot.from_columns(
        ids, [agencies[i % len(agencies)] for i in range(n)],
        [CATEGORIES[(i // 2) % len(CATEGORIES)] for i in range(n)],
        [TIERS[(i // 7) % len(TIERS)] for i in range(n)],
        [flag_every > 0 and i % flag_every == 0 for i in range(n)])


def make_roster(n: int, agencies=AGENCIES, recusals=()) -> RosterSnapshot:
    return RosterSnapshot.build([f"I{i:03d}" for i in range(n)],
                                [agencies[i % len(agencies)] for i in range(n)], recusals)


def make_rules(**kw) -> RuleSet:
    args = {"tier_rates": {"LOW": "0.05", "MEDIUM": "0.1", "HIGH": "0.3"},
            "category_rates": {"internet_cafe": {"HIGH": "0.5"}}}
    args.update(kw)
    return RuleSet.build(**args)


def small():
    """(directory, roster, rules): 400 entities, 30 inspectors, some recusals."""
    recusals = [("I000", "E00000", "conflict"), ("I003", "E00010", "last_inspected")]
    return make_directory(400), make_roster(30, recusals=recusals), make_rules()
