"""The annual rule-of-law report (年度法治政府建设工作情况报告) as a document: its composition,
pure. The year's figures (gateway.schema.figures.collect) and the platforms' state go in;
the title, the sections with the figures in their sentences (the source report's
wording: "持证执法人员数量达到44人"), the tables and the charts' bars come out. Rendering
(HTML with SVG, PDF, xlsx) is gateway/annual_document.py's; nothing here does I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from services.contracts.vocabulary import (AGENCY_NAMES, NOT_CONFIGURED, PLATFORM_TARGETS,
                                           SANCTION_LABELS)


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list]


@dataclass
class Chart:
    title: str
    bars: list[tuple[str, int]]
    unit: str = ""


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class Report:
    title: str
    agency: str
    year: int
    intro: str
    sections: list[Section]


def coverage_text(figures: dict) -> str:
    """覆盖率 as the report says it, or 未配置 when the platform is not configured."""
    if not figures.get("inspection_platform_configured"):
        return NOT_CONFIGURED
    share = figures.get("inspections_reported_coverage")
    return "—" if share is None else f"{share * 100:.0f}%"


def _activities(figures: dict) -> dict:
    return {a["kind"]: a["count"] for a in figures.get("activities", [])}


def _sanctions(figures: dict) -> dict:
    return {s["measure"]: s["count"] for s in figures.get("sanctions", [])}


def _work(f: dict, acts: dict) -> list[str]:
    """一、工作开展情况和成效: one paragraph per line of work, in the source's order."""
    n = (lambda kind: acts.get(kind, 0))
    return [
        f"一是严格履行法治建设第一责任人职责。全年共召开{n('MEETING')}次会议专题研究法治政府建设。",
        f"二是常态化开展学法普法活动。全年集中学法{n('STUDY_SESSION')}次，开展普法宣传活动"
        f"{n('PUBLICITY_EVENT')}场，组织法治建设培训{n('TRAINING')}次；通过官方媒体平台发布"
        f"行政处罚典型案例{f['typical_cases_published']}个。",
        f"三是持续做好放权赋能工作。将{f['delegated_powers']}项行政执法处罚权下放到乡镇（街道）行使。",
        f"四是健全完善“双随机、一公开”监管机制。开展跨部门“双随机、一公开”联合抽查"
        f"{f['cross_department_draws']}次；组织开展双随机抽查行动{f['draw_batches']}批共计"
        f"{f['draws']}次，抽取执法人员{f['inspectors_drawn']}人次，抽查主体{f['entities_drawn']}家次。",
        f"五是加强行政规范性文件备案审查。全年备案行政规范性文件{n('NORMATIVE_DOCUMENT_FILED')}个；"
        f"清理行政规范性文件{n('NORMATIVE_DOCUMENT_CLEARED')}个，保留{n('NORMATIVE_DOCUMENT_KEPT')}个。",
        f"六是组织开展公平竞争审查。对{n('FAIR_COMPETITION_REVIEW')}个政策性文件进行公平竞争审查。",
        f"七是推进服务型行政执法建设。共办理行政指导案件{f['administrative_guidance_cases']}起，"
        f"行政调解案件{f['mediation_cases']}起；对初次违法且危害后果轻微并及时改正的，落实首违不罚"
        f"要求，共办理{f['first_violation_waivers']}件不予行政处罚案件。",
        _accountability(f),
        f"九是深化联合执法。与交通运输等部门开展联合执法行动{f['joint_operations']}次。",
        f"十是持续提升政务服务水平。政务服务事项精简为{n('GOVERNMENT_SERVICE_ITEM')}项。",
    ]


def _accountability(f: dict) -> str:
    if f.get("inspection_platform_configured"):
        entered = (f"通过河南省“互联网+监管系统”录入行政检查信息{f['inspections_reported']}条，"
                   f"覆盖率{coverage_text(f)}")
    else:
        entered = (f"全年行政检查{f['inspections_recorded']}次，向河南省“互联网+监管系统”"
                   f"报送：{NOT_CONFIGURED}")
    late = (f"（另有{f['decisions_published_late']}起逾期公示）"
            if f.get("decisions_published_late") else "")
    return (f"八是全面落实行政执法责任制。法制审核行政处罚案件{f['legally_reviewed_cases']}件，"
            f"严格执行行政执法全过程记录制度，{entered}，并在法定期限内对办理的"
            f"{f['decisions_published']}起行政处罚案件予以公示{late}，其中"
            f"{f['major_cases_filed_with_justice']}起重大行政处罚案件严格履行法制审核程序，"
            f"及时向市司法局备案。组织新进{f['new_officers_passed_exams']}名队员参加专业法律知识和"
            f"公共法律知识考试并顺利通过，持证执法人员数量达到{f['certified_officers']}人。")


