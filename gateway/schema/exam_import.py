"""`importExamResults`: certification administrators record exam results from a CSV file,
row by row, through the certification service (services/certification/exam_import.py).
Rows with errors change nothing and come back with their errors; valid rows are recorded."""
from __future__ import annotations

import graphene

from gateway import qualification_cache
from gateway.schema.base import UserError, mutation

ADMIN = ("certification_admin",)


class ImportExamResultsInput(graphene.InputObjectType):
    """A CSV file of exam results (考试成绩) to record."""
    csv = graphene.String(required=True, description=(
        "The file's text (UTF-8, at most 500 rows). Header row, any order, Chinese or English: "
        "公民身份号码/id_number, 姓名/name (optional, checked), 考试科目/exam (PUBLIC_LAW, "
        "PROFESSIONAL_LAW or their Chinese names), 成绩/score (0..100), 考试日期/taken_on "
        "(YYYY-MM-DD)."))


class ExamImportRow(graphene.ObjectType):
    """One data row of the file and what became of it."""
    line = graphene.Int(required=True, description="Its line in the file (the header is 1).")
    officer_id = graphene.ID(description="The officer the row was recorded for; null when "
                                         "the row has errors.")
    name = graphene.String(description="The officer's name (as in the row when not found).")
    errors = graphene.List(graphene.NonNull(UserError), required=True, description=(
        "Why the row was not recorded (empty: recorded). `field` names the column: idNumber "
        "(INVALID_ID_NUMBER, NOT_FOUND), name (NAME_MISMATCH), exam, score, takenOn "
        "(INVALID_INPUT); FORBIDDEN for another agency's officer."))


class ExamImport(graphene.ObjectType):
    """The outcome of one file: each row recorded or refused on its own."""
    recorded = graphene.Int(required=True, description="Rows recorded.")
    rows = graphene.List(graphene.NonNull(ExamImportRow), required=True,
                         description="Every data row, in file order.")


class ImportExamResultsPayload(graphene.ObjectType):
    """The answer of importExamResults: each row's outcome, or why the file was refused."""
    result = graphene.Field(ExamImport, description="Null when the file as a whole is refused.")
    errors = graphene.List(graphene.NonNull(UserError), required=True, description=(
        "The file as a whole: INVALID_INPUT on input.csv (empty, not CSV, a required column "
        "missing, too many rows); nothing recorded."))


def _import(services, who, input):
    answer = services.certification.import_exam_results(input["csv"], who)
    for row in answer["rows"]:  # read-your-writes on this replica, as the one-row form does
        if row["officer_id"]:
            qualification_cache.invalidate(row["officer_id"])
    return ExamImport(recorded=answer["recorded"], rows=[
        ExamImportRow(line=r["line"], officer_id=r["officer_id"], name=r["name"],
                      errors=[UserError(**e) for e in r["errors"]]) for r in answer["rows"]])


class Mutation(graphene.ObjectType):
    import_exam_results = mutation(
        ImportExamResultsPayload, roles=ADMIN, call=_import, input=ImportExamResultsInput(
            required=True, description="The file's text."),
        description="Certification administrators: exam results from a CSV file (考试成绩导入). "
                    "Each row is checked (ID number, officer, name, exam, score, date) and "
                    "recorded on its own; an administrator naming an agency records only its "
                    "officers (FORBIDDEN on the row otherwise).")
