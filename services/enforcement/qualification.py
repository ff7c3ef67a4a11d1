"""Putting an acting team together: one certification call for every officer, plus the
declared conflicts of interest with the entity. The case core then judges the team."""
from __future__ import annotations

import logging

import eventlet
from nameko.exceptions import UnknownService

from services.bus.rpc import UNAVAILABLE, unwrap
from services.common.errors import DomainError
from services.enforcement.domain.serial import iso
from services.enforcement.domain.team import MIN_OFFICERS, Team

log = logging.getLogger(__name__)
RPC_TIMEOUT = 10.0


def check_many(certification, checks: list[dict]) -> list[dict]:
    """certification.check_many, with an absent or slow service as a retryable refusal."""
    try:
        with eventlet.Timeout(RPC_TIMEOUT):
            return unwrap(certification.check_many(checks))
    except (UnknownService, eventlet.Timeout) as exc:
        log.warning("certification check failed: %r", exc)
        raise DomainError(UNAVAILABLE, "the certification service cannot confirm the "
                          "officers' qualification now; nothing was changed, retry later"
                          ) from None


def assemble(certification, conflicts, officer_ids, domain: str, at, entity_id: str) -> Team:
    """The Team for `officer_ids` acting on `entity_id` in `domain` at `at`.

    `conflicts` is the conflicts collection. Fewer than two officers are refused by the
    core without asking anyone.
    """
    ids = list(dict.fromkeys(officer_ids))
    answers = {}
    if len(ids) >= MIN_OFFICERS:
        replies = check_many(certification, [{"officer_id": i, "domain": domain, "at": iso(at)}
                                             for i in ids])
        answers = {r["officer_id"]: r for r in replies}
    declared = {c["officer_id"]: c["reason"] for c in conflicts.find(
        {"entity_id": entity_id, "officer_id": {"$in": ids}})}
    return Team(tuple(ids), answers, declared)