def _responsibility(f: dict) -> Section:
    s = _sanctions(f)
    measures = "、".join(f"{label}{s.get(code, 0)}人次" for code, label in SANCTION_LABELS.items())
    return Section("二、行政执法责任追究", [
        f"全年认定违法或者不当行政执法行为{f['findings']}起，给予{measures}。"],
        tables=[Table("问责情况", ["处理方式", "人次"],
                      [[label, s.get(code, 0)] for code, label in SANCTION_LABELS.items()])])


def _platform_rows(platforms: list[dict]) -> list[list]:
    rows = []
    for p in platforms:
        name = PLATFORM_TARGETS.get(p["platform"], ("", p["platform"]))[1].split(" / ")[0]
        if not p["configured"]:
            rows.append([name, NOT_CONFIGURED, "—", "—", "—"])
        else:
            rows.append([name, "已配置", p["delivered"], p["pending"] + p["failed"],
                         p["overdue"]])
    return rows


FIGURE_ROWS = (  # (label, figure, unit)
    ("持证执法人员", "certified_officers", "人"),
    ("新进人员通过考试", "new_officers_passed_exams", "人"),
    ("法制审核行政处罚案件", "legally_reviewed_cases", "件"),
    ("法定期限内公示行政处罚案件", "decisions_published", "起"),
    ("逾期公示", "decisions_published_late", "起"),
    ("重大行政处罚案件向司法局备案", "major_cases_filed_with_justice", "起"),
    ("首违不罚", "first_violation_waivers", "件"),
    ("行政指导案件", "administrative_guidance_cases", "起"),
    ("行政调解案件", "mediation_cases", "起"),
    ("典型案例", "typical_cases_published", "个"),
    ("行政检查", "inspections_recorded", "次"),
    ("报送互联网+监管系统", "inspections_reported", "条"),
    ("双随机抽查批次", "draw_batches", "批"),
    ("抽查次数", "draws", "次"),
    ("抽取执法人员", "inspectors_drawn", "人次"),
    ("抽查主体", "entities_drawn", "家次"),
    ("跨部门联合抽查", "cross_department_draws", "次"),
    ("下放行政处罚权", "delegated_powers", "项"),
    ("联合执法行动", "joint_operations", "次"),
)


def figure_rows(f: dict) -> list[list]:
    rows = []
    for label, key, unit in FIGURE_ROWS:
        value = f[key]
        if key == "inspections_reported" and not f.get("inspection_platform_configured"):
            value = NOT_CONFIGURED
        rows.append([label, value, unit])
    rows.append(["行政检查信息覆盖率", coverage_text(f), ""])
    return rows


def compose(figures: dict, platforms: list[dict]) -> Report:
    """The report of `figures` (one agency, one year; gateway.schema.figures.collect) and
    the platforms' state (delivery.platform_overview)."""
    f, year = figures, figures["year"]
    unit = AGENCY_NAMES.get(f["agency"], f["agency"])
    cases = Chart("行政执法案件情况", [
        ("法制审核", f["legally_reviewed_cases"]), ("按时公示", f["decisions_published"]),
        ("重大案件备案", f["major_cases_filed_with_justice"]),
        ("首违不罚", f["first_violation_waivers"]),
        ("行政指导", f["administrative_guidance_cases"]), ("行政调解", f["mediation_cases"])],
        "件")
    draws = Chart("“双随机、一公开”抽查情况", [
        ("抽查批次", f["draw_batches"]), ("抽查次数", f["draws"]),
        ("跨部门联合抽查", f["cross_department_draws"])], "次")
    return Report(
        title=f"{unit}{year}年度法治政府建设工作情况报告", agency=f["agency"], year=year,
        intro=(f"{year}年，{unit}深入学习贯彻习近平法治思想，扎实做好年度法治政府建设工作，"
               "现将工作情况汇报如下（数据由系统根据业务记录统计，统计期间为"
               f"{year}年1月1日至12月31日，北京时间）："),
        sections=[
            Section("一、工作开展情况和成效", _work(f, _activities(f)), charts=[cases, draws]),
            _responsibility(f),
            Section("三、主要数据", tables=[Table("年度法治建设数据", ["指标", "数值", "单位"],
                                               figure_rows(f))]),
            Section("四、记录报送平台情况", [
                "行政检查记录、行政处罚决定和抽查结果依法报送相关平台；未配置的平台不报送，"
                f"相关数据标注为“{NOT_CONFIGURED}”。"],
                tables=[Table("平台报送情况", ["平台", "状态", "已报送", "待报送", "逾期"],
                              _platform_rows(platforms))]),
        ])
