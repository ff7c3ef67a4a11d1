"""The qualification answers other services and the gateway ask for: any number of checks
with one database read, each answered from the officer's effective-dated history."""
from __future__ import annotations

import datetime as dt

from services.certification import domain as cd
from services.certification import repository
from services.common.clock import parse_instant, utcnow
from services.common.errors import InvalidInput

MAX_CHECKS = 1000  # one request; the gateway refuses longer lists before they get here


def parse_moment(value, field, default=None) -> dt.datetime:
    """An ISO 8601 string with an offset (or None for `default`) as a UTC datetime."""
    if value is None and default is not None:
        return default
    return parse_instant(value, field)


def id_list(ids) -> list:
    if not isinstance(ids, list) or len(ids) > MAX_CHECKS:
        raise InvalidInput(f"ids must be a list of at most {MAX_CHECKS}", ["ids"])
    return ids


def _checks(checks, fields):
    if not isinstance(checks, list) or len(checks) > MAX_CHECKS:
        raise InvalidInput(f"checks must be a list of at most {MAX_CHECKS}", ["checks"])
    now = utcnow()
    parsed = []
    for i, check in enumerate(checks):
        if not isinstance(check, dict) or not check.get("officer_id"):
            raise InvalidInput("each check needs an officer_id", ["checks", str(i)])
        parsed.append((str(check["officer_id"]), check.get("domain"),
                       *(parse_moment(check.get(f), ["checks", str(i), f], now) for f in fields)))
    return parsed


def qualifications(checks, config) -> list[dict]:
    """Answers in the order asked, each with `stable_until`: until then only a new entry
    in the record (announced by a certification event) can change it."""
    parsed = _checks(checks, ("at",))
    found = repository.load_many(officer_id for officer_id, *_ in parsed)
    answers = {}  # a batch often repeats a check (one officer in several teams)
    for key, check in zip(parsed, checks):
        now_check = check.get("at") is None  # only now-answers are cached by the gateway
        if (key, now_check) not in answers:
            oid, domain, at = key
            record = found.get(oid, (None,))[0]
            answer = cd.qualification(record, domain, at, officer_id=oid, config=config)
            until = cd.stable_until(record, at, config) if now_check else None
            answers[key, now_check] = {**answer.to_dict(), "stable_until": cd.record.iso(until)}
    return [answers[key, check.get("at") is None] for key, check in zip(parsed, checks)]


def qualifications_over(checks, config) -> list[dict]:
    parsed = _checks(checks, ("start", "end"))
    found = repository.load_many(officer_id for officer_id, *_ in parsed)
    return [cd.qualification_over_window(found.get(oid, (None,))[0], domain, start, end,
                                         officer_id=oid, config=config).to_dict()
            for oid, domain, start, end in parsed]


def qualified_roster(domain, at, agency, config) -> list[dict]:
    """Officers qualified for `domain` at `at` (the pool random draws pick from)."""
    domain = cd.enums.parse_enum(cd.EnforcementDomain, domain, "domain")
    at = parse_moment(at, ["at"], utcnow())
    query = {"domains_ever": domain.value}
    if agency is not None:
        query["agency"] = cd.enums.parse_enum(cd.Agency, agency, "agency").value
    rows = repository.officers().find(query).sort("_id", 1)
    return [{"officer_id": raw["_id"], "agency": raw["agency"]}
            for raw in rows
            if cd.qualification(repository.record_from_raw(raw), domain, at, config=config).qualified]
