"""Free-text fields (finding and ledger descriptions)."""
from __future__ import annotations

import unicodedata

from services.common.errors import InvalidInput

MAX_DESCRIPTION = 2000


def plain_text(value, field: list[str], limit: int = MAX_DESCRIPTION) -> str:
    """Validate and normalise text that is stored as plain text.

    It is never interpreted as markup: whoever renders it escapes it. We only drop control
    characters (other than newline and tab) because they break exports and look-alike
    text in legal records.
    """
    if not isinstance(value, str):
        raise InvalidInput("must be a string", field)
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc").strip()
    if not text:
        raise InvalidInput("must not be empty", field)
    if len(text) > limit:
        raise InvalidInput(f"must be at most {limit} characters", field)
    return text
