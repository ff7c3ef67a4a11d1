"""Putting an acting team together: one certification call for every officer, plus the
declared conflicts of interest with the entity. The case core then judges the team."""
from __future__ import annotations

from services.common.clock import iso
from services.enforcement.domain.team import MIN_OFFICERS, Team


def assemble(certification, conflicts, officer_ids, domain: str, at, entity_id: str) -> Team:
    """The Team for `officer_ids` acting on `entity_id` in `domain` at `at`.

    `certification` is the service client (an absent or slow service refuses with the
    retryable SERVICE_UNAVAILABLE); `conflicts` is the conflicts collection. Fewer than
    two officers are refused by the core without asking anyone.
    """
    ids = list(dict.fromkeys(officer_ids))
    answers = {}
    if len(ids) >= MIN_OFFICERS:
        replies = certification.check_qualifications(
            [{"officer_id": i, "domain": domain, "at": iso(at)} for i in ids])
        answers = {r["officer_id"]: r for r in replies}
    declared = {c["officer_id"]: c["reason"] for c in conflicts.find(
        {"entity_id": entity_id, "officer_id": {"$in": ids}})}
    return Team(tuple(ids), answers, declared)
