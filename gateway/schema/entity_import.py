"""`importEnforcementEntities`: enforcement officers load entities into their agency's
directory (检查对象名录库) from a CSV file, with a report per row.

The file is only read here (its header names, Chinese or English, become the service's row
keys, each row keeping its line); every check (registration number, name, the agency's
categories, risk level, ID number, vehicle attributes) and the import itself are the
enforcement service's `import_entities`, the same command the one-entity form uses: rows
with errors change nothing, the valid rows are registered or merged."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency, UserError, mutation
from gateway.schema.enforcement import support
from services.common.csv_table import read_table

MAX_ROWS = 500
# the service's row key -> (its GraphQL column name, the header names accepted)
COLUMNS = {
    "registration_no": ("registrationNo", ("统一社会信用代码", "登记号", "注册号", "登记编号")),
    "name": ("name", ("名称", "姓名", "单位名称")),
    "category": ("category", ("类别", "检查对象类别")),
    "risk_level": ("riskLevel", ("风险等级",)),
    "sole_proprietor": ("soleProprietor", ("个体工商户",)),
    "id_number": ("idNumber", ("公民身份号码", "身份证号码")),
    "address": ("address", ("地址", "经营地址")),
    "plate": ("plate", ("车牌号", "车牌号码")),
    "seats": ("seats", ("核定座位数", "座位数")),
    "licence": ("licence", ("许可证号", "经营许可证号")),
}
REQUIRED = ("registration_no", "name", "category")
RISK = {"低": "LOW", "低风险": "LOW", "中": "MEDIUM", "中风险": "MEDIUM", "高": "HIGH",
        "高风险": "HIGH", "重点关注": "FLAGGED"}
# the header names accepted: the Chinese ones (the first is shown in messages), the GraphQL name
_ALIASES = {key: (*aliases, graphql) for key, (graphql, aliases) in COLUMNS.items()}
_FIELD = {**{key: graphql for key, (graphql, _) in COLUMNS.items()},
          **{graphql: graphql for graphql, _ in COLUMNS.values()}}


def read_rows(text) -> list[dict]:
    """The file's data rows as the service takes them, each with its line (header = 1)."""
    rows = []
    for n, row in read_table(text, _ALIASES, REQUIRED, MAX_ROWS):
        row["category"] = row["category"].upper()
        risk = row.get("risk_level", "")
        row["risk_level"] = RISK.get(risk, risk.upper())
        rows.append({**row, "line": n})
    return rows


def report(rows: list[dict], answer: dict) -> dict:
    """Every row with its errors (field: the column's GraphQL name) and the counts."""
    errors: dict[int, list] = {}
    for e in answer["errors"]:
        field = _FIELD.get(e["field"] or "", e["field"])
        errors.setdefault(e["line"], []).append(
            {"code": e["code"], "message": e["message"], "field": [field] if field else None})
    out = [{"line": r["line"], "registration_no": r["registration_no"] or None,
            "name": r["name"] or None, "errors": errors.get(r["line"], [])} for r in rows]
    return {"imported": sum(1 for r in out if not r["errors"]), "created": answer["created"],
            "merged": answer["merged"], "unchanged": answer["unchanged"], "rows": out}


class ImportEnforcementEntitiesInput(graphene.InputObjectType):
    """A CSV file of entities (检查对象) for one agency's directory."""
    agency = Agency(required=True, description="The directory's agency; enforcement officers "
                                               "import only into their own (another: "
                                               "FORBIDDEN).")
    csv = graphene.String(required=True, description=(
        "The file's text (UTF-8, at most 500 rows). Header row, any order, Chinese or "
        "English: 统一社会信用代码/registration_no, 名称/name, 类别/category (the agency's "
        "EntityCategory code), 风险等级/risk_level (LOW, MEDIUM, HIGH, FLAGGED or 低/中/高风险; "
        "default LOW), and optionally 个体工商户/sole_proprietor (是/否), "
        "公民身份号码/id_number, 地址/address, 车牌号/plate, 核定座位数/seats, "
        "许可证号/licence."))


class EntityImportRow(graphene.ObjectType):
    """One data row of the file and what became of it."""
    line = graphene.Int(required=True, description="Its line in the file (the header is 1).")
    registration_no = graphene.String(description="The row's registration number, as "
                                                  "written; null when empty.")
    name = graphene.String(description="The row's name, as written; null when empty.")
    errors = graphene.List(graphene.NonNull(UserError), required=True, description=(
        "Why the row was not imported (empty: registered or merged). `field` names the "
        "column (registrationNo, name, category, riskLevel, idNumber, plate, seats, "
        "licence, soleProprietor): INVALID_INPUT (empty, malformed), UNKNOWN_CATEGORY "
        "(not one of the agency's), CATEGORY_CONFLICT (another category than the stored "
        "entity's)."))


class EntityImport(graphene.ObjectType):
    """The outcome of one file: each row imported or refused on its own."""
    imported = graphene.Int(required=True, description="Rows without errors (registered, "
                                                       "merged or already so).")
    created = graphene.Int(required=True, description="Entities new to the directory.")
    merged = graphene.Int(required=True, description="Stored entities the file changed.")
    unchanged = graphene.Int(required=True, description="Stored entities already as in the "
                                                        "file.")
    rows = graphene.List(graphene.NonNull(EntityImportRow), required=True,
                         description="Every data row, in file order.")


class ImportEnforcementEntitiesPayload(graphene.ObjectType):
    """The answer of importEnforcementEntities: each row's outcome, or why the file was
    refused."""
    result = graphene.Field(EntityImport, description="Null when the file as a whole is "
                                                      "refused.")
    errors = graphene.List(graphene.NonNull(UserError), required=True, description=(
        "The file as a whole: INVALID_INPUT on input.csv (empty, not CSV, a required column "
        "missing, too many rows); nothing imported."))


def _import(services, who, input):
    who = support.acting(who, input["agency"])
    rows = read_rows(input["csv"])
    answer = support.client(services, input["agency"]).import_entities(rows, who)
    found = report(rows, answer)
    return EntityImport(**{k: v for k, v in found.items() if k != "rows"}, rows=[
        EntityImportRow(line=r["line"], registration_no=r["registration_no"], name=r["name"],
                        errors=[UserError(**e) for e in r["errors"]]) for r in found["rows"]])


class Mutation(graphene.ObjectType):
    import_enforcement_entities = mutation(
        ImportEnforcementEntitiesPayload, roles=support.OFFICERS, call=_import,
        input=ImportEnforcementEntitiesInput(
            required=True, description="The agency and the file's text."),
        description="Load entities into the agency's directory (检查对象名录库) from a CSV file: "
                    "each row is checked (registration number, name, the agency's category, "
                    "risk level, ...) and registered, or merged into the entity with its "
                    "registration number, on its own. enforcement_officer, for the agency on "
                    "their token (another: FORBIDDEN), as registerEnforcementEntity. Errors: "
                    "INVALID_INPUT (the file); per row, see EntityImportRow.errors.")
