"""The joint result report and progress figures as GraphQL types."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency, requires
from gateway.schema import paging
from gateway.schema.operations.roles import PUBLISHED, require_published


class ProgressFigures(graphene.ObjectType):
    """Counts of inspection tasks: planned, done, and done with a violation found."""
    planned = graphene.Int(required=True,
                           description="Tasks planned (count).")
    done = graphene.Int(required=True,
                        description="Tasks done: an inspection naming them was recorded.")
    with_findings = graphene.Int(required=True,
                                 description="Tasks whose inspection found a violation.")


class OutcomeCount(graphene.ObjectType):
    """How many of an agency's cases in the operation have one outcome."""
    outcome = graphene.String(required=True, description="A decision outcome, or UNDECIDED.")
    count = graphene.Int(required=True,
                         description="How many cases (count).")


OutcomeCountConnection = paging.connection(OutcomeCount)


class ReportFigures(graphene.ObjectType):
    """Figures of a joint operation's result report, from the inspections and cases linked to it."""
    entities_inspected = graphene.Int(required=True,
                                      description="Distinct entities inspected.")
    inspections = graphene.Int(required=True,
                               description="Inspections recorded for the operation.")
    violations_found = graphene.Int(required=True,
                                    description="Inspections that found a violation.")
    cases_opened = graphene.Int(required=True,
                                description="Cases filed in the operation.")
    officers_involved = graphene.Int(required=True,
                                     description="Distinct officers who took part in those "
                                                 "inspections and cases.")


class AgencyFigures(ReportFigures):
    """One participating agency's figures in the joint result report (an officer of a mixed team
    may count for both agencies)."""
    agency = graphene.Field(Agency, required=True,
                            description="The participating agency these figures are of.")
    cases_by_outcome = paging.field(OutcomeCountConnection,
                                    description="The agency's cases in the operation by decision "
                                                "outcome (UNDECIDED while open).")

    @requires(*PUBLISHED)
    def resolve_cases_by_outcome(figures, info, first=None, after=None, offset=None):
        return paging.from_list(OutcomeCountConnection, [
            {"outcome": k, "count": v} for k, v in figures["cases_by_outcome"].items()],
            first, after, offset)


AgencyFiguresConnection = paging.connection(AgencyFigures)


class JointReport(graphene.ObjectType):
    """The joint result report (联合执法行动成果报告) of an operation: figures by agency and in total, task
    progress, alerts, and a printable HTML version."""
    operation_id = graphene.ID(required=True,
                               description="The operation reported on.")
    by_agency = paging.field(AgencyFiguresConnection,
                             description="Figures per participating agency, by agency.")
    totals = graphene.Field(ReportFigures, required=True,
                            description="Figures over all agencies (officersInvolved counts each "
                                        "officer once).")
    tasks = graphene.Field(ProgressFigures, required=True,
                           description="The operation's task progress in total.")
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
