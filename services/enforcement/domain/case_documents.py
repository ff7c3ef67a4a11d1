"""Reasoned documents (说理式文书) composed from a case, in Chinese: the notice of rights
(行政处罚事先告知书), the penalty decision (行政处罚决定书), the no-penalty decision
(不予行政处罚决定书) and the guidance letter (行政指导书).

Each states the party, the facts, the evidence, the legal basis, the discretion reasoning
(which circumstance and why), the measure, and the party's remedies with their deadlines.
Composition is pure (a `Composed` of sections); `render_html` makes the page the PDF is
printed from (services.common.pdf, at the edge).
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from services.common.clock import local_date
from services.common.errors import DomainError
from services.contracts.vocabulary import CASE_DOCUMENT_KINDS
from services.enforcement.domain import case_model as m
from services.enforcement.domain import lists

RIGHTS_NOTICE, PENALTY_DECISION, NO_PENALTY_DECISION, GUIDANCE_LETTER = CASE_DOCUMENT_KINDS
# Config knobs: the deadlines the documents state (the laws' defaults)
STATEMENT_DAYS = 5         # 陈述、申辩 after receiving the notice
HEARING_DAYS = 5           # 听证 request (APL art. 64)
PAYMENT_DAYS = 15          # paying a fine (APL art. 67)
RECONSIDERATION_DAYS = 60  # 行政复议 (Administrative Reconsideration Law art. 20)
LITIGATION_MONTHS = 6      # 行政诉讼 (Administrative Litigation Law art. 46)
HEARING_FINE = {True: 10_000, False: 100_000}  # a fine this large (person/organisation)
TITLES = {RIGHTS_NOTICE: "行政处罚事先告知书", PENALTY_DECISION: "行政处罚决定书",
          NO_PENALTY_DECISION: "不予行政处罚决定书", GUIDANCE_LETTER: "行政指导书"}
_WORDS = {RIGHTS_NOTICE: "罚告", PENALTY_DECISION: "罚决", NO_PENALTY_DECISION: "不罚",
          GUIDANCE_LETTER: "指导"}
# the outcome each decision document states
OUTCOMES = {PENALTY_DECISION: ("PENALTY",),
            NO_PENALTY_DECISION: ("NO_PENALTY_FIRST_VIOLATION", "NO_PENALTY_NOT_ESTABLISHED"),
            GUIDANCE_LETTER: ("ADMINISTRATIVE_GUIDANCE",)}
CIRCUMSTANCES_ZH = {"MITIGATED": "减轻处罚", "LIGHTER": "从轻处罚", "STANDARD": "一般情节",
                    "HEAVIER": "从重处罚"}
MEASURES_ZH = {"WARNING": "警告", "CONFISCATION": "没收违法所得、非法财物",
               "LICENCE_SUSPENSION": "暂扣许可证件", "LICENCE_REVOCATION": "吊销许可证件",
               "CLOSURE_ORDER": "责令停产停业"}
EVIDENCE_ZH = {"PHOTO": "照片", "VIDEO": "视频", "AUDIO": "录音", "DOCUMENT": "书证",
               "VIDEO_INTERVIEW": "视频询问笔录"}
# every document states these parts, in this order (a unit test checks each kind)
PARTS = ("party", "facts", "evidence", "legal_basis", "discretion", "measure", "remedies")
HEADINGS = {"party": "当事人", "facts": "违法事实", "evidence": "证据",
            "legal_basis": "法律依据", "discretion": "自由裁量说理", "measure": "处理内容",
            "remedies": "权利救济及期限"}
_NO_PENALTY_BASIS = "《中华人民共和国行政处罚法》第三十三条第一款"
_NOT_ESTABLISHED_BASIS = "《中华人民共和国行政处罚法》第五十七条第一款第三项"
_GUIDANCE_BASIS = "《中华人民共和国行政处罚法》第三十三条第三款（对当事人进行教育）"


@dataclass(frozen=True)
class Composed:
    kind: str
    title: str
    number: str                               # 文号
    issuer: str                               # the agency (or body) issuing it
    issued_on: dt.date
    parts: tuple[tuple[str, tuple[str, ...]], ...]  # (part, paragraphs), PARTS order

    def part(self, name: str) -> tuple[str, ...]:
        return dict(self.parts).get(name, ())


def _refuse(message: str):
    raise DomainError("DOCUMENT_NOT_AVAILABLE", message, ["input", "kind"])


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _draft_for(case: m.Case, kind: str, proposal: m.DecisionDraft | None) -> m.DecisionDraft:
    if kind == RIGHTS_NOTICE:
        if case.state == m.FILED:
            _refuse("the notice of rights follows the investigation: start it first")
        if case.decision is not None and proposal is None:
            return case.decision.draft
        reviewed = case.last_review("DECISION")
        found = proposal or (reviewed.proposal if reviewed else None)
        if found is None or found.outcome != "PENALTY":
            _refuse("the notice of rights states a proposed penalty: give the proposal")
        return found
    if case.decision is None:
        _refuse(f"case {case.id} is not decided yet")
    if case.decision.draft.outcome not in OUTCOMES[kind]:
        _refuse(f"case {case.id} was decided {case.decision.draft.outcome}; "
                f"a {kind} states one of {', '.join(OUTCOMES[kind])}")
    return case.decision.draft


def _party(case: m.Case, address: str | None) -> tuple[str, ...]:
    p = case.party
    out = [f"当事人：{p.name}"]
    if p.natural_person:
        out.append(f"身份证件号码：{p.id_number or '（未登记）'}")
    else:
        out.append(f"统一社会信用代码：{p.registration_no or '（未登记）'}")
    if address:
        out.append(f"地址：{address}")
    return tuple(out)


def _facts(case, draft, title, filed_on) -> tuple[str, ...]:
    out = [f"{_cn_date(filed_on)}，本机关对当事人涉嫌{title}一案立案调查（案号：{case.id}）。"]
    if case.inspection_id:
        out.append(f"本案源于行政检查（检查编号：{case.inspection_id}）。")
    if draft.outcome == "NO_PENALTY_NOT_ESTABLISHED":
        out.append("经调查，当事人违法事实不能成立。")
    else:
        out.append(f"经调查，当事人存在{title}的行为。")
    return tuple(out)


def _evidence(evidence: list[dict], references: list[str]) -> tuple[str, ...]:
    out = [f"{n}. {EVIDENCE_ZH.get(e['kind'], e['kind'])}：{e['filename']}"
           f"（SHA-256 {e['sha256'][:16]}…）" for n, e in enumerate(evidence, 1)]
    start = len(out)
    out += [f"{start + n}. 案卷材料：{ref}" for n, ref in enumerate(references, 1)]
    return tuple(out) or ("本案现场检查笔录及调查材料。",)


def _basis(draft, basis) -> tuple[str, ...]:
    if draft.outcome == "NO_PENALTY_FIRST_VIOLATION":
        return (f"违法行为适用：{basis}。", f"不予处罚依据：{_NO_PENALTY_BASIS}"
                "（初次违法且危害后果轻微并及时改正的，可以不予行政处罚）。")
    if draft.outcome == "NO_PENALTY_NOT_ESTABLISHED":
        return (f"{_NOT_ESTABLISHED_BASIS}（违法事实不能成立的，不予行政处罚）。",)
    if draft.outcome == "ADMINISTRATIVE_GUIDANCE":
        return (f"违法行为适用：{basis}。", f"指导依据：{_GUIDANCE_BASIS}。")
    return (f"{basis}。",)


def _discretion(draft, catalogue, violation, on: dt.date, proposed: bool = False
                ) -> tuple[str, ...]:
    if draft.outcome == "NO_PENALTY_FIRST_VIOLATION":
        listed = lists.listed(catalogue, lists.NO_PENALTY, violation.code, on) \
            if violation else None
        return ("当事人系初次违法，危害后果轻微，并已及时改正，符合“首违不罚”的条件"
                + ("，且该违法行为列入本机关不予处罚清单" if listed else "") + "。",
                f"理由：{draft.reason or '以上情形经调查核实。'}")
    if draft.outcome == "NO_PENALTY_NOT_ESTABLISHED":
        return ("违法事实不能成立，不适用自由裁量。",)
    if draft.outcome == "ADMINISTRATIVE_GUIDANCE":
        return ("违法行为情节轻微，本机关依据包容审慎监管的要求，采取行政指导方式，"
                "督促当事人自行纠正。", f"理由：{draft.reason or '当事人有改正意愿。'}")
    circumstance = draft.circumstance or "STANDARD"
    out = [f"裁量情节：{CIRCUMSTANCES_ZH.get(circumstance, circumstance)}。"]
    if violation and draft.fine is not None:
        low, high = violation.ranges[circumstance]
        out.append(f"依照本机关自由裁量基准，该情节对应罚款幅度为{low}元至{high}元，"
                   f"本案{'拟' if proposed else ''}罚款{draft.fine}元在该幅度内。")
    if circumstance in lists.CIRCUMSTANCE_LIST:
        out.append(f"该违法行为列入本机关{lists.TITLES[lists.CIRCUMSTANCE_LIST[circumstance]]}。")
    out.append(f"理由：{draft.reason or '综合违法行为的事实、性质、情节及社会危害程度确定。'}")
    return tuple(out)


def _measure(kind, draft) -> tuple[str, ...]:
    if draft.outcome == "PENALTY":
        items = ([f"罚款人民币{draft.fine}元"] if draft.fine is not None else []) + [
            MEASURES_ZH.get(x, x) for x in draft.measures]
        lead = "本机关拟作出如下行政处罚：" if kind == RIGHTS_NOTICE else "本机关决定给予如下行政处罚："
        out = [lead + "；".join(items) + "。"]
        if kind == PENALTY_DECISION and draft.fine:
            out.append(f"当事人应当自收到本决定书之日起{PAYMENT_DAYS}日内缴纳罚款；到期不缴纳的，"
                       "每日按罚款数额的百分之三加处罚款。")
        return tuple(out)
    if draft.outcome == "ADMINISTRATIVE_GUIDANCE":
        return ("本机关建议当事人立即纠正上述行为，建立健全内部管理制度，并在十个工作日内书面"
                "报告整改情况。",)
    return ("本机关决定对当事人不予行政处罚。", "当事人应当引以为戒，依法经营。")


def _remedies(kind, draft, person: bool) -> tuple[str, ...]:
    review = (f"如不服本{'决定' if kind != GUIDANCE_LETTER else '机关的相关行政行为'}，"
              f"可以自收到本文书之日起{RECONSIDERATION_DAYS}日内向本级人民政府申请行政复议，"
              f"或者在{LITIGATION_MONTHS}个月内依法向人民法院提起行政诉讼。")
    if kind == RIGHTS_NOTICE:
        out = [f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条，当事人有权进行陈述和"
               f"申辩，请于收到本告知书之日起{STATEMENT_DAYS}日内提出；逾期视为放弃。"]
        big = draft.fine is not None and draft.fine >= HEARING_FINE[person]
        if big or set(draft.measures) & {"LICENCE_REVOCATION", "CLOSURE_ORDER",
                                         "LICENCE_SUSPENSION"}:
            out.append(f"根据该法第六十三条、第六十四条，当事人有权要求听证，请于收到本告知书"
                       f"之日起{HEARING_DAYS}日内提出。")
        out.append("作出处罚决定后，" + review)
        return tuple(out)
    if kind == PENALTY_DECISION:
        return (review, "行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。")
    if kind == GUIDANCE_LETTER:
        return ("本指导书不具有强制执行力；当事人对指导内容有异议的，可以向本机关陈述意见。",
                review)
    return (review,)


def compose(case: m.Case, kind: str, catalogue, issued_at: dt.datetime, *,
            evidence: list[dict] = (), references: list[str] = (), address: str | None = None,
            issuer: str | None = None, proposal: m.DecisionDraft | None = None) -> Composed:
    """The document of `kind` for `case` as of `issued_at`; DOCUMENT_NOT_AVAILABLE when the
    case is not where that document belongs (not decided, decided another way, ...)."""
    if kind not in CASE_DOCUMENT_KINDS:
        raise DomainError("INVALID_INPUT", f"kind must be one of {CASE_DOCUMENT_KINDS}",
                          ["input", "kind"])
    draft = _draft_for(case, kind, proposal)
    code = draft.violation_code or case.violation_code or ""
    violation = catalogue.violations.get(code)
    title, basis = catalogue.violations_zh.get(code) or (
        (violation.title, violation.legal_basis) if violation else ("违法行为", "有关法律法规"))
    day = local_date(issued_at)
    parts = {
        "party": _party(case, address),
        "facts": _facts(case, draft, title, local_date(case.filed_at)),
        "evidence": _evidence(list(evidence), list(references)),
        "legal_basis": _basis(draft, basis),
        "discretion": _discretion(draft, catalogue, violation, day, kind == RIGHTS_NOTICE),
        "measure": _measure(kind, draft),
        "remedies": _remedies(kind, draft, case.party.natural_person),
    }
    issuer = issuer or catalogue.name or case.agency
    number = f"{issuer[:2]}{_WORDS[kind]}字〔{day.year}〕{case.id.rsplit('-', 1)[-1]}号"
    return Composed(kind, TITLES[kind], number, issuer, day,
                    tuple((p, parts[p]) for p in PARTS))


def missing_parts(doc: Composed) -> list[str]:
    """The required parts a composed document lacks (none, for every kind: tested)."""
    return [p for p in PARTS if not any(line.strip() for line in doc.part(p))]


def render_html(doc: Composed) -> str:
    """The page of the document (escaped text; A4 and fonts come from the PDF renderer)."""
    e = html.escape
    sections = "\n".join(
        f'<section class="{name}"><h2>{HEADINGS[name]}</h2>'
        + "".join(f"<p>{e(line)}</p>" for line in lines) + "</section>"
        for name, lines in doc.parts)
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(doc.title)} {e(doc.number)}</title>
<style>
h1 {{ text-align: center; font-size: 20pt; margin: 0 0 4pt; letter-spacing: 2pt; }}
.issuer {{ text-align: center; font-size: 14pt; margin: 0; }}
.number {{ text-align: right; margin: 6pt 0 12pt; }}
h2 {{ font-size: 12pt; margin: 10pt 0 2pt; }}
p {{ margin: 2pt 0; text-indent: 2em; }}
.sign {{ text-align: right; margin-top: 24pt; }}
</style></head><body>
<p class="issuer">{e(doc.issuer)}</p>
<h1>{e(doc.title)}</h1>
<p class="number">{e(doc.number)}</p>
{sections}
<p class="sign">{e(doc.issuer)}（印章）<br>{_cn_date(doc.issued_on)}</p>
</body></html>"""
