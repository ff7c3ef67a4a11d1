"""Chinese resident ID numbers (GB 11643-1999): validation and masking.

The full number is personal data: it is stored for certification administrators of the
officer's agency only; everyone else (other agencies, events, logs) sees the masked form.
"""
from __future__ import annotations

import datetime as dt
import re

from services.common.errors import DomainError

_SHAPE = re.compile(r"^[1-8]\d{16}[\dX]$")
# ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11.
_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
_CHECK_CHARS = "10X98765432"


def check_digit(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def birth_date(number: str) -> dt.date | None:
    try:
        return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def validate_id_number(value, today: dt.date | None = None, field=("input", "idNumber")) -> str:
    """Normalised number (trimmed, upper-case X) or DomainError INVALID_ID_NUMBER.

    `today` (passed in, rules read no clock) rejects birth dates in the future.
    """
    number = value.strip().upper() if isinstance(value, str) else ""
    if not _SHAPE.match(number):
        raise DomainError("INVALID_ID_NUMBER", "an ID number is 17 digits and a check digit 0-9/X",
                          list(field))
    born = birth_date(number)
    if born is None or born.year < 1900 or (today is not None and born > today):
        raise DomainError("INVALID_ID_NUMBER", "the ID number has no plausible birth date",
                          list(field))
    if check_digit(number[:17]) != number[17]:
        raise DomainError("INVALID_ID_NUMBER", "the ID number's check digit is wrong", list(field))
    return number


def mask_id_number(number: str | None, keep_start: int = 3, keep_end: int = 2) -> str | None:
    """`110**************1X`-style mask; short values are masked completely."""
    if number is None:
        return None
    if len(number) <= keep_start + keep_end:
        return "*" * len(number)
    return number[:keep_start] + "*" * (len(number) - keep_start - keep_end) + number[-keep_end:]
