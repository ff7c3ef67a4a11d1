"""Event schemas: the envelope and one payload schema per versioned event type.

Schemas live as JSON files under `schemas/` at the repository root so that other
agencies can read them without reading Python.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


class InvalidEvent(Exception):
    """An envelope or payload that does not match its schema."""


@lru_cache(maxsize=512)  # one per schema file; bounded all the same
def _validator(path: Path) -> Draft202012Validator:
    schema = json.loads(path.read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _first_error(validator, document) -> str | None:
    error = next(iter(validator.iter_errors(document)), None)
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"{where}: {error.message}"


def event_types() -> list[str]:
    return sorted(p.stem for p in (SCHEMA_DIR / "events").glob("*.json"))


def validate(envelope) -> None:
    """Raise InvalidEvent naming the first problem, else return None."""
    if not isinstance(envelope, dict):
        raise InvalidEvent("envelope is not a JSON object")
    problem = _first_error(_validator(SCHEMA_DIR / "envelope.v1.json"), envelope)
    if problem:
        raise InvalidEvent(f"envelope {problem}")
    payload_schema = SCHEMA_DIR / "events" / f"{envelope['type']}.json"
    if not payload_schema.exists():
        raise InvalidEvent(f"unknown event type {envelope['type']}")
    problem = _first_error(_validator(payload_schema), envelope["payload"])
    if problem:
        raise InvalidEvent(f"payload {problem}")
