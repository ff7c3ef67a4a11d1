"""`annualFigures`: the annual report's numbers of one agency and calendar year
(Asia/Shanghai), computed from the records by the service that owns each of them, one call
per service, joined here. Public figures of a public report: aggregates only."""
from __future__ import annotations

import graphene

from gateway.schema.accountability_types import SanctionMeasure
from gateway.schema.base import Agency, enum_value, requires

READERS = ("planner", "accountability_officer", "certification_admin", "cross_agency")
NOT_YET = " 0 until the records it counts exist (another issue adds them)."


def _count(description: str):
    return graphene.Int(required=True, description=description)


class SanctionMeasureCount(graphene.ObjectType):
    """How many sanctions of one measure took effect in the year."""
    measure = graphene.Field(SanctionMeasure, required=True,
                             description="The accountability measure counted.")
    count = graphene.Int(required=True,
                         description="How many sanctions of it took effect in the year.")


class ActivityCount(graphene.ObjectType):
    """How many rule-of-law activities of one kind the register holds for the year."""
    kind = graphene.String(required=True, description="A RuleOfLawActivityKind.")
    count = graphene.Int(required=True, description="Sum of the entries' quantities.")


class AnnualFigures(graphene.ObjectType):
    """年度法治建设数据: each a count over the calendar year in Asia/Shanghai; for the current
    year, the year so far."""
    year = graphene.Int(required=True,
                        description="The calendar year counted (Asia/Shanghai).")
    agency = graphene.Field(Agency, required=True,
                            description="The agency counted.")
    certified_officers = _count("持证执法人员: officers holding a valid certificate on 31 "
                                "December (now, for the current year).")
    new_officers_passed_exams = _count("新进人员通过考试: officers whose second passed law exam "
                                       "(public law and professional law) fell in the year.")
    legally_reviewed_cases = _count("法制审核案件: cases with an approved legal review in the "
                                    "year, each case once.")
    major_cases_filed_with_justice = _count("重大案件向司法局备案: recorded justice-bureau "
                                            "filings in the year.")
    decisions_published = _count("按时公示: decisions published in the year within the "
                                 "publication deadline.")
    decisions_published_late = _count("逾期公示: decisions published in the year after it.")
    first_violation_waivers = _count("首违不罚: cases decided NO_PENALTY_FIRST_VIOLATION.")
    administrative_guidance_cases = _count("行政指导: cases decided ADMINISTRATIVE_GUIDANCE.")
    mediation_cases = _count("行政调解: cases decided MEDIATION.")
    typical_cases_published = _count("典型案例: published decisions marked typical in the year "
                                     "(markTypicalCase; the public list: typicalCases).")
    inspections_recorded = _count("行政检查: inspections performed in the year.")
    inspections_reported = _count("报送监管平台: the year's inspections delivered to the "
                                  "provincial Internet+ supervision platform, each once (0 "
                                  "when it is not configured: see "
                                  "inspectionPlatformConfigured).")
    inspection_platform_configured = graphene.Boolean(
        required=True, description="Whether the provincial Internet+ supervision platform is "
        "configured (JOINTOPS_PLATFORM_SUPERVISION_INSPECTIONS_URL); when false the coverage "
        "is 未配置 / not configured, not 0%.")
    inspections_reported_coverage = graphene.Float(
        description="覆盖率: inspectionsReported / inspectionsRecorded (0..1); null when the "
                    "platform is not configured or nothing was recorded.")
    draw_batches = _count("抽查批次: draw plans with a draw revealed in the year.")
    draws = _count("抽取次数: draws revealed in the year that the agency took part in.")
    inspectors_drawn = _count("抽取执法人员人次: inspector assignments in those draws.")
    entities_drawn = _count("抽查主体家次: entity selections in those draws.")
    cross_department_draws = _count("跨部门联合抽查: joint-operation draws among them.")
    delegated_powers = _count("权力下放 (delegated powers): penalty powers (violation codes) "
                              "delegated to the agency's township (乡镇) and sub-district (街道) "
                              "bodies and in force on 31 December (today, for the current "
                              "year); a power delegated to several bodies counts once.")
    findings = _count("过错责任认定: findings recorded against the agency's officers.")
    sanctions = graphene.List(graphene.NonNull(SanctionMeasureCount), required=True,
                              description="问责: sanctions taking effect, by measure.")
    joint_operations = _count("联合执法行动: joint operations launched that started in the "
                              "year, counted for every agency that took part.")
    activities = graphene.List(graphene.NonNull(ActivityCount), required=True,
                               description="法治建设活动: the register's entries held in the "
                                           "year, by kind.")


class Query(graphene.ObjectType):
    annual_figures = graphene.Field(AnnualFigures, required=True, year=graphene.Int(
        required=True,
                                                                                    description="The "
                                                                                                "calendar "
                                                                                                "year, "
                                                                                                "2000 "
                                                                                                "to "
                                                                                                "2100 "
                                                                                                "(INVALID_INPUT "
                                                                                                "otherwise)."), agency=graphene.Argument(Agency, required=True,
                                                 description="The agency whose figures are "
                                                             "wanted."),
        description="The annual report's figures, computed from the records.")

    @requires(*READERS)
    def resolve_annual_figures(root, info, year, agency):
        joined = collect(info.context.services, year, enum_value(agency))
        joined["sanctions"] = [SanctionMeasureCount(**s) for s in joined["sanctions"]]
        joined["activities"] = [ActivityCount(**a) for a in joined["activities"]]
        return AnnualFigures(**joined)


def collect(services, year: int, agency: str) -> dict:
    """The year's figures as the services answer them (snake_case), joined: also what the
    annual report document is made of (gateway/reports.py)."""
    # One call per service that owns records; each answers its own figures.
    calls = [services.certification.annual_figures.later(year, agency),
             getattr(services, agency.lower()).annual_figures.later(year),
             services.draws.annual_figures.later(year, agency),
             services.operations.annual_figures.later(year, agency),
             services.accountability.annual_figures.later(year, agency),
             services.delivery.annual_figures.later(year, agency)]
    joined = {k: v for call in calls for k, v in call.result().items()}
    recorded = joined["inspections_recorded"]
    joined["inspections_reported_coverage"] = (
        joined["inspections_reported"] / recorded
        if joined["inspection_platform_configured"] and recorded else None)
    return joined
