"""The joint report as one standalone HTML page in Chinese with an inline SVG bar chart;
dates are civil dates in Asia/Shanghai. The gateway serves it as HTML and renders the same
page as PDF (services/common/pdf.py).

No scripts, styles or images from elsewhere: the page is archived and mailed as is.
Every piece of text is escaped, because names and areas are typed in by planners.
"""
from __future__ import annotations

import datetime as dt
from html import escape

from services.common.clock import local_date, parse_day, parse_instant
from services.contracts.vocabulary import (AGENCY_NAMES, OPERATION_STATUS_LABELS,
                                           OUTCOME_LABELS)

_SERIES = (("entities_inspected", "检查主体", "#3b6ea5"),
           ("violations_found", "发现违法", "#c0504d"),
           ("cases_opened", "立案", "#9bbb59"))
_COLUMNS = (("entities_inspected", "检查主体（家）"), ("inspections", "行政检查（次）"),
            ("violations_found", "发现违法（次）"), ("cases_opened", "立案（件）"),
            ("officers_involved", "参与执法人员（人）"))
_BAR, _GAP, _LABEL, _WIDTH = 16, 10, 190, 300


def _agency(code: str) -> str:
    return AGENCY_NAMES.get(code, code)


def chinese_date(value) -> str:
    """An ISO moment (or date) as its civil date in Asia/Shanghai: 2023年7月1日."""
    if not value:
        return "—"
    if isinstance(value, str):
        value = parse_instant(value) if "T" in value else parse_day(value)
    day = local_date(value) if isinstance(value, dt.datetime) else value
    return f"{day.year}年{day.month}月{day.day}日"


def _chart(by_agency: dict) -> str:
    """Horizontal bars: one group per agency, one bar per series."""
    peak = max([a[k] for a in by_agency.values() for k, _, _ in _SERIES] + [1])
    group = len(_SERIES) * _BAR + _GAP
    height = max(1, len(by_agency)) * group + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_LABEL + _WIDTH + 60}" '
             f'height="{height}" role="img" aria-label="各单位执法数据">']
    for g, (agency, figures) in enumerate(by_agency.items()):
        top = g * group
        parts.append(f'<text x="0" y="{top + _BAR * 2}" font-size="11">'
                     f'{escape(_agency(agency))}</text>')
        for s, (key, label, colour) in enumerate(_SERIES):
            y, width = top + s * _BAR, round(_WIDTH * figures[key] / peak)
            parts.append(f'<rect x="{_LABEL}" y="{y}" width="{width}" height="{_BAR - 2}" '
                         f'fill="{colour}"><title>{escape(label)}: {figures[key]}</title></rect>'
                         f'<text x="{_LABEL + width + 4}" y="{y + _BAR - 4}" font-size="11">'
                         f'{figures[key]}</text>')
    legend_y = height - 8
    for s, (_key, label, colour) in enumerate(_SERIES):
        x = s * 120
        parts.append(f'<rect x="{x}" y="{legend_y - 10}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="{legend_y}" font-size="11">{escape(label)}</text>')
    return "".join(parts) + "</svg>"


def _outcomes(counts: dict) -> str:
    return "，".join(f"{OUTCOME_LABELS.get(k, k)} {v} 件" for k, v in counts.items()) or "—"


def render_report_html(report: dict) -> str:
    """`report` as returned by joint_report -> a complete HTML document."""
    op = report["operation"]
    head = "".join(f"<th>{escape(label)}</th>" for label in ("执法单位",) + tuple(
        label for _, label in _COLUMNS))
    rows = "".join(
        "<tr><th>" + escape(_agency(agency)) + "</th>"
        + "".join(f"<td>{figures[c]}</td>" for c, _ in _COLUMNS)
        + "<td>" + escape(_outcomes(figures["cases_by_outcome"])) + "</td></tr>"
        for agency, figures in report["by_agency"].items())
    totals = "".join(f"<td>{report['totals'][c]}</td>" for c, _ in _COLUMNS)
    tasks = report["tasks"]
    facts = [("执法依据", op["legal_basis"]), ("牵头单位", _agency(op["lead_agency"])),
             ("参与单位", "、".join(_agency(a) for a in op["agencies"])),
             ("行动状态", OPERATION_STATUS_LABELS.get(op["status"], op["status"])),
             ("行动时间", f"{chinese_date(op['starts_at'])} 至 {chinese_date(op['ends_at'])}"),
             ("行动区域", "、".join(op["areas"])), ("行动目标", "；".join(op["objectives"])),
             ("检查任务", f"共 {tasks['planned']} 项，已完成 {tasks['done']} 项，"
                         f"其中 {tasks['with_findings']} 项发现问题")]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(op['name'])} 联合执法行动报告</title>"
        "<style>body{margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:4px 8px;text-align:right}"
        "dt{font-weight:bold}</style></head><body>"
        f"<h1>{escape(op['name'])}</h1><p>联合执法行动报告</p><dl>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in facts)
        + f"</dl><table><thead><tr>{head}<th>案件办理结果</th></tr></thead>"
        f"<tbody>{rows}</tbody><tfoot><tr><th>合计</th>{totals}<td></td></tr></tfoot></table>"
        f"<figure>{_chart(report['by_agency'])}<figcaption>各单位执法数据</figcaption>"
        "</figure></body></html>\n")
