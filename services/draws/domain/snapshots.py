"""Columnar snapshots of the entity directory and the inspector roster.

Columnar (a sorted id list plus small-vocabulary code arrays) so that hashing and
sampling 1M entities stay vectorised. Ids are sorted and unique: that is the canonical
row order, and it lets recusal pairs be resolved by binary search.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

import numpy as np

from services.common.errors import InvalidInput
from services.draws.domain.canonical import (
    check_sorted_unique, code_bytes, digest, encode_column, join_strings, normalise_codes)

RECUSAL_REASONS = ("conflict", "last_inspected")


@dataclass(frozen=True, eq=False)
class DirectorySnapshot:
    entity_ids: tuple[str, ...]
    agencies: tuple[str, ...]
    agency_code: np.ndarray
    categories: tuple[str, ...]
    category_code: np.ndarray
    tiers: tuple[str, ...]
    tier_code: np.ndarray
    flagged: np.ndarray  # bool: FLAGGED entities are drawn at the flagged rate

    @classmethod
    def from_codes(cls, entity_ids, agencies, agency_code, categories, category_code,
                   tiers, tier_code, flagged) -> "DirectorySnapshot":
        ids = tuple(entity_ids)
        check_sorted_unique(ids, "entity ids")
        n = len(ids)
        cols = [normalise_codes(agencies, agency_code, "agency"),
                normalise_codes(categories, category_code, "category"),
                normalise_codes(tiers, tier_code, "tier")]
        flag = np.asarray(flagged, dtype=bool).reshape(-1)
        if any(len(c) != n for _, c in cols) or len(flag) != n:
            raise InvalidInput("directory columns must all have one value per entity")
        (av, ac), (cv, cc), (tv, tc) = cols
        return cls(ids, av, ac, cv, cc, tv, tc, flag)

    @classmethod
    def from_columns(cls, entity_id: Sequence[str], agency, category, tier, flagged):
        """Plain string columns in any row order (sorted here)."""
        order = sorted(range(len(entity_id)), key=entity_id.__getitem__)
        pick = lambda col: [col[i] for i in order]  # noqa: E731
        encoded = [encode_column(pick(c)) for c in (agency, category, tier)]
        return cls.from_codes([entity_id[i] for i in order], *encoded[0], *encoded[1],
                              *encoded[2], np.asarray(pick(flagged), dtype=bool))

    def __len__(self) -> int:
        return len(self.entity_ids)

    @cached_property
    def content_hash(self) -> str:
        return digest(b"jointops.directory.v1", join_strings(self.entity_ids, "entity ids"),
                      join_strings(self.agencies, "agencies"), code_bytes(self.agency_code),
                      join_strings(self.categories, "categories"), code_bytes(self.category_code),
                      join_strings(self.tiers, "tiers"), code_bytes(self.tier_code),
                      self.flagged.astype(np.uint8).tobytes())

    def to_dict(self) -> dict:
        return {"entity_id": list(self.entity_ids),
                "agency": [self.agencies[c] for c in self.agency_code.tolist()],
                "category": [self.categories[c] for c in self.category_code.tolist()],
                "tier": [self.tiers[c] for c in self.tier_code.tolist()],
                "flagged": self.flagged.tolist()}

    @classmethod
    def from_dict(cls, data: dict) -> "DirectorySnapshot":
        return cls.from_columns(data["entity_id"], data["agency"], data["category"],
                                data["tier"], data["flagged"])


@dataclass(frozen=True, eq=False)
class RosterSnapshot:
    """Officers qualified for the domain on the inspection date, plus recusal data.

    Recusals (declared conflicts and last-time inspections) are part of the roster hash
    because they change the draw.
    """
    inspector_ids: tuple[str, ...]
    agencies: tuple[str, ...]
    agency_code: np.ndarray
    recusals: tuple[tuple[str, str, str], ...] = ()  # (inspector_id, entity_id, reason)

    @classmethod
    def build(cls, inspector_ids: Sequence[str], agency: Sequence[str],
              recusals=()) -> "RosterSnapshot":
        order = sorted(range(len(inspector_ids)), key=inspector_ids.__getitem__)
        ids = tuple(inspector_ids[i] for i in order)
        check_sorted_unique(ids, "inspector ids")
        if len(agency) != len(ids):
            raise InvalidInput("roster needs one agency per inspector")
        vocab, codes = encode_column([agency[i] for i in order])
        recs = tuple(sorted({(str(i), str(e), str(r)) for i, e, r in recusals}))
        if any("\t" in i or "\t" in e for i, e, _ in recs):
            raise InvalidInput("recusal ids must not contain a tab")
        if any(r not in RECUSAL_REASONS for _, _, r in recs):
            raise InvalidInput(f"recusal reason must be one of {RECUSAL_REASONS}")
        return cls(ids, vocab, codes, recs)

    def __len__(self) -> int:
        return len(self.inspector_ids)

    @cached_property
    def content_hash(self) -> str:
        rec_lines = ["\t".join(r) for r in self.recusals]
        return digest(b"jointops.roster.v1", join_strings(self.inspector_ids, "inspector ids"),
                      join_strings(self.agencies, "agencies"), code_bytes(self.agency_code),
                      join_strings(rec_lines, "recusals"))

    def to_dict(self) -> dict:
        return {"inspector_id": list(self.inspector_ids),
                "agency": [self.agencies[c] for c in self.agency_code.tolist()],
                "recusals": [list(r) for r in self.recusals]}

    @classmethod
    def from_dict(cls, data: dict) -> "RosterSnapshot":
        return cls.build(data["inspector_id"], data["agency"], data.get("recusals", ()))
