"""Checks of planner-typed values: whatever arrives over RPC, a bad value is a clear
INVALID_INPUT naming its field, never a crash, and stored text stays bounded."""
from __future__ import annotations

from services.common.clock import parse_instant
from services.common.errors import InvalidInput

MAX_NAME, MAX_TEXT, MAX_ITEMS = 200, 1000, 50


def text(value, field: str, max_len: int = MAX_NAME, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise InvalidInput(f"{field} must be {'non-empty ' if required else ''}text",
                           ["input", field])
    if len(value) > max_len:
        raise InvalidInput(f"{field} is longer than {max_len} characters", ["input", field])
    return value.strip()


def texts(values, field: str) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, (list, tuple)) or len(values) > MAX_ITEMS:
        raise InvalidInput(f"{field} must be a list of at most {MAX_ITEMS}", ["input", field])
    return [text(v, field) for v in values]


def moment(value, field: str):
    """An ISO 8601 date-time (or a datetime) as aware UTC."""
    return None if value is None else parse_instant(value, ["input", field])
