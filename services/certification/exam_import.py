"""Exam results imported from a CSV file (an administrator's upload), row by row.

Columns (header row, any order, Chinese or English names):
公民身份号码/id_number, 姓名/name (optional: checked against the officer when given),
考试科目/exam (PUBLIC_LAW, PROFESSIONAL_LAW or their Chinese names), 成绩/score,
考试日期/taken_on (YYYY-MM-DD, Asia/Shanghai).

Each row is checked (ID number, officer found by it, name, exam kind, score, date) and
recorded through the same `record_exam` command an administrator's form uses, in its own
unit of work: a row with an error changes nothing, the valid rows are recorded. The answer
lists every row with its errors (code, message, field = the column), so the console can
show them per row in Chinese or English.
"""
from __future__ import annotations

from services.certification import commands, repository
from services.certification.domain.idnumber import validate_id_number
from services.common.clock import local_date, utcnow
from services.common.csv_table import read_table
from services.common.errors import DomainError, InvalidInput

MAX_ROWS = 500
COLUMNS = {"id_number": ("公民身份号码", "身份证号码", "身份证号"), "name": ("姓名",),
           "exam": ("考试科目", "考试"), "score": ("成绩", "分数"), "taken_on": ("考试日期",)}
REQUIRED = ("id_number", "exam", "score", "taken_on")
EXAMS = {"公共法律知识考试": "PUBLIC_LAW", "公共法律知识": "PUBLIC_LAW",
         "专业法律知识考试": "PROFESSIONAL_LAW", "专业法律知识": "PROFESSIONAL_LAW"}
FIELD = {"id_number": "idNumber", "name": "name", "exam": "exam", "score": "score",
         "taken_on": "takenOn"}


def _rows(text) -> list[tuple[int, dict]]:
    return read_table(text, COLUMNS, REQUIRED, MAX_ROWS)


def _officer_id(cell: dict) -> str:
    number = validate_id_number(cell["id_number"], local_date(utcnow()), ["idNumber"])
    found = repository.officers().find_one({"id_number": number}, {"name": 1})
    if found is None:
        raise DomainError("NOT_FOUND", "no officer has the ID number in this row",
                          ["idNumber"])
    if cell.get("name") and cell["name"] != found["name"]:
        raise DomainError("NAME_MISMATCH", "the name differs from the officer's record "
                          "for this ID number", ["name"])
    return str(found["_id"])


def _check_row(cell: dict) -> None:
    for col in REQUIRED:
        if not cell.get(col):
            raise InvalidInput(f"{col} is empty", [FIELD[col]])


def _one(store, cell: dict, actor, config) -> dict:
    _check_row(cell)
    officer_id = _officer_id(cell)
    try:
        score = float(cell["score"])
    except ValueError:
        raise InvalidInput(f"score {cell['score']!r} is not a number", ["score"]) from None
    exam = EXAMS.get(cell["exam"], cell["exam"].upper())
    try:
        officer = commands.run(store, "record_exam", {
            "officer_id": officer_id, "exam": exam, "score": score,
            "taken_on": cell["taken_on"]}, actor, config)
    except DomainError as exc:  # the command's fields are ["input", x]: the row's column
        field = exc.field[-1:] if exc.field else None
        raise DomainError(exc.code, exc.message, field) from None
    return officer


def import_exam_results(store, text, actor, config) -> dict:
    """{"recorded": n, "rows": [{"line", "officer_id", "name", "errors"}]}: every data row
    (line numbers as in the file, the header is line 1)."""
    out, recorded = [], 0
    for line, cell in _rows(text):
        row = {"line": line, "officer_id": None, "name": cell.get("name") or None, "errors": []}
        try:
            officer = _one(store, cell, actor, config)
        except DomainError as exc:
            field = list(exc.field) if exc.field else None
            row["errors"].append({"code": exc.code, "message": exc.message, "field": field})
        else:
            recorded += 1
            row.update(officer_id=officer["id"], name=officer["name"])
        out.append(row)
    return {"recorded": recorded, "rows": out}
