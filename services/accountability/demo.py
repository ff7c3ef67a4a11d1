"""Demo data: three findings against culture officers, one criticism-and-education
sanction (it leaves their qualification alone, so the other demos keep their roster), a
rectification ledger item and a "fixed on the spot" one.

Idempotent: every request carries a fixed request_key, so a second load returns what
the first stored instead of recording it again.
"""
from __future__ import annotations

from services.bus.rpc import unwrap

STAFF = {"sub": "demo-legal-affairs", "roles": ["accountability_officer"], "agency": "CULTURE"}
FINDINGS = [
    ("COMPLAINT", "经营者投诉：执法人员检查前未出示行政执法证件。"),
    ("CASE_REVIEW", "案卷评查发现：案卷缺少告知当事人听证权利的记录。"),
    ("AUDIT", "执法监督检查发现：一份现场检查笔录仅有一名执法人员签名。"),
]


def load(rpc) -> str:
    roster = unwrap(rpc.certification.qualified_roster("CULTURE_MARKET", None, "CULTURE"))
    officers = sorted(r["officer_id"] for r in roster)[:len(FINDINGS)]
    if len(officers) < len(FINDINGS):
        return f"skipped: {len(officers)} qualified culture officers, need {len(FINDINGS)}"
    acc = rpc.accountability
    findings = [unwrap(acc.record_finding({
        "officer_id": officer, "source": source, "description": text,
        "request_key": f"demo:finding:{n}"}, STAFF)) for n, (officer, (source, text))
        in enumerate(zip(officers, FINDINGS))]
    criticism = unwrap(acc.impose_sanction({
        "finding_id": findings[0]["finding_id"], "measure": "CRITICISM_EDUCATION",
        "request_key": "demo:sanction:0"}, STAFF))
    item = unwrap(acc.open_ledger_item({
        "owner": officers[1], "description": "补齐案卷材料，组织执法小组重新学习听证告知程序。", "finding_ids": [findings[1]["finding_id"]],
        "request_key": "demo:ledger:0"}, STAFF))
    spot = unwrap(acc.fix_on_the_spot({
        "owner": officers[2], "description": "第二名执法人员已在现场补签检查笔录。",
        "evidence": ["inspection-record-countersigned.pdf"],
        "finding_ids": [findings[2]["finding_id"]], "request_key": "demo:ledger:1"}, STAFF))
    return (f"{len(findings)} findings, sanction {criticism['measure']}, ledger items "
            f"{item['status']} (due {item['deadline']}) and {spot['status']} on the spot")
