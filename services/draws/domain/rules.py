"""The published rule set of a draw.

Rates are decimals (stored as strings such as "0.01") and turned into exact fractions,
so the stratum counts do not depend on floating-point rounding.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cached_property
from typing import Mapping

from services.common.errors import InvalidInput
from services.draws.domain.canonical import canonical_json, digest


def _rate(value, where: str) -> Decimal:
    try:
        rate = Decimal(str(value))
    except InvalidOperation:
        raise InvalidInput(f"{where}: rate {value!r} is not a number", [where]) from None
    if not (0 <= rate <= 1):
        raise InvalidInput(f"{where}: rate {value} must be between 0 and 1", [where])
    return rate


def _text(rate: Decimal) -> str:
    return format(rate.normalize(), "f")


@dataclass(frozen=True, eq=False)
class RuleSet:
    tier_rates: Mapping[str, Decimal]
    category_rates: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    flagged_rate: Decimal = Decimal(1)
    min_inspectors: int = 2
    max_checks_per_inspector: int | None = None
    joint: bool = False  # joint operation: mixed agencies, >= 1 of the entity's own

    @classmethod
    def build(cls, tier_rates, category_rates=None, flagged_rate=1, min_inspectors=2,
              max_checks_per_inspector=None, joint=False) -> "RuleSet":
        tiers = {str(t): _rate(r, f"tier_rates.{t}") for t, r in tier_rates.items()}
        cats = {str(c): {str(t): _rate(r, f"category_rates.{c}.{t}") for t, r in o.items()}
                for c, o in (category_rates or {}).items()}
        if int(min_inspectors) < 1:
            raise InvalidInput("min_inspectors must be >= 1", ["min_inspectors"])
        cap = None if max_checks_per_inspector is None else int(max_checks_per_inspector)
        if cap is not None and cap < 1:
            raise InvalidInput("max_checks_per_inspector must be >= 1")
        return cls(tiers, cats, _rate(flagged_rate, "flagged_rate"), int(min_inspectors),
                   cap, bool(joint))

    def to_dict(self) -> dict:
        return {"tier_rates": {t: _text(r) for t, r in sorted(self.tier_rates.items())},
                "category_rates": {c: {t: _text(r) for t, r in sorted(o.items())}
                                   for c, o in sorted(self.category_rates.items())},
                "flagged_rate": _text(self.flagged_rate),
                "min_inspectors": self.min_inspectors,
                "max_checks_per_inspector": self.max_checks_per_inspector,
                "joint": self.joint}

    @classmethod
    def from_dict(cls, data: dict) -> "RuleSet":
        return cls.build(data["tier_rates"], data.get("category_rates"),
                         data.get("flagged_rate", 1), data.get("min_inspectors", 2),
                         data.get("max_checks_per_inspector"), data.get("joint", False))

    @cached_property
    def content_hash(self) -> str:
        return digest(b"jointops.rules.v1", canonical_json(self.to_dict()))

    def rate(self, category: str, tier: str, flagged: bool) -> Fraction:
        if flagged:
            return Fraction(self.flagged_rate)
        override = self.category_rates.get(category, {})
        if tier in override:
            return Fraction(override[tier])
        if tier not in self.tier_rates:
            raise InvalidInput(f"no sampling rate for risk tier {tier!r}", ["tier_rates"])
        return Fraction(self.tier_rates[tier])
