"""What the service answers with: an operation with its progress, and the joint report
built from what each agency's enforcement service recorded under the operation."""
from __future__ import annotations

from services.common import paging
from services.common.errors import InvalidInput
from services.common.paging import Page
from services.operations import documents, domain
from services.operations.domain.model import JointOperation

FILTERS = ("status", "agency", "officer_id")


def present(op: JointOperation) -> dict:
    return {**op.to_dict(), "progress": domain.progress(op)}


def page(filters, request: Page) -> dict:
    """One page of operations, newest window first (services.common.paging)."""
    filters = filters or {}
    if not isinstance(filters, dict):
        raise InvalidInput("filters must be an object", ["filter"])
    found = documents.matching(*(filters.get(k) for k in FILTERS))
    return paging.positions(request, found.count(), lambda skip, limit: [
        present(documents.to_operation(raw)) for raw in found.skip(skip).limit(limit)])


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
