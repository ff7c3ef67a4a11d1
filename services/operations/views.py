"""What the service answers with: an operation with its progress, and the joint report
built from what each agency's enforcement service recorded under the operation."""
from __future__ import annotations

from services.common.errors import InvalidInput
from services.operations import documents, domain
from services.operations.domain.model import JointOperation

MAX_PAGE = 100
FILTERS = ("status", "agency", "officer_id")


def present(op: JointOperation) -> dict:
    return {**op.to_dict(), "progress": domain.progress(op)}


def page(filters, offset, limit) -> dict:
    """{items, total}: one page of operations, newest window first."""
    filters = filters or {}
    try:
        offset, limit = int(offset), int(limit)
    except (TypeError, ValueError):
        offset = limit = -1
    if not isinstance(filters, dict) or not (0 <= offset and 0 <= limit <= MAX_PAGE):
        raise InvalidInput(f"filters must be an object, offset >= 0 and limit 0..{MAX_PAGE}",
                           ["first"])
    ops, total = documents.page(*(filters.get(k) for k in FILTERS), offset, limit)
    return {"items": [present(op) for op in ops], "total": total}


def records(op: JointOperation, enforcement: dict) -> tuple[list, list]:
    """Inspections and cases of the operation, from each participating agency's service
    (`enforcement` maps agency -> RPC proxy of culture / transport)."""
    inspections, cases = [], []
    for agency in op.agencies:
        summary = enforcement[agency].operation_summary(op.operation_id)
        inspections += summary["inspections"]
        cases += summary["cases"]
    return inspections, cases


def report(op: JointOperation, enforcement: dict) -> dict:
    return domain.joint_report(op, *records(op, enforcement))


def report_html(op: JointOperation, enforcement: dict) -> str:
    return domain.render_report_html(report(op, enforcement))
