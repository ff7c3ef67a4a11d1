"""Graded sanctions (按过错形式、危害大小、情节轻重): a finding's fault form, harm and
gravity propose a measure through a configurable table; imposing another one needs a
written reason (`departure_reason`), kept with the sanction.

The table is data: each grade has a weight, their sum is the finding's score, and the
heaviest measure whose threshold the score reaches is proposed. The defaults (weights
0/1 for negligence/intent, 0/1/2 for harm and gravity; thresholds 0, 2, 3, 5) give:
a negligent, harmless, minor slip -> criticism and education; a serious, intentional
wrong with serious harm -> qualification revoked.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from services.common.errors import DomainError, InvalidInput
from services.contracts.vocabulary import (FAULT_FORMS, GRAVITY_LEVELS, HARM_LEVELS,
                                           SANCTION_MEASURES)

GRADES = (("fault_form", "faultForm", FAULT_FORMS), ("harm", "harm", HARM_LEVELS),
          ("gravity", "gravity", GRAVITY_LEVELS))
MAX_REASON = 2000


@dataclass(frozen=True)
class GradingTable:
    """weights: grade value -> points; thresholds: measure -> the least score proposing it
    (lightest measure first, its threshold 0)."""
    weights: dict[str, dict[str, int]] = field(default_factory=lambda: {
        "fault_form": {"NEGLIGENCE": 0, "INTENT": 1},
        "harm": {"NONE": 0, "MINOR": 1, "SERIOUS": 2},
        "gravity": {"MINOR": 0, "ORDINARY": 1, "SERIOUS": 2}})
    thresholds: tuple[tuple[str, int], ...] = (
        ("CRITICISM_EDUCATION", 0), ("OFF_POST_TRAINING", 2), ("REMOVAL_FROM_POST", 3),
        ("QUALIFICATION_REVOKED", 5))

    def __post_init__(self):
        measures = [m for m, _ in self.thresholds]
        scores = [t for _, t in self.thresholds]
        if measures != [m for m in SANCTION_MEASURES if m in measures] or scores != sorted(
                scores) or not scores or scores[0] != 0:
            raise ValueError("thresholds: measures lightest first, scores rising from 0")

    def score(self, fault_form: str, harm: str, gravity: str) -> int:
        grades = {"fault_form": fault_form, "harm": harm, "gravity": gravity}
        return sum(self.weights[k][v] for k, v in grades.items())

    def propose(self, fault_form: str, harm: str, gravity: str) -> str:
        points = self.score(fault_form, harm, gravity)
        return [m for m, least in self.thresholds if points >= least][-1]


DEFAULT_TABLE = GradingTable()


def grades(data: dict) -> dict:
    """The finding's grades from a request: all three or none (INVALID_INPUT)."""
    given = {key: data.get(key) for key, _, _ in GRADES}
    if all(v is None for v in given.values()):
        return {}
    for key, name, allowed in GRADES:
        if given[key] not in allowed:
            raise InvalidInput(f"{name} must be one of {', '.join(allowed)} (grade a finding "
                               "by all three or none)", ["input", name])
    return given


def check_departure(proposed: str | None, measure: str, reason) -> str | None:
    """The written reason for imposing `measure` where the table proposed another one;
    refused with SANCTION_REASON_REQUIRED when it is missing. None when none is needed."""
    text = reason.strip() if isinstance(reason, str) else ""
    if proposed is not None and measure != proposed and not text:
        raise DomainError("SANCTION_REASON_REQUIRED",
                          f"the grading proposes {proposed}; imposing {measure} needs a "
                          "written reason (写明理由)", ["input", "reason"],
                          proposed=proposed, measure=measure)
    if len(text) > MAX_REASON:
        raise InvalidInput(f"the reason is longer than {MAX_REASON} characters",
                           ["input", "reason"])
    return text or None
