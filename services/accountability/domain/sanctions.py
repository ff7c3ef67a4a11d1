"""Graded sanctions and the two steps that lift one (training done, back on post)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable, Mapping

from services.common.clock import parse_instant
from services.contracts.vocabulary import SANCTION_MEASURES
from services.accountability.domain import codec
from services.accountability.domain.findings import Finding
from services.accountability.domain.grading import check_departure
from services.common.errors import DomainError, InvalidInput, NotFound

# Graded from lightest to heaviest, as the report lists them.
MEASURES = SANCTION_MEASURES
# Measures that are lifted by a later step here; revocation is undone only by
# re-certification (certification's business), criticism needs no lifting.
LIFTED_BY = {"OFF_POST_TRAINING": "accountability.training_completed.v1",
             "REMOVAL_FROM_POST": "accountability.reinstated_to_post.v1"}
SANCTION_IMPOSED = "accountability.sanction_imposed.v1"
# Config knob: how far in the past `effective_at` may lie (clock skew between the
# deciding client and us). More would re-answer past-moment qualification audits, i.e.
# make actions the officer was allowed to take at the time unlawful after the fact.
BACKDATE_TOLERANCE = dt.timedelta(minutes=5)


@dataclasses.dataclass(frozen=True)
class Sanction:
    sanction_id: str
    finding_id: str
    officer_id: str
    measure: str
    effective_at: dt.datetime
    imposed_at: dt.datetime
    lifted_at: dt.datetime | None = None
    imposed_by: dict | None = None  # Actors (services.common.actor)
    lifted_by: dict | None = None
    proposed_measure: str | None = None  # what the finding's grading proposed, if graded
    departure_reason: str | None = None  # why another measure (or the reason given)

    def active_at(self, at: dt.datetime) -> bool:
        return self.effective_at <= at and (self.lifted_at is None or at < self.lifted_at)

    def to_dict(self) -> dict:
        return codec.dump(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Sanction":
        return codec.load(cls, data)


def impose_sanction(sanction_id: str, finding_id: str, measure: str,
                    findings: Mapping[str, Finding], now: dt.datetime,
                    effective_at: dt.datetime | None = None,
                    existing: Iterable[Sanction] = (), reason=None) -> tuple[Sanction, list]:
    """Impose `measure` for a finding; the officer is the finding's officer.
    `existing`: sanctions already imposed for the finding. Raises INVALID_INPUT (measure,
    backdated), NOT_FOUND (finding), SANCTION_ALREADY_IMPOSED, SANCTION_REASON_REQUIRED
    (a measure other than the one the finding's grading proposes, without a written
    reason). Returns (sanction, events)."""
    if measure not in MEASURES:
        raise InvalidInput(f"measure must be one of {', '.join(MEASURES)}", ["input", "measure"])
    finding = findings.get(finding_id)
    if finding is None:
        raise NotFound("finding", finding_id, ["input", "findingId"])
    now = parse_instant(now)
    effective = parse_instant(effective_at) if effective_at is not None else now
    if effective < now - BACKDATE_TOLERANCE:
        raise InvalidInput("a sanction cannot take effect in the past", ["input", "effectiveAt"])
    # One decision per finding and measure: a resubmitted form must not count twice.
    if any(s.finding_id == finding_id and s.measure == measure for s in existing):
        raise DomainError("SANCTION_ALREADY_IMPOSED", f"{measure} was already imposed for "
                          f"finding {finding_id}", ["input", "measure"])
    why = check_departure(finding.proposed_measure, measure, reason)
    sanction = Sanction(sanction_id, finding_id, finding.officer_id, measure, effective, now,
                        proposed_measure=finding.proposed_measure, departure_reason=why)
    payload = {k: v for k, v in sanction.to_dict().items()
               if k in ("sanction_id", "finding_id", "officer_id", "measure", "effective_at")}
    return sanction, [(SANCTION_IMPOSED, payload)]


def _lift(sanctions: Iterable[Sanction], officer_id: str, measure: str, now: dt.datetime,
          time_field: str) -> tuple[list[Sanction], list]:
    now = parse_instant(now)
    active = [s for s in sanctions
              if s.officer_id == officer_id and s.measure == measure and s.active_at(now)]
    if not active:
        raise DomainError("INVALID_TRANSITION",
                          f"officer {officer_id} has no active {measure} sanction",
                          ["input", "officerId"])
    # All active ones are lifted: qualification comes back only when nothing holds it.
    lifted = [dataclasses.replace(s, lifted_at=now) for s in active]
    # One event naming the oldest: certification keeps "in training" / "removed" as one
    # flag per officer, so a second event for the same step would be refused there.
    first = min(lifted, key=lambda s: (s.effective_at, s.sanction_id))
    return lifted, [(LIFTED_BY[measure], {"sanction_id": first.sanction_id,
                                          "officer_id": officer_id, time_field: now.isoformat()})]


def complete_training(sanctions: Iterable[Sanction], officer_id: str,
                      now: dt.datetime) -> tuple[list[Sanction], list]:
    """Off-post training done. Raises INVALID_TRANSITION if none is active.
    Returns (the lifted sanctions, events)."""
    return _lift(sanctions, officer_id, "OFF_POST_TRAINING", now, "completed_at")


def reinstate_to_post(sanctions: Iterable[Sanction], officer_id: str,
                      now: dt.datetime) -> tuple[list[Sanction], list]:
    """Back on the enforcement post. Raises INVALID_TRANSITION if no removal is active."""
    return _lift(sanctions, officer_id, "REMOVAL_FROM_POST", now, "reinstated_at")


def officer_standing(sanctions: Iterable[Sanction], officer_id: str, at: dt.datetime) -> dict:
    """What the sanctions mean for the qualification check at `at`: the active measures
    (QualificationReason names OFF_POST_TRAINING / REMOVED_FROM_POST) and revocation."""
    at = parse_instant(at)
    active = {s.measure for s in sanctions if s.officer_id == officer_id and s.active_at(at)}
    reasons = [r for m, r in (("OFF_POST_TRAINING", "OFF_POST_TRAINING"),
                              ("REMOVAL_FROM_POST", "REMOVED_FROM_POST"),
                              ("QUALIFICATION_REVOKED", "CERTIFICATE_REVOKED")) if m in active]
    return {"officer_id": officer_id, "active_measures": sorted(active), "reasons": reasons}
