"""Now-answers of the qualification check, kept by each gateway replica.

An answer is kept until the certification service says it can change by itself
(`stable_until`: a window closing, a review falling due), until a certification event
about that officer arrives (every replica hears every event: broadcast queue), or for
MAX_AGE seconds at most, which bounds staleness should an invalidation ever be missed
(a broker outage). Past-moment checks are never cached here: they are cheap to ask and
rare. The cross-agency question "may this officer enforce now?" is the hot path.
"""
from __future__ import annotations

import time

from services.common.clock import parse_instant, utcnow

MAX_AGE = 5.0
MAX_OFFICERS = 100_000
# officer_id -> domain -> (answer, expiry): an event drops one officer in one step.
_entries: dict[str, dict[str, tuple[dict, float]]] = {}
# Bumped by every invalidation: an answer fetched across one is not kept (it may be
# older than the event that invalidated it).
_generation: dict[str, int] = {}


def _expiry(answer: dict) -> float:
    ttl = MAX_AGE
    if answer.get("stable_until"):
        left = (parse_instant(answer["stable_until"]) - utcnow()).total_seconds()
        ttl = min(ttl, left)
    return time.monotonic() + ttl


def invalidate(officer_id: str | None) -> None:
    _generation[officer_id] = _generation.get(officer_id, 0) + 1
    _entries.pop(officer_id, None)


def clear() -> None:
    _entries.clear()
    _generation.clear()


def qualifications(services, checks: list[dict]) -> list[dict]:
    """Like certification.check_qualifications; now-checks found here cost no service call."""
    now_mono, now_iso = time.monotonic(), utcnow().isoformat()
    answers: list[dict | None] = [None] * len(checks)
    for i, check in enumerate(checks):
        hit = _entries.get(check["officer_id"], {}).get(check["domain"]) \
            if check.get("at") is None else None
        if hit and hit[1] > now_mono:
            answers[i] = {**hit[0], "at": now_iso}
    missing = [i for i, a in enumerate(answers) if a is None]
    if missing:
        # A batch often repeats a check (one officer in several teams): ask each once.
        unique = {_key(checks[i]): checks[i] for i in missing}
        before = {c["officer_id"]: _generation.get(c["officer_id"], 0) for c in unique.values()}
        fetched = dict(zip(unique, services.certification.check_qualifications(
            list(unique.values()))))
        if len(_entries) > MAX_OFFICERS:
            clear()  # bounded memory; a refill costs one call per batch
        for key, check in unique.items():
            officer_id = check["officer_id"]
            if check.get("at") is None and _generation.get(officer_id, 0) == before[officer_id]:
                _entries.setdefault(officer_id, {})[check["domain"]] = (fetched[key],
                                                                      _expiry(fetched[key]))
        for i in missing:
            answers[i] = fetched[_key(checks[i])]
    return answers


def _key(check: dict) -> tuple:
    return check["officer_id"], check["domain"], check.get("at")
