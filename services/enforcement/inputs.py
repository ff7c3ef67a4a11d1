"""Checking RPC input before it reaches the case core or a query.

RPC arguments are JSON from the gateway, the CLI or another service: anything can be in
them. Each helper returns a clean value or refuses with INVALID_INPUT naming the field,
so a bad request changes nothing and never ends in a stack trace.
"""
from __future__ import annotations

import datetime as dt

from services.common.clock import parse_day, parse_instant, utcnow
from services.common.errors import InvalidInput
from services.enforcement.domain.case_model import DecisionDraft

MAX_TEXT = 2000
MAX_OFFICERS = 20
MAX_ITEMS = 200


def obj(value, field="input") -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidInput(f"{field} must be an object", [field])
    return value


def text(value, field, required=True, max_len=MAX_TEXT) -> str | None:
    if value is None or value == "":
        if required:
            raise InvalidInput(f"{field} is required", ["input", field])
        return None
    if not isinstance(value, str) or len(value) > max_len:
        raise InvalidInput(f"{field} must be text of at most {max_len} characters",
                           ["input", field])
    return value


def choice(value, field, allowed, required=True) -> str | None:
    value = text(value, field, required)
    if value is not None and value not in allowed:
        raise InvalidInput(f"{field} must be one of {tuple(allowed)}", ["input", field])
    return value


def flag(value, field) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise InvalidInput(f"{field} must be true or false", ["input", field])
    return value


def moment(value, field="at", default_now=True) -> dt.datetime | None:
    """An ISO 8601 time with an offset; absent means now (or None)."""
    if value is None or value == "":
        return utcnow() if default_now else None
    return parse_instant(value, ["input", field])


def day(value, field) -> dt.date:
    return parse_day(value, ["input", field])


def strings(value, field, max_items=MAX_ITEMS, max_len=500) -> list[str]:
    if value is None:
        return []
    if (not isinstance(value, list) or len(value) > max_items
            or not all(isinstance(v, str) and 0 < len(v) <= max_len for v in value)):
        raise InvalidInput(f"{field} must be a list of at most {max_items} non-empty texts",
                           ["input", field])
    return list(value)


def officer_ids(value) -> list[str]:
    return strings(value, "officerIds", MAX_OFFICERS, 100)


def records(value, field, keys) -> list[dict]:
    """A list of small objects with only the named keys (checklist items, findings)."""
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise InvalidInput(f"{field} must be a list of at most {MAX_ITEMS}", ["input", field])
    out = []
    for item in value:
        if not isinstance(item, dict) or set(item) - set(keys):
            raise InvalidInput(f"each {field} entry takes only {keys}", ["input", field])
        out.append({k: text(item.get(k), k, required=False) for k in keys if k in item})
    return out


def draft(value, field="decision") -> DecisionDraft:
    data = obj(value, field)
    fine = data.get("fine")
    if fine is not None and (isinstance(fine, bool) or not isinstance(fine, int) or fine < 0):
        raise InvalidInput("fine must be a whole number of yuan", ["input", "fine"])
    return DecisionDraft(
        outcome=text(data.get("outcome"), "outcome", max_len=64),
        violation_code=text(data.get("violation_code"), "violationCode", False, 64),
        circumstance=text(data.get("circumstance"), "circumstance", False, 32),
        fine=fine, measures=strings(data.get("measures"), "measures", 10, 64),
        first_violation=flag(data.get("first_violation"), "firstViolation"),
        minor_harm=flag(data.get("minor_harm"), "minorHarm"),
        corrected_in_time=flag(data.get("corrected_in_time"), "correctedInTime"),
        transfer_to=text(data.get("transfer_to"), "transferTo", False, 200),
        reason=text(data.get("reason"), "reason", False) or "")
