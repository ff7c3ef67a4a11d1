"""The joint result report and progress figures as GraphQL types."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency, requires
from gateway.schema import paging
from gateway.schema.operations.roles import PUBLISHED, require_published


class ProgressFigures(graphene.ObjectType):
    planned = graphene.Int(required=True)
    done = graphene.Int(required=True)
    with_findings = graphene.Int(required=True)


class OutcomeCount(graphene.ObjectType):
    outcome = graphene.String(required=True, description="A decision outcome, or UNDECIDED.")
    count = graphene.Int(required=True)


OutcomeCountConnection = paging.connection(OutcomeCount)


class ReportFigures(graphene.ObjectType):
    entities_inspected = graphene.Int(required=True)
    inspections = graphene.Int(required=True)
    violations_found = graphene.Int(required=True)
    cases_opened = graphene.Int(required=True)
    officers_involved = graphene.Int(required=True)


class AgencyFigures(ReportFigures):
    agency = graphene.Field(Agency, required=True)
    cases_by_outcome = paging.field(OutcomeCountConnection)

    @requires(*PUBLISHED)
    def resolve_cases_by_outcome(figures, info, first=None, after=None, offset=None):
        return paging.from_list(OutcomeCountConnection, [
            {"outcome": k, "count": v} for k, v in figures["cases_by_outcome"].items()],
            first, after, offset)


AgencyFiguresConnection = paging.connection(AgencyFigures)


class JointReport(graphene.ObjectType):
    operation_id = graphene.ID(required=True)
    by_agency = paging.field(AgencyFiguresConnection)
    totals = graphene.Field(ReportFigures, required=True)
    tasks = graphene.Field(ProgressFigures, required=True)
    alerts = graphene.Int(required=True, description="Alerts raised while it ran.")
    html = graphene.String(required=True, description="The report as a standalone HTML "
                                                      "document with an inline SVG chart.")

    @requires(*PUBLISHED)
    def resolve_operation_id(report, info):
        return report["operation"]["operation_id"]

    @requires(*PUBLISHED)
    def resolve_by_agency(report, info, first=None, after=None, offset=None):
        return paging.from_list(AgencyFiguresConnection, [
            {"agency": k, **v} for k, v in report["by_agency"].items()], first, after, offset)

    @requires(*PUBLISHED)
    def resolve_html(report, info):
        return info.context.services.operations.report_html(report["operation"]["operation_id"])


def fetch_report(info, op: dict) -> dict:
    require_published(info, op)
    return info.context.services.operations.report(op["operation_id"])
