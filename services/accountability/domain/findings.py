"""Findings of illegal or improper enforcement against one officer."""
from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Iterable

from services.common.clock import parse_instant
from services.contracts.vocabulary import FINDING_SOURCES
from services.accountability.domain import codec
from services.accountability.domain.grading import DEFAULT_TABLE, GradingTable
from services.accountability.domain.text import plain_text
from services.common.actor import Actor
from services.common.errors import InvalidInput

SOURCES = FINDING_SOURCES
_NOT_IN_EVENT = ("recorded_by", "fault_form", "harm", "gravity", "proposed_measure",
                 "complaint_id")
FINDING_RECORDED = "accountability.finding_recorded.v1"
# Automatic findings get an id derived from their dedupe key, so a redelivered event
# yields the same id and a unique index catches a race the key check alone would miss.
_AUTO_NS = uuid.UUID("5d0f6f0e-8d7e-4c55-9d0e-6a1c2b3f4a51")


@dataclasses.dataclass(frozen=True)
class Finding:
    finding_id: str
    officer_id: str
    description: str
    source: str
    recorded_at: dt.datetime
    case_id: str | None = None
    inspection_id: str | None = None
    evidence: tuple[str, ...] = ()
    rule: str | None = None
    trigger_event_ids: tuple[str, ...] = ()
    dedupe_key: str | None = None
    recorded_by: dict | None = None  # the Actor (services.common.actor) who recorded it
    # graded (domain.grading): all three or none; the measure the table proposed then
    fault_form: str | None = None
    harm: str | None = None
    gravity: str | None = None
    proposed_measure: str | None = None
    complaint_id: str | None = None  # the complaint it was opened from (source COMPLAINT)

    def to_dict(self) -> dict:
        return codec.dump(self)

    def payload(self) -> dict:
        """The finding_recorded event (v1): the author travels in the envelope; the grades
        and the complaint are kept on the finding (the complaint's own event links it)."""
        return {k: v for k, v in self.to_dict().items() if k not in _NOT_IN_EVENT}

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        return codec.load(cls, data)


@dataclasses.dataclass(frozen=True)
class FindingDraft:
    """What an automatic rule proposes; `open_automatic_findings` turns it into a Finding."""
    officer_id: str
    description: str
    rule: str
    trigger_event_ids: tuple[str, ...]
    dedupe_key: str
    case_id: str | None = None
    inspection_id: str | None = None


def rule_actor(rule: str) -> dict:
    """An automatic finding is recorded by its rule, not by whoever caused the event."""
    return Actor.system(f"accountability.rule.{rule}").to_dict()


def dedupe_key(rule: str, event_id: str, officer_id: str) -> str:
    return f"{rule}:{event_id}:{officer_id}"


def record_finding(finding_id: str, officer_id: str, description: str, source: str,
                   now: dt.datetime, *, case_id: str | None = None,
                   inspection_id: str | None = None, evidence: Iterable[str] = (),
                   rule: str | None = None, trigger_event_ids: Iterable[str] = (),
                   dedupe: str | None = None, graded: dict | None = None,
                   complaint_id: str | None = None,
                   table: GradingTable = DEFAULT_TABLE) -> tuple[Finding, list]:
    """Record a finding; `graded` (grading.grades) proposes a measure by `table`.
    Raises INVALID_INPUT. Returns (finding, events)."""
    if not officer_id:
        raise InvalidInput("an officer is required", ["input", "officerId"])
    if source not in SOURCES:
        raise InvalidInput(f"source must be one of {', '.join(SOURCES)}", ["input", "source"])
    text = plain_text(description, ["input", "description"])
    evidence, triggers = tuple(evidence), tuple(trigger_event_ids)
    if any(not isinstance(e, str) or not e.strip() for e in evidence):
        raise InvalidInput("evidence references must be non-empty strings", ["input", "evidence"])
    # Only a rule can say why an automatic finding exists; a person must not pose as one.
    if (source == "AUTOMATIC") != bool(rule and triggers):
        raise InvalidInput("automatic findings, and only they, carry a rule and trigger events",
                           ["input", "source"])
    if complaint_id and source != "COMPLAINT":
        raise InvalidInput("a finding opened from a complaint has source COMPLAINT",
                           ["input", "source"])
    graded = graded or {}
    proposed = table.propose(**graded) if graded else None
    finding = Finding(finding_id, officer_id, text, source, parse_instant(now), case_id,
                      inspection_id, evidence, rule, triggers, dedupe,
                      fault_form=graded.get("fault_form"), harm=graded.get("harm"),
                      gravity=graded.get("gravity"), proposed_measure=proposed,
                      complaint_id=complaint_id)
    return finding, [(FINDING_RECORDED, finding.payload())]


def open_automatic_findings(drafts: Iterable[FindingDraft], existing_keys: Iterable[str],
                            now: dt.datetime) -> tuple[list[Finding], list]:
    """Findings for the drafts whose dedupe key is not yet known (nor repeated in `drafts`)."""
    seen, findings, events = set(existing_keys), [], []
    for draft in drafts:
        if draft.dedupe_key in seen:
            continue
        seen.add(draft.dedupe_key)
        finding, raised = record_finding(
            str(uuid.uuid5(_AUTO_NS, draft.dedupe_key)), draft.officer_id, draft.description,
            "AUTOMATIC", now, case_id=draft.case_id, inspection_id=draft.inspection_id,
            rule=draft.rule, trigger_event_ids=draft.trigger_event_ids, dedupe=draft.dedupe_key)
        findings.append(dataclasses.replace(finding, recorded_by=rule_actor(draft.rule)))
        events.extend(raised)
    return findings, events
