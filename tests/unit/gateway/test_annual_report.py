"""The annual report's composition (pure): the source report's figures land in its
sentences, an unconfigured platform says 未配置 rather than 0%, the charts are well-formed
SVG and the workbook reads back."""
import io
import xml.dom.minidom

from openpyxl import load_workbook

from gateway import annual_document
from gateway.annual_report import compose, coverage_text

FIGURES_2023 = {  # the source report's year (DOMAIN.md)
    "year": 2023, "agency": "CULTURE", "certified_officers": 44,
    "new_officers_passed_exams": 13, "legally_reviewed_cases": 71, "decisions_published": 65,
    "decisions_published_late": 0, "major_cases_filed_with_justice": 24,
    "first_violation_waivers": 8, "administrative_guidance_cases": 3, "mediation_cases": 1,
    "typical_cases_published": 11, "inspections_recorded": 1024, "inspections_reported": 1024,
    "inspection_platform_configured": True, "inspections_reported_coverage": 1.0,
    "draw_batches": 14, "draws": 229, "inspectors_drawn": 20294, "entities_drawn": 6755,
    "cross_department_draws": 1, "delegated_powers": 5, "findings": 2, "joint_operations": 2,
    "sanctions": [{"measure": "CRITICISM_EDUCATION", "count": 1}],
    "activities": [{"kind": "MEETING", "count": 6}, {"kind": "PUBLICITY_EVENT", "count": 28}]}
PLATFORMS = [
    {"platform": "SUPERVISION_INSPECTIONS", "configured": True, "delivered": 1024,
     "pending": 0, "failed": 0, "overdue": 0},
    {"platform": "CREDIT_PORTAL", "configured": False, "delivered": 0, "pending": 0,
     "failed": 0, "overdue": 0}]


def text_of(report) -> str:
    return "\n".join([report.title, report.intro] + [p for s in report.sections
                                                     for p in s.paragraphs])


def test_the_figures_are_in_the_source_reports_sentences():
    report = compose(FIGURES_2023, PLATFORMS)
    text = text_of(report)
    assert report.title == "市文化市场综合行政执法支队2023年度法治政府建设工作情况报告"
    for sentence in ("持证执法人员数量达到44人", "组织新进13名队员", "法制审核行政处罚案件71件",
                     "对办理的65起行政处罚案件予以公示", "其中24起重大行政处罚案件",
                     "共办理8件不予行政处罚案件", "行政指导案件3起", "行政调解案件1起",
                     "录入行政检查信息1024条，覆盖率100%", "双随机抽查行动14批共计229次",
                     "抽取执法人员20294人次，抽查主体6755家次", "将5项行政执法处罚权下放",
                     "发布行政处罚典型案例11个", "共召开6次会议", "普法宣传活动28场",
                     "给予批评教育1人次"):
        assert sentence in text, sentence
    assert [s.heading[:2] for s in report.sections] == ["一、", "二、", "三、", "四、"]


def test_an_unconfigured_platform_says_not_configured_never_zero_percent():
    figures = dict(FIGURES_2023, inspection_platform_configured=False, inspections_reported=0,
                   inspections_reported_coverage=None)
    report = compose(figures, PLATFORMS)
    text = text_of(report)
    assert "未配置 / not configured" in text and "0%" not in text
    assert coverage_text(figures) == "未配置 / not configured"
    rows = {r[0]: r for s in report.sections for t in s.tables for r in t.rows}
    assert rows["报送互联网+监管系统"][1] == "未配置 / not configured"
    assert rows["信用信阳"][1:] == ["未配置 / not configured", "—", "—", "—"]
    assert rows["河南省互联网+监管系统（行政检查）"][1:] == ["已配置", 1024, 0, 0]


def test_html_has_well_formed_svg_charts_and_escapes_text():
    page = annual_document.html(compose(FIGURES_2023, PLATFORMS))
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    charts = page.split("<svg")[1:]
    assert len(charts) == 2
    for chart in charts:
        xml.dom.minidom.parseString("<svg" + chart[:chart.index("</svg>") + 6])
    assert "20294" not in charts[0] and "229次" in charts[1]


def test_the_workbook_reads_back():
    book = load_workbook(io.BytesIO(annual_document.xlsx(compose(FIGURES_2023, PLATFORMS))))
    assert book.sheetnames[0] == "报告" and "年度法治建设数据" in book.sheetnames
    sentences = [row[0] for row in book["报告"].iter_rows(values_only=True)]
    assert any("持证执法人员数量达到44人" in (s or "") for s in sentences)
    table = {r[0]: r[1] for r in book["年度法治建设数据"].iter_rows(values_only=True)}
    assert table["持证执法人员"] == 44 and table["抽取执法人员"] == 20294
