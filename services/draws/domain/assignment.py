"""First assignment of inspectors to drawn entities, balanced by construction.

Each pool (an agency's inspectors; for a joint operation also the all-agency pool) is
randomly permuted, every inspector gets floor or ceil of its share of the slots (who gets
the ceil is random), and the occurrences, grouped by inspector, are dealt column-wise
over the randomly ordered entities: an inspector with c <= n_entities slots lands on c
different entities. `repair` then fixes the few recusal conflicts and duplicates.
"""
from __future__ import annotations

import numpy as np

from services.draws.domain.prng import Stream


def balanced_counts(total: int, size: int) -> np.ndarray:
    base, rem = divmod(total, size)
    return base + (np.arange(size) < rem).astype(np.int64)


def water_fill(base: np.ndarray, total: int) -> np.ndarray:
    """Add `total` slots to loads `base` so that the maximum load is as low as possible.

    Ties go to the earliest in pool order, and the pool is randomly permuted.
    """
    fill = np.zeros(len(base), dtype=np.int64)
    if total == 0:
        return fill
    lo, hi = int(base.min()), int(base.max()) + -(-total // len(base))
    while lo < hi:  # smallest level whose room holds all slots
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if np.maximum(0, mid - base).sum() >= total else (mid + 1, hi)
    fill = np.maximum(0, lo - 1 - base)
    can_rise = np.flatnonzero(base + fill == lo - 1)
    fill[can_rise[: total - int(fill.sum())]] += 1
    return fill


def deal(pool: np.ndarray, counts: np.ndarray, n_rows: int, k: int) -> np.ndarray:
    return np.repeat(pool, counts).reshape(k, n_rows).T


def initial_assignment(ent_agency: np.ndarray, insp_agency: np.ndarray, n_agencies: int,
                       m: int, joint: bool, stream: Stream) -> tuple[np.ndarray, np.ndarray]:
    """(inspector matrix E x m, slot-class matrix E x m).

    Slot class a < n_agencies: the slot must hold an inspector of agency a; class
    n_agencies (joint operations only): any inspector.
    """
    n_rows = len(ent_agency)
    mat = np.zeros((n_rows, m), dtype=np.int64)
    cls = np.repeat(ent_agency[:, None], m, axis=1)
    rows_perm, insp_perm = stream.permutation(n_rows), stream.permutation(len(insp_agency))
    own_cols = 1 if joint else m
    load = np.zeros(len(insp_agency), dtype=np.int64)
    for agency in range(n_agencies):
        rows = rows_perm[ent_agency[rows_perm] == agency]
        pool = insp_perm[insp_agency[insp_perm] == agency]
        if rows.size:
            counts = balanced_counts(rows.size * own_cols, pool.size)
            mat[rows, :own_cols] = deal(pool, counts, rows.size, own_cols)
            load[pool] += counts
    if joint and m > 1:
        # Fresh orders, so the free slots are not aligned with the own-agency deal.
        rows_perm, insp_perm = stream.permutation(n_rows), stream.permutation(len(insp_agency))
        extra = water_fill(load[insp_perm], n_rows * (m - 1))
        mat[rows_perm, 1:] = deal(insp_perm, extra, n_rows, m - 1)
        cls[:, 1:] = n_agencies
    return mat, cls
