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
    ("COMPLAINT", "A venue owner complained that the inspectors did not show their "
                  "enforcement certificates before the inspection."),
    ("CASE_REVIEW", "The case file lacks the record of the notice of the right to be heard."),
    ("AUDIT", "An on-site inspection record was signed by one officer only."),
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
        "owner": officers[1], "description": "Complete the case file and re-train the team "
        "on the hearing notice.", "finding_ids": [findings[1]["finding_id"]],
        "request_key": "demo:ledger:0"}, STAFF))
    spot = unwrap(acc.fix_on_the_spot({
        "owner": officers[2], "description": "Second officer countersigned the record on site.",
        "evidence": ["inspection-record-countersigned.pdf"],
        "finding_ids": [findings[2]["finding_id"]], "request_key": "demo:ledger:1"}, STAFF))
    return (f"{len(findings)} findings, sanction {criticism['measure']}, ledger items "
            f"{item['status']} (due {item['deadline']}) and {spot['status']} on the spot")
