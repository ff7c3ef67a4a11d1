import re
import xml.dom.minidom

from services.operations.domain import joint_report, render_report_html

from .conftest import planned

INSPECTIONS = [
    {"inspection_id": "i1", "agency": "CULTURE", "entity_id": "cafe", "officer_ids": ["c1", "c2"],
     "violation_found": True, "operation_id": "op1"},
    {"inspection_id": "i2", "agency": "CULTURE", "entity_id": "cafe", "officer_ids": ["c1", "c3"],
     "violation_found": False, "operation_id": "op1"},
    {"inspection_id": "i3", "agency": "TRANSPORT", "entity_id": "coach", "officer_ids": ["t1", "t2"],
     "violation_found": True},
    {"inspection_id": "i4", "agency": "TRANSPORT", "entity_id": "other", "officer_ids": ["t9"],
     "violation_found": True, "operation_id": "op-other"},
]
CASES = [{"case_id": "k1", "agency": "CULTURE", "outcome": "FINE", "officer_ids": ["c1", "c4"]},
         {"case_id": "k2", "agency": "CULTURE", "outcome": None, "officer_ids": ["c1"]},
         {"case_id": "k3", "agency": "TRANSPORT", "outcome": "NO_PENALTY_FIRST_VIOLATION",
          "officer_ids": ["t1"]}]


def test_figures_by_agency():
    report = joint_report(planned(), INSPECTIONS, CASES)
    assert report["by_agency"]["CULTURE"] == {
        "entities_inspected": 1, "inspections": 2, "violations_found": 1, "cases_opened": 2,
        "cases_by_outcome": {"FINE": 1, "UNDECIDED": 1}, "officers_involved": 4}
    assert report["by_agency"]["TRANSPORT"]["violations_found"] == 1  # i4 is another operation's
    assert report["totals"] == {"entities_inspected": 2, "inspections": 3, "violations_found": 2,
                                "cases_opened": 3, "officers_involved": 6}


def test_html_is_standalone_and_escapes_names():
    op = planned()
    op.name = "<script>alert('x')</script> & co"
    op.areas = ['"><img src=x onerror=alert(1)>']
    page = render_report_html(joint_report(op, INSPECTIONS, CASES))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    svg = page[page.index("<svg"):page.index("</svg>") + 6]
    xml.dom.minidom.parseString(svg)  # well-formed inline SVG
    assert svg.count("<rect") == 2 * 3 + 3  # two agencies x three series + legend


def test_empty_report_renders():
    page = render_report_html(joint_report(planned(), [], []))
    assert "共 0 项，已完成 0 项" in page
