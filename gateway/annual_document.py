"""The annual report (gateway/annual_report.py's composition) rendered: one standalone
HTML page with inline SVG bar charts (drawn here, no scripts), the same page as PDF
(services/common/pdf.py, the one renderer), and an .xlsx workbook of its sentences and
tables (openpyxl). Every piece of text is escaped."""
from __future__ import annotations

import io
from html import escape

from gateway.annual_report import Chart, Report

_BAR, _LABEL, _WIDTH, _COLOUR = 18, 120, 300, "#3b6ea5"


def svg_chart(chart: Chart) -> str:
    """Horizontal bars, one per (label, value), each with its value written after it."""
    peak = max([v for _, v in chart.bars] + [1])
    height = len(chart.bars) * (_BAR + 6) + 6
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_LABEL + _WIDTH + 70}" '
             f'height="{height}" role="img" aria-label="{escape(chart.title)}">']
    for i, (label, value) in enumerate(chart.bars):
        y, width = 4 + i * (_BAR + 6), round(_WIDTH * value / peak)
        parts.append(
            f'<text x="0" y="{y + _BAR - 5}" font-size="11">{escape(label)}</text>'
            f'<rect x="{_LABEL}" y="{y}" width="{width}" height="{_BAR}" fill="{_COLOUR}">'
            f'<title>{escape(label)}: {value}</title></rect>'
            f'<text x="{_LABEL + width + 4}" y="{y + _BAR - 5}" font-size="11">'
            f'{value}{escape(chart.unit)}</text>')
    return "".join(parts) + "</svg>"


def _table(table) -> str:
    head = "".join(f"<th>{escape(str(h))}</th>" for h in table.header)
    rows = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in table.rows)
    return (f"<table><caption>{escape(table.caption)}</caption><thead><tr>{head}</tr>"
            f"</thead><tbody>{rows}</tbody></table>")


def html(report: Report) -> str:
    body = []
    for section in report.sections:
        body.append(f"<h2>{escape(section.heading)}</h2>")
        body += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
        body += [f"<figure>{svg_chart(c)}<figcaption>{escape(c.title)}</figcaption></figure>"
                 for c in section.charts]
        body += [_table(t) for t in section.tables]
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{escape(report.title)}</title><style>"
            "body{margin:2em;max-width:60em}h1{text-align:center;font-size:18pt}"
            "p{text-indent:2em}table{border-collapse:collapse;margin:1em 0}"
            "td,th{border:1px solid #999;padding:3px 8px}caption{font-weight:bold}"
            "figure{margin:1em 0}figcaption{font-size:10pt;color:#444}</style></head><body>"
            f"<h1>{escape(report.title)}</h1><p>{escape(report.intro)}</p>"
            + "".join(body) + "</body></html>\n")


def pdf(report: Report) -> bytes:
    from services.common.pdf import render_pdf

    return render_pdf(html(report))


def xlsx(report: Report) -> bytes:
    """Sheet 报告: the title, intro and every sentence; one sheet per table."""
    from openpyxl import Workbook

    book = Workbook()
    text = book.active
    text.title = "报告"
    text.append([report.title])
    text.append([report.intro])
    for section in report.sections:
        text.append([section.heading])
        for paragraph in section.paragraphs:
            text.append([paragraph])
    text.column_dimensions["A"].width = 120
    for section in report.sections:
        for table in section.tables:
            sheet = book.create_sheet(table.caption[:31])
            sheet.append(table.header)
            for row in table.rows:
                sheet.append(row)
            sheet.column_dimensions["A"].width = 40
            sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
