"""Reasoned documents (说理式文书): each kind states every required part (party, facts,
evidence, legal basis, discretion reasoning, measure, remedies with deadlines), refuses a
case it does not belong to, and escapes what the case holds."""
import pytest

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain import case_documents as docs

from .builders import CULTURE, TRANSPORT, advance_to, at, driver, new_case, penalty

EVIDENCE = [{"kind": "PHOTO", "filename": "现场照片.jpg", "sha256": "ab" * 32},
            {"kind": "VIDEO_INTERVIEW", "filename": "询问.mp4", "sha256": "cd" * 32}]


def _decided(draft, catalogue=CULTURE, entity=None):
    case = new_case(entity=entity, catalogue=catalogue)
    advance_to(case, m.DECIDED, draft=draft, catalogue=catalogue)
    return case


WAIVER = m.DecisionDraft("NO_PENALTY_FIRST_VIOLATION", violation_code="NETCAFE_NO_ID_CHECK",
                         first_violation=True, minor_harm=True, corrected_in_time=True,
                         reason="当日即补登记全部上网人员")
GUIDANCE = m.DecisionDraft("ADMINISTRATIVE_GUIDANCE", violation_code="VENUE_OUTSIDE_HOURS")
FINE = penalty(3_000, "LIGHTER", "NETCAFE_ADMITS_MINORS")


@pytest.mark.parametrize("kind,draft,expect", [
    (docs.PENALTY_DECISION, FINE, ["行政处罚决定书", "罚款人民币3000元", "15日内缴纳",
                                   "第三十一条", "从轻处罚", "2000元至5000元", "从轻处罚清单",
                                   "60日内", "6个月内"]),
    (docs.NO_PENALTY_DECISION, WAIVER, ["不予行政处罚决定书", "第三十三条第一款", "首违不罚",
                                        "不予处罚清单", "当日即补登记", "60日内"]),
    (docs.GUIDANCE_LETTER, GUIDANCE, ["行政指导书", "娱乐场所在规定时间以外营业",
                                      "不具有强制执行力", "60日内"]),
])
def test_each_decision_document_states_every_required_part(kind, draft, expect):
    case = _decided(draft)
    doc = docs.compose(case, kind, CULTURE, at(9), evidence=EVIDENCE, references=["询问笔录1份"])
    assert docs.missing_parts(doc) == []
    assert [p for p, _ in doc.parts] == list(docs.PARTS)
    text = docs.render_html(doc)
    for part in docs.PARTS:
        assert docs.HEADINGS[part] in text
    for phrase in expect + ["Star Net Cafe Co.", "91320100MA1ABCDE1X", "现场照片.jpg",
                            "视频询问笔录", "询问笔录1份", case.id, CULTURE.name]:
        assert phrase in text, phrase
    assert doc.number.endswith("号") and "〔2026〕" in doc.number


def test_the_notice_of_rights_states_the_proposal_and_the_hearing_right():
    case = new_case(catalogue=CULTURE)
    advance_to(case, m.RIGHTS_NOTIFIED)
    with pytest.raises(DomainError) as err:
        docs.compose(case, docs.RIGHTS_NOTICE, CULTURE, at(3))
    assert err.value.code == "DOCUMENT_NOT_AVAILABLE"
    big = penalty(12_000, "HEAVIER", measures=("LICENCE_REVOCATION",))
    doc = docs.compose(case, docs.RIGHTS_NOTICE, CULTURE, at(3), proposal=big)
    text = docs.render_html(doc)
    assert docs.missing_parts(doc) == []
    for phrase in ("行政处罚事先告知书", "拟作出", "罚款人民币12000元", "吊销许可证件",
                   "陈述和申辩", "5日内", "要求听证", "从重处罚"):
        assert phrase in text, phrase
    small = docs.render_html(docs.compose(case, docs.RIGHTS_NOTICE, CULTURE, at(3),
                                          proposal=FINE))
    assert "要求听证" not in small          # a small fine: no hearing right


def test_a_document_the_case_does_not_fit_is_refused():
    filed = new_case()
    for kind in docs.CASE_DOCUMENT_KINDS:
        with pytest.raises(DomainError) as err:
            docs.compose(filed, kind, CULTURE, at(1), proposal=FINE)
        assert err.value.code == "DOCUMENT_NOT_AVAILABLE", kind
    fined = _decided(FINE)
    for kind in (docs.NO_PENALTY_DECISION, docs.GUIDANCE_LETTER):
        with pytest.raises(DomainError) as err:
            docs.compose(fined, kind, CULTURE, at(9))
        assert "PENALTY" in err.value.message


def test_a_natural_person_is_named_in_full_and_markup_is_escaped():
    case = _decided(penalty(800, "LIGHTER", "DRIVER_WITHOUT_QUALIFICATION"), TRANSPORT,
                    driver())
    case.decision.draft.reason = "<script>alert(1)</script>"
    text = docs.render_html(docs.compose(case, docs.PENALTY_DECISION, TRANSPORT, at(9)))
    assert "张三" in text and "身份证件号码" in text          # the party's own document
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "驾驶人员未取得道路运输从业资格" in text and TRANSPORT.name in text
