"""The joint report as one standalone HTML page with an inline SVG bar chart.

No scripts, styles or images from elsewhere: the page is archived and mailed as is.
Every piece of text is escaped, because names and areas are typed in by planners.
"""
from __future__ import annotations

from html import escape

_SERIES = (("entities_inspected", "Entities inspected", "#3b6ea5"),
           ("violations_found", "Violations found", "#c0504d"),
           ("cases_opened", "Cases opened", "#9bbb59"))
_COLUMNS = ("entities_inspected", "inspections", "violations_found", "cases_opened",
            "officers_involved")
_BAR, _GAP, _LABEL, _WIDTH = 16, 10, 110, 360


def _chart(by_agency: dict) -> str:
    """Horizontal bars: one group per agency, one bar per series."""
    peak = max([a[k] for a in by_agency.values() for k, _, _ in _SERIES] + [1])
    group = len(_SERIES) * _BAR + _GAP
    height = max(1, len(by_agency)) * group + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_LABEL + _WIDTH + 60}" '
             f'height="{height}" role="img" aria-label="Figures by agency">']
    for g, (agency, figures) in enumerate(by_agency.items()):
        top = g * group
        parts.append(f'<text x="0" y="{top + _BAR * 2}" font-size="12">{escape(agency)}</text>')
        for s, (key, label, colour) in enumerate(_SERIES):
            y, width = top + s * _BAR, round(_WIDTH * figures[key] / peak)
            parts.append(f'<rect x="{_LABEL}" y="{y}" width="{width}" height="{_BAR - 2}" '
                         f'fill="{colour}"><title>{escape(label)}: {figures[key]}</title></rect>'
                         f'<text x="{_LABEL + width + 4}" y="{y + _BAR - 4}" font-size="11">'
                         f'{figures[key]}</text>')
    legend_y = height - 8
    for s, (_key, label, colour) in enumerate(_SERIES):
        x = s * 150
        parts.append(f'<rect x="{x}" y="{legend_y - 10}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="{legend_y}" font-size="11">{escape(label)}</text>')
    return "".join(parts) + "</svg>"


def render_report_html(report: dict) -> str:
    """`report` as returned by joint_report -> a complete HTML document."""
    op = report["operation"]
    head = "".join(f"<th>{escape(c.replace('_', ' '))}</th>" for c in ("agency",) + _COLUMNS)
    rows = "".join(
        "<tr><th>" + escape(agency) + "</th>"
        + "".join(f"<td>{figures[c]}</td>" for c in _COLUMNS)
        + "<td>" + escape(", ".join(f"{k}: {v}" for k, v in figures["cases_by_outcome"].items()))
        + "</td></tr>"
        for agency, figures in report["by_agency"].items())
    totals = "".join(f"<td>{report['totals'][c]}</td>" for c in _COLUMNS)
    tasks = report["tasks"]
    facts = [("Legal basis", op["legal_basis"]), ("Lead agency", op["lead_agency"]),
             ("Agencies", ", ".join(op["agencies"])), ("Status", op["status"]),
             ("Window", f"{op['starts_at']} – {op['ends_at']}"),
             ("Areas", ", ".join(op["areas"])), ("Objectives", "; ".join(op["objectives"])),
             ("Tasks", f"{tasks['done']} of {tasks['planned']} done, "
                       f"{tasks['with_findings']} with findings")]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(op['name'])}</title>"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:4px 8px;text-align:right}</style></head><body>"
        f"<h1>{escape(op['name'])}</h1><dl>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in facts)
        + f"</dl><table><thead><tr>{head}<th>cases by outcome</th></tr></thead>"
        f"<tbody>{rows}</tbody><tfoot><tr><th>total</th>{totals}<td></td></tr></tfoot></table>"
        f"<figure>{_chart(report['by_agency'])}<figcaption>Figures by agency</figcaption>"
        "</figure></body></html>\n")
