"""Fix-up pass: remove recusal conflicts and repeated inspectors from an assignment.

A bad slot is fixed by a move that keeps the rules: replace its inspector by one of the
same pool with a strictly lower load (load balance and cap can only improve), or swap it
with another slot of the same class (loads unchanged); as a last resort any inspector
under the cap. Moves are tried vectorised with random partners for a few rounds
(conflicts are sparse), then exhaustively one by one. Partners come from the draw's own
stream, so the repair is as reproducible as the rest of the draw.
"""
from __future__ import annotations

import numpy as np

from services.draws.domain.feasibility import infeasible
from services.draws.domain.prng import Stream

ROUNDS = 30  # vectorised rounds before the one-by-one search
CANDIDATES = 8  # random partners tried per bad slot and round


def isin_sorted(values: np.ndarray, sorted_ref: np.ndarray) -> np.ndarray:
    if not sorted_ref.size:
        return np.zeros(values.shape, dtype=bool)
    idx = np.minimum(np.searchsorted(sorted_ref, values), sorted_ref.size - 1)
    return sorted_ref[idx] == values


class Repair:
    def __init__(self, mat, cls, pools: list[np.ndarray], rec_keys, n_insp, cap, stream: Stream):
        self.rows, self.m = mat.shape
        self.flat, self.cls = mat.reshape(-1).copy(), cls.reshape(-1)
        self.row = np.repeat(np.arange(self.rows, dtype=np.int64), self.m)
        self.n, self.rec, self.stream = n_insp, rec_keys, stream
        self.pools, self.cap = pools, cap
        self.pool_len = np.array([len(p) for p in pools], dtype=np.int64)
        self.pool_start = np.concatenate(([0], np.cumsum(self.pool_len)[:-1]))
        self.pool_flat = np.concatenate(pools) if pools else np.zeros(0, np.int64)
        self.slot_order = np.argsort(self.cls, kind="stable")
        self.cls_len = np.bincount(self.cls, minlength=len(pools))
        self.cls_start = np.concatenate(([0], np.cumsum(self.cls_len)[:-1]))

    def bad_slots(self) -> np.ndarray:
        keys = self.row * self.n + self.flat
        order = np.argsort(keys, kind="stable")
        dup = np.zeros(keys.size, dtype=bool)
        dup[order[1:]] = keys[order[1:]] == keys[order[:-1]]  # later copy of a repeat
        return np.flatnonzero(dup | isin_sorted(keys, self.rec))

    def taken(self, rows, insp, keys_sorted) -> np.ndarray:
        k = rows * self.n + insp
        return isin_sorted(k, keys_sorted) | isin_sorted(k, self.rec)

    def run(self, entity_ids) -> np.ndarray:
        for _ in range(ROUNDS):
            bad = self.bad_slots()
            if not bad.size:
                return self.flat.reshape(self.rows, self.m)
            self.round(bad)
        while (bad := self.bad_slots()).size:
            if not self.fix_one(int(bad[0])):
                row = int(self.row[bad[0]])
                raise infeasible([f"entity {entity_ids[row]}: no inspector can fill a slot"
                                  " without breaking recusal, distinct-inspector or cap rules"])
        return self.flat.reshape(self.rows, self.m)

    def round(self, bad: np.ndarray) -> None:
        flat, row, k = self.flat, self.row, CANDIDATES
        keys_sorted = np.sort(row * self.n + flat)
        load = np.bincount(flat, minlength=self.n)
        c, r, x = (np.repeat(a[bad], k) for a in (self.cls, row, flat))
        y = self.pool_flat[self.pool_start[c] + self.stream.below(self.pool_len[c])]
        q = self.slot_order[self.cls_start[c] + self.stream.below(self.cls_len[c])]
        rq, xq = row[q], flat[q]
        rep = ((load[y] < load[x]) & ~self.taken(r, y, keys_sorted)).reshape(-1, k)
        swap = ((rq != r) & ~self.taken(r, xq, keys_sorted)
                & ~self.taken(rq, x, keys_sorted)).reshape(-1, k)
        use_rep = rep.any(axis=1)  # prefer a replacement: it also evens loads out
        act = np.flatnonzero(use_rep | swap.any(axis=1))
        cand = act * k + np.where(use_rep, rep.argmax(axis=1), swap.argmax(axis=1))[act]
        is_rep = use_rep[act]
        # Moves of one round must not touch the same entity twice, and no inspector may
        # be in two replacements (loads were read at the start of the round). Swaps load
        # nobody: they get distinct negative placeholders instead of inspector ids.
        rows = np.concatenate((r[cand], np.where(is_rep, -1, rq[cand])))
        free = -2 - np.arange(2 * len(act))
        insp = np.where(np.tile(is_rep, 2), np.concatenate((x[cand], y[cand])), free)
        ok = _once(rows, len(act)) & _once(insp, len(act))
        cand, is_rep, slots = cand[ok], is_rep[ok], bad[act[ok]]
        flat[slots[is_rep]] = y[cand[is_rep]]
        sw, q_sw = slots[~is_rep], q[cand[~is_rep]]
        flat[sw], flat[q_sw] = xq[cand[~is_rep]], x[cand[~is_rep]]

    def fix_one(self, slot: int) -> bool:
        flat, row, n = self.flat, self.row, self.n
        keys = set((row * n + flat).tolist())
        rec = set(self.rec.tolist())
        load = np.bincount(flat, minlength=n)
        c, r, x = int(self.cls[slot]), int(row[slot]), int(flat[slot])
        free = lambda rr, ii: rr * n + ii not in keys and rr * n + ii not in rec  # noqa: E731
        pool = self.pools[c]
        start = int(self.stream.below([max(len(pool), 1)])[0])
        for y in np.roll(pool, -start).tolist():
            if load[y] < load[x] and free(r, y):
                flat[slot] = y
                return True
        slots = self.slot_order[self.cls_start[c]: self.cls_start[c] + self.cls_len[c]]
        for q in np.roll(slots, -start).tolist():
            rq, xq = int(row[q]), int(flat[q])
            if rq != r and free(r, xq) and free(rq, x):
                flat[slot], flat[q] = xq, x
                return True
        # Last resort: any inspector under the cap (balance gives way to feasibility).
        cap = self.cap if self.cap is not None else np.iinfo(np.int64).max
        for y in np.roll(pool, -start).tolist():
            if y != x and load[y] < cap and free(r, y):
                flat[slot] = y
                return True
        return False


def _once(ids: np.ndarray, n_act: int) -> np.ndarray:
    """Per action (ids at i and n_act + i), whether its ids are unique; -1 means none."""
    _, inverse, counts = np.unique(ids, return_inverse=True, return_counts=True)
    single = (counts[inverse] == 1) | (ids == -1)
    return single[:n_act] & single[n_act:]
