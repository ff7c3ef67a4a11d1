"""An uploaded CSV file as rows keyed by our column names (the imports of exam results and
of directory entities): the header names its columns in Chinese or English, in any order;
every whole-file problem is INVALID_INPUT on `input.csv`."""
from __future__ import annotations

import csv
import io

from services.common.errors import InvalidInput

FIELD = ["input", "csv"]


def _key(cell: str) -> str:
    cell = cell.strip().lstrip("\ufeff").strip()
    return cell.lower() if cell.isascii() else cell


def _columns(header, aliases: dict, required) -> dict:
    """Our column name -> its position; INVALID_INPUT naming what is missing."""
    names = {_key(a): col for col, accepted in aliases.items() for a in (col, *accepted)}
    found = {}
    for i, cell in enumerate(header):
        found.setdefault(names.get(_key(cell)), i)
    found.pop(None, None)
    missing = [c for c in required if c not in found]
    if missing:
        raise InvalidInput(f"the header row lacks {', '.join(missing)}; columns are "
                           f"{', '.join(f'{c} ({a[0]})' for c, a in aliases.items())}", FIELD)
    return found


def read_table(text, aliases: dict[str, tuple[str, ...]], required, max_rows: int
               ) -> list[tuple[int, dict]]:
    """(line, {column: stripped cell}) for each non-blank row below the header (line 1).
    `aliases[column]` lists the header names accepted besides the column's own, the one
    shown in messages first."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("the file is empty", FIELD)
    try:
        lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    except csv.Error as exc:
        raise InvalidInput(f"not a CSV file: {exc}", FIELD) from None
    index = _columns(lines[0], aliases, required)
    rows = [(n, {col: (line[i].strip() if i < len(line) else "") for col, i in index.items()})
            for n, line in enumerate(lines[1:], start=2) if any(c.strip() for c in line)]
    if not rows:
        raise InvalidInput("the file has no rows below its header", FIELD)
    if len(rows) > max_rows:
        raise InvalidInput(f"at most {max_rows} rows per file", FIELD)
    return rows
