"""Officer roster CSV rows -> `import_officer` inputs (pure; the CLI does the I/O).

Columns (header row, any order; blank certificate columns mean "no certificate yet"):
name, agency, id_number, public_law_score, professional_law_score, exams_taken_on,
domains (separated by ; or |), valid_from, valid_until, issued_on, reviewed_on.
Dates are YYYY-MM-DD civil dates in Asia/Shanghai.
"""
from __future__ import annotations

import re

from services.common.errors import InvalidInput

REQUIRED = ("name", "agency", "id_number")
COLUMNS = REQUIRED + ("public_law_score", "professional_law_score", "exams_taken_on",
                      "domains", "valid_from", "valid_until", "issued_on", "reviewed_on")
EXAMS = {"public_law_score": "PUBLIC_LAW", "professional_law_score": "PROFESSIONAL_LAW"}
CERTIFICATE = ("domains", "valid_from", "valid_until")
OFFICE_HOURS = "T09:00:00+08:00"  # a civil date in the file stands for that working morning


def check_header(fields) -> None:
    missing = [c for c in REQUIRED if c not in (fields or ())]
    unknown = [c for c in (fields or ()) if c not in COLUMNS]
    if missing or unknown:
        raise InvalidInput(f"header: missing {missing or '-'}, unknown {unknown or '-'}; "
                           f"columns are {', '.join(COLUMNS)}", ["header"])


def _score(text: str, column: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(f"{column} {text!r} is not a number", [column]) from None


def _office_hours_of(day: str) -> str | None:
    return day + OFFICE_HOURS if day else None


def parse_row(raw: dict) -> dict:
    """One CSV row (column -> text) as the service's input; InvalidInput names the column."""
    cell = {c: (raw.get(c) or "").strip() for c in COLUMNS}
    for column in REQUIRED:
        if not cell[column]:
            raise InvalidInput(f"{column} is empty", [column])
    row = {"name": cell["name"], "agency": cell["agency"].upper(), "id_number": cell["id_number"]}
    scored = [c for c in EXAMS if cell[c]]
    if scored and not cell["exams_taken_on"]:
        raise InvalidInput("exams_taken_on is needed with exam scores", ["exams_taken_on"])
    row["exams"] = [{"exam": EXAMS[c], "score": _score(cell[c], c),
                     "taken_on": cell["exams_taken_on"]} for c in scored]
    given = [c for c in CERTIFICATE if cell[c]]
    if given and len(given) < len(CERTIFICATE):
        missing = [c for c in CERTIFICATE if not cell[c]]
        raise InvalidInput(f"a certificate needs {', '.join(missing)} too", missing[:1])
    if given:
        row["certificate"] = {"domains": [d.strip().upper() for d in re.split(r"[;|]",
                                                                           cell["domains"])
                                          if d.strip()],
                              "valid_from": cell["valid_from"], "valid_until": cell["valid_until"],
                              "effective_at": _office_hours_of(cell["issued_on"])}
        row["reviewed_at"] = _office_hours_of(cell["reviewed_on"])
    elif cell["reviewed_on"] or cell["issued_on"]:
        raise InvalidInput("issued_on/reviewed_on need a certificate", ["domains"])
    return row
