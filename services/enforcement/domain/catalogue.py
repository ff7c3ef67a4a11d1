"""What differs per agency is data: entity kinds, violations, discretion, deadlines.

The case core only ever reads an `AgencyCatalogue`; culture and transport each build one
in their own `catalogue.py`.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Mapping

from services.contracts.vocabulary import CASE_KINDS, CIRCUMSTANCES, REVIEW_STAGES  # noqa: F401
from services.common.errors import DomainError

AGENCIES = ("CULTURE", "TRANSPORT")
# Mitigated (减轻) goes below the statutory minimum, lighter (从轻) stays in its low end.
# 立案、调查终结、处罚决定、结案: the stages at which legal-affairs staff review a case
FILING, INVESTIGATION_END, DECISION, CLOSING = REVIEW_STAGES
# 普通程序 penalty cases, and 简易程序 on-the-spot ones (no stage reviews by default)
DEFAULT_REVIEW_STAGES = {"PENALTY": REVIEW_STAGES, "SUMMARY": ()}


def discretion(mitigated, lighter, standard, heavier) -> dict[str, tuple[int, int]]:
    """A discretion row: (min, max) fine in yuan for each circumstance."""
    return dict(zip(CIRCUMSTANCES, (mitigated, lighter, standard, heavier)))


@dataclass(frozen=True)
class EntityKind:
    code: str
    domain: str
    natural_person: bool = False       # drivers: name and ID are always personal data
    required: tuple[str, ...] = ()     # attribute columns a CSV row must fill


@dataclass(frozen=True)
class Violation:
    code: str
    title: str
    domain: str
    legal_basis: str
    ranges: dict[str, tuple[int, int]]  # circumstance -> (min, max) fine in yuan, inclusive


@dataclass(frozen=True)
class AgencyCatalogue:
    agency: str
    domains: tuple[str, ...]
    kinds: dict[str, EntityKind]
    violations: dict[str, Violation]
    # A fine above these (yuan) makes a case major: legal review + justice bureau filing.
    major_fine_person: int = 10_000
    major_fine_organisation: int = 50_000
    decision_days: int = 90            # calendar days from filing (APL art. 60)
    publication_workdays: int = 7      # working days from the decision
    publish_outcomes: frozenset[str] = field(default_factory=lambda: frozenset({"PENALTY"}))
    name: str = ""                     # the agency as a body (Chinese)
    lists: tuple = ()                  # the four lists: lists.ListEntry rows
    # case kind -> stages needing an approved legal review (a major case always needs
    # one at DECISION, whatever is configured here)
    review_stages: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_REVIEW_STAGES))
    # an earlier penalty (or waiver) for the same violation within this many days
    # (its decision day + N is the last day it counts) refuses a first-violation waiver
    first_violation_days: int = 365
    # violation code -> (title, legal basis) in Chinese, for the documents a party receives
    violations_zh: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    def kind(self, code: str) -> EntityKind:
        if code not in self.kinds:
            raise DomainError("UNKNOWN_CATEGORY",
                              f"{code!r} is not a {self.agency} entity category", ["category"])
        return self.kinds[code]

    def domain_of(self, category: str) -> str:
        return self.kind(category).domain

    def violation(self, code: str) -> Violation:
        if code not in self.violations:
            raise DomainError("UNKNOWN_VIOLATION",
                              f"{code!r} is not in the {self.agency} violation catalogue",
                              ["violationCode"])
        return self.violations[code]

    def stages_for(self, kind: str) -> tuple[str, ...]:
        return tuple(self.review_stages.get(kind, ()))

    def major_fine_threshold(self, natural_person: bool) -> int:
        return self.major_fine_person if natural_person else self.major_fine_organisation


_MODULES = {"CULTURE": "services.culture.catalogue", "TRANSPORT": "services.transport.catalogue"}


def catalogue_for(agency: str) -> AgencyCatalogue:
    """The agency's catalogue (imported lazily: the core must not depend on a context)."""
    if agency not in _MODULES:
        raise DomainError("UNKNOWN_AGENCY", f"unknown agency {agency!r}", ["agency"])
    return importlib.import_module(_MODULES[agency]).CATALOGUE
