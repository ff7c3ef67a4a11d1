"""Entity sampling: exact-count stratified sampling per (category, tier, flagged).

A stratum of n entities at rate r draws floor(n*r) entities plus one more with
probability frac(n*r) (one uniform per stratum, compared exactly), then takes the k
entities with the smallest random keys. Every entity is thus included with probability
exactly r, and the counts stay within one of n*r.
"""
from __future__ import annotations

import math

import numpy as np

from services.common.errors import InvalidInput
from services.draws.domain.prng import Stream
from services.draws.domain.rules import RuleSet
from services.draws.domain.snapshots import DirectorySnapshot

_KEY_BITS = np.uint64(48)  # random bits under the stratum id in the combined sort key


def stratum_codes(directory: DirectorySnapshot) -> tuple[np.ndarray, int]:
    nt = len(directory.tiers)
    code = (directory.category_code.astype(np.int64) * nt + directory.tier_code) * 2
    return code + directory.flagged, len(directory.categories) * nt * 2


def stratum_quotas(directory: DirectorySnapshot, rules: RuleSet, counts: np.ndarray,
                   stream: Stream) -> np.ndarray:
    u = stream.uniform53(len(counts)).tolist()  # one per stratum, used or not: fixed stream
    quotas = np.zeros(len(counts), dtype=np.int64)
    nt = len(directory.tiers)
    for s, n in enumerate(counts.tolist()):
        if not n:
            continue
        cat, rest = divmod(s, nt * 2)
        tier, flagged = divmod(rest, 2)
        expected = n * rules.rate(directory.categories[cat], directory.tiers[tier], bool(flagged))
        whole = math.floor(expected)
        quotas[s] = whole + (u[s] < (expected - whole) * 2 ** 53)
    return quotas


def select_entities(directory: DirectorySnapshot, rules: RuleSet, key: bytes) -> np.ndarray:
    """Sorted directory indices of the drawn entities."""
    n = len(directory)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    strata, n_strata = stratum_codes(directory)
    if n_strata >= 1 << 16:  # the stratum id must fit above the 48 random bits
        raise InvalidInput("too many (category, tier) strata")
    counts = np.bincount(strata, minlength=n_strata)
    quotas = stratum_quotas(directory, rules, counts, Stream(key, "entity-quotas"))
    # One stable sort groups entities by stratum, randomly ordered inside each stratum.
    sort_key = (strata.astype(np.uint64) << _KEY_BITS) | (
        Stream(key, "entity-keys").raw(n) >> (np.uint64(64) - _KEY_BITS))
    order = np.argsort(sort_key, kind="stable")
    del sort_key
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    in_order = strata[order]
    rank = np.arange(n, dtype=np.int64) - starts[in_order]
    return np.sort(order[rank < quotas[in_order]])
