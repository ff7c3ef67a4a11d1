"""CSV import of directory entities: one validated entity or one clear error per row."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from services.common.errors import DomainError
from services.enforcement.domain.catalogue import AgencyCatalogue
from services.enforcement.domain.entities import Entity, merge_entities, new_entity

COLUMNS = ("registration_no", "category", "name", "risk_level", "sole_proprietor",
           "id_number", "address", "plate", "seats", "licence")
ATTRIBUTES = ("plate", "seats", "licence")
_PLATE = re.compile(r"^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$")   # e.g. 苏A12345, 新能源 6 chars
_ID = re.compile(r"^\d{17}[\dX]$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_TRUE, _FALSE = {"1", "true", "yes", "y", "是"}, {"", "0", "false", "no", "n", "否"}


@dataclass(frozen=True)
class RowError:
    line: int
    field: str | None
    code: str
    message: str


def _row_error(line: int, err: DomainError) -> RowError:
    return RowError(line, err.field[-1] if err.field else None, err.code, err.message)


def valid_id_number(text: str) -> bool:
    """Resident ID: 17 digits and an ISO 7064 MOD 11-2 check character."""
    if not _ID.match(text):
        return False
    total = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS))
    return "10X98765432"[total % 11] == text[17]


def _fail(field, message, code="INVALID_INPUT"):
    raise DomainError(code, message, [field] if field else None)


def _attributes(row: dict, required) -> dict:
    attrs = {k: row[k] for k in ATTRIBUTES if row.get(k)}
    for name in required:
        if name != "id_number" and not attrs.get(name):
            _fail(name, f"{name} is required for this category")
    if "seats" in attrs:
        if not attrs["seats"].isdigit() or int(attrs["seats"]) < 1:
            _fail("seats", "seats must be a positive whole number")
        attrs["seats"] = int(attrs["seats"])
    if "plate" in attrs and not _PLATE.match(attrs["plate"]):
        _fail("plate", f"{attrs['plate']!r} is not a plate number")
    return attrs


def _entity(row: dict, catalogue: AgencyCatalogue) -> Entity:
    for name in ("registration_no", "category", "name"):
        if not row.get(name):
            _fail(name, f"{name} is required")
    kind = catalogue.kind(row["category"])
    flag = (row.get("sole_proprietor") or "").lower()
    if flag not in _TRUE | _FALSE:
        _fail("sole_proprietor", "sole_proprietor must be yes or no")
    id_number = (row.get("id_number") or "").upper() or None
    if "id_number" in kind.required and not id_number:
        _fail("id_number", "id_number is required for this category")
    if id_number and not valid_id_number(id_number):
        _fail("id_number", "id_number is not a valid resident ID number")
    return new_entity(catalogue, kind.code, row["registration_no"], row["name"],
                      risk_level=(row.get("risk_level") or "LOW").upper(),
                      sole_proprietor=flag in _TRUE, id_number=id_number,
                      address=row.get("address") or None,
                      attributes=_attributes(row, kind.required))


def parse_entity_row(row: dict, catalogue: AgencyCatalogue, line: int = 0
                     ) -> Entity | RowError:
    # values may arrive as numbers or null through RPC/GraphQL, not only as CSV text
    clean = {str(k).strip(): ("" if v is None else str(v)).strip()
             for k, v in row.items() if k}
    try:
        return _entity(clean, catalogue)
    except DomainError as err:
        return _row_error(line, err)


def parse_entity_rows(rows, catalogue: AgencyCatalogue):
    """(entities, errors) from `(line, row)` pairs; a registration number seen twice is
    merged like a re-import, so the same rows give the same result however they arrive."""
    found: dict[str, Entity] = {}
    errors: list[RowError] = []
    for line, row in rows:
        result = parse_entity_row(row, catalogue, line)
        if isinstance(result, RowError):
            errors.append(result)
            continue
        known = found.get(result.registration_no)
        try:
            found[result.registration_no] = merge_entities(known, result) if known else result
        except DomainError as err:
            errors.append(_row_error(line, err))
    return list(found.values()), errors


def parse_entity_csv(text: str, catalogue: AgencyCatalogue):
    """(entities, errors); line numbers count the header as line 1."""
    return parse_entity_rows(enumerate(csv.DictReader(io.StringIO(text)), start=2), catalogue)
