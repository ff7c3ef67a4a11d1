"""What the service answers with: an operation with its progress, and the joint report
built from what each agency's enforcement service recorded under the operation."""
from __future__ import annotations

from services.bus.rpc import unwrap
from services.operations import domain
from services.operations.domain.model import JointOperation


def present(op: JointOperation) -> dict:
    return {**op.to_dict(), "progress": domain.progress(op)}


def records(op: JointOperation, enforcement: dict) -> tuple[list, list]:
    """Inspections and cases of the operation, from each participating agency's service
    (`enforcement` maps agency -> RPC proxy of culture / transport)."""
    inspections, cases = [], []
    for agency in op.agencies:
        summary = unwrap(enforcement[agency].operation_summary(op.operation_id))
        inspections += summary["inspections"]
        cases += summary["cases"]
    return inspections, cases


def report(op: JointOperation, enforcement: dict) -> dict:
    return domain.joint_report(op, *records(op, enforcement))


def report_html(op: JointOperation, enforcement: dict) -> str:
    return domain.render_report_html(report(op, enforcement))
