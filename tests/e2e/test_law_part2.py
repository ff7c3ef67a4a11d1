"""The law as the bureau applies it, part 2, through the real gateway: reasoned documents
generated from a case with their hashes in its record (editing a stored file breaks the
record check), evidence uploads (one over its limit refused), a typical case on the
public list and in the annual figures; a public complaint that opens a graded finding, a
sanction departing from the proposal only with a written reason, the overdue list."""
import datetime as dt
import hashlib
from pathlib import Path

import httpx
import pymongo
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services.common.pdf import first_page_png, pdf_text
from tests.e2e.test_enforcement import CU_OFFICER, LEGAL, call, review, step
from tests.integration.test_enforcement_support import certify

pytestmark = pytest.mark.e2e
TEAM = '["c1", "c2"]'
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(2000)
MP4 = b"\x00\x00\x00\x18ftypisom" + bytes(4000)
OUT = Path(__file__).resolve().parents[2] / "var" / "documents"
DOC = "document { id kind number title pdfSha256 htmlSha256 pdfUrl htmlUrl issuedBy { subject } }"


@pytest.fixture
def stack(start_services, service_config):
    start_services("certification", "culture", "accountability", "draws", "operations",
                   "delivery")
    with ClusterRpcProxy(service_config) as rpc:
        for seq, oid in enumerate(("c1", "c2")):
            certify(rpc.certification, oid, "CULTURE", seq)
        yield rpc


def _cafe(gql, reg):
    return call(gql, "registerEnforcementEntity", {
        "agency": "CULTURE", "registrationNo": f'"{reg}"', "category": "INTERNET_CAFE",
        "name": '"星空网吧有限公司"', "licence": '"NC-001"', "address": '"信阳市浉河区民权路1号"'},
        CU_OFFICER, "entity { id }")["entity"]["id"]


def _file(gql, entity_id, code, kind="PENALTY", inspection=None):
    extra = {"inspectionId": f'"{inspection}"'} if inspection else {}
    return call(gql, "fileCase", {"agency": "CULTURE", "entityId": f'"{entity_id}"',
                                  "officerIds": TEAM, "violationCode": f'"{code}"',
                                  "kind": kind, **extra}, CU_OFFICER, "case { id }")[
        "case"]["id"]


def _issue(gql, case_id, kind, **extra):
    args = {"caseId": f'"{case_id}"', "kind": kind, **extra}
    return call(gql, "issueCaseDocument", args, CU_OFFICER, DOC)["document"]


def _upload(base, token, subject, kind, name, data, **form):
    return httpx.post(f"{base}/evidence", headers={"Authorization": f"Bearer {token}"},
                      data={"subjectId": subject, "kind": kind, **form},
                      files={"file": (name, data, "application/octet-stream")}, timeout=60)


def _get(base, token, path) -> httpx.Response:
    return httpx.get(f"{base}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=30)


def _png(kind, pdf: bytes):
    first_page_png(pdf, OUT / f"{kind.lower()}.png")


def test_documents_evidence_and_a_typical_case(stack, gql, gateway_url, token, mongo_uri,
                                               db_prefix):
    base, officer = gateway_url.rsplit("/graphql", 1)[0], token("enforcement_officer",
                                                                 agency="CULTURE", sub="c1")
    cafe = _cafe(gql, "91411500MA9CAFE01X")
    inspection = call(gql, "recordInspection", {
        "agency": "CULTURE", "entityId": f'"{cafe}"', "officerIds": TEAM, "findings":
        '[{description: "two minors at terminals", violationCode: "NETCAFE_ADMITS_MINORS"}]'},
        CU_OFFICER, "inspection { id }")["inspection"]["id"]
    case_id = _file(gql, cafe, "NETCAFE_ADMITS_MINORS", inspection=inspection)

    # evidence: a photo of the case, a video interview of the inspection; one too large
    photo = _upload(base, officer, case_id, "PHOTO", "现场照片.jpg", JPEG,
                    description="终端区两名未成年人")
    assert photo.status_code == 201, photo.text
    interview = _upload(base, officer, inspection, "VIDEO_INTERVIEW", "询问录像.mp4", MP4,
                        participants=["c1", "c2", "店长王某"],
                        startedAt="2026-03-02T10:00:00+08:00")
    assert interview.status_code == 201, interview.text
    assert interview.json()["evidence"]["interview"]["participants"] == ["c1", "c2", "店长王某"]
    too_big = _upload(base, officer, case_id, "PHOTO", "big.jpg", JPEG + bytes(8 * 2**20))
    assert too_big.status_code == 413 and too_big.json()["errors"][0]["code"] == \
        "EVIDENCE_TOO_LARGE"
    assert _get(base, officer, f"/evidence/{photo.json()['evidence']['id']}").content == JPEG

    review(gql, case_id, TEAM, CU_OFFICER, "FILING")
    step(gql, "startInvestigation", case_id, TEAM, CU_OFFICER)
    review(gql, case_id, TEAM, CU_OFFICER, "INVESTIGATION_END")
    step(gql, "notifyRights", case_id, TEAM, CU_OFFICER)
    fine = ('{outcome: PENALTY, violationCode: "NETCAFE_ADMITS_MINORS", circumstance: LIGHTER,'
            ' fine: 3000, reason: "当事人主动停止接纳并配合调查"}')
    call(gql, "issueCaseDocument", {"caseId": f'"{case_id}"', "kind": "PENALTY_DECISION"},
         CU_OFFICER, DOC, "DOCUMENT_NOT_AVAILABLE")            # not decided yet
    notice = _issue(gql, case_id, "RIGHTS_NOTICE", proposal=fine)
    review(gql, case_id, TEAM, CU_OFFICER, "DECISION", proposal=fine)
    step(gql, "decideCase", case_id, TEAM, CU_OFFICER, decision=fine)
    decision = _issue(gql, case_id, "PENALTY_DECISION")
    assert decision["title"] == "行政处罚决定书" and decision["number"].endswith("号")

    pdf = _get(base, officer, decision["pdfUrl"])
    assert pdf.headers["content-type"] == "application/pdf"
    assert hashlib.sha256(pdf.content).hexdigest() == decision["pdfSha256"]
    text = pdf_text(pdf.content)
    for phrase in ("行政处罚决定书", "星空网吧有限公司", "罚款人民币3000元", "从轻处罚",
                   "现场照片.jpg", "视频询问笔录", "行政复议", "行政诉讼"):
        assert phrase in text.replace("\n", ""), phrase
    _png("PENALTY_DECISION", pdf.content)
    _png("RIGHTS_NOTICE", _get(base, officer, notice["pdfUrl"]).content)
    html = _get(base, officer, decision["htmlUrl"])
    assert hashlib.sha256(html.content).hexdigest() == decision["htmlSha256"]

    shown = gql(f'{{ enforcementCase(id: "{case_id}") {{ timeline {{ action documents }} '
                f'recordCheck {{ intact }} documents {{ id kind }} evidence {{ kind filename }} '
                f'}} }}', **CU_OFFICER)["data"]["enforcementCase"]
    issued = [e for e in shown["timeline"] if e["action"] == "DOCUMENT_ISSUED"]
    assert [e["documents"] for e in issued] == [[notice["id"]], [decision["id"]]]
    assert [d["kind"] for d in shown["documents"]] == ["RIGHTS_NOTICE", "PENALTY_DECISION"]
    assert {e["kind"] for e in shown["evidence"]} == {"PHOTO", "VIDEO_INTERVIEW"}
    check = f'{{ verifyCaseRecord(id: "{case_id}") {{ intact reason fileId }} }}'
    assert gql(check, **CU_OFFICER)["data"]["verifyCaseRecord"] == {
        "intact": True, "reason": None, "fileId": None}
    # the event names the document
    events = pymongo.MongoClient(mongo_uri)[f"{db_prefix}_culture"]["outbox"]
    sent = events.find_one({"type": "enforcement.case_document_issued.v1",
                            "envelope.payload.document_id": decision["id"]})
    assert sent["envelope"]["payload"]["pdf_sha256"] == decision["pdfSha256"]

    # served, published, marked typical: on the public list and in the year's figures
    step(gql, "attemptService", case_id, TEAM, CU_OFFICER, method="IN_PERSON")
    call(gql, "recordServiceReceipt", {"caseId": f'"{case_id}"', "attemptIndex": 0},
         CU_OFFICER)
    step(gql, "publishDecision", case_id, TEAM, CU_OFFICER)
    marked = call(gql, "markTypicalCase", {"caseId": f'"{case_id}"',
                                           "summary": '"网吧接纳未成年人从轻处罚的说理示范"'},
                  LEGAL, "typicalCase { summary decision { caseId fine } }")["typicalCase"]
    assert marked["decision"] == {"caseId": case_id, "fine": 3000}
    public = gql('{ typicalCases(agency: CULTURE) { totalCount edges { node { summary '
                 'decision { caseId partyName } } } } }', roles=())["data"]["typicalCases"]
    assert public["totalCount"] == 1
    assert public["edges"][0]["node"]["decision"]["caseId"] == case_id
    year = dt.date.today().year
    figures = gql(f'{{ annualFigures(year: {year}, agency: CULTURE) {{ typicalCasesPublished '
                  f'}} }}', roles=("cross_agency",))
    assert figures["data"]["annualFigures"]["typicalCasesPublished"] == 1

    # the other kinds, from summary-procedure cases: a first-violation waiver, guidance
    for code, kind, decision_text in (
            ("NETCAFE_NO_ID_CHECK", "NO_PENALTY_DECISION",
             '{outcome: NO_PENALTY_FIRST_VIOLATION, violationCode: "NETCAFE_NO_ID_CHECK", '
             'firstViolation: true, minorHarm: true, correctedInTime: true}'),
            ("VENUE_OUTSIDE_HOURS", "GUIDANCE_LETTER",
             '{outcome: ADMINISTRATIVE_GUIDANCE, violationCode: "VENUE_OUTSIDE_HOURS"}')):
        other = _file(gql, _cafe(gql, f"91411500MA9{code[:6]}X"), code, "SUMMARY")
        step(gql, "startInvestigation", other, TEAM, CU_OFFICER)
        step(gql, "notifyRights", other, TEAM, CU_OFFICER)
        step(gql, "decideCase", other, TEAM, CU_OFFICER, decision=decision_text)
        made = _issue(gql, other, kind)
        _png(kind, _get(base, officer, made["pdfUrl"]).content)
    assert {p.name for p in OUT.glob("*.png")} >= {
        "guidance_letter.png", "no_penalty_decision.png", "penalty_decision.png",
        "rights_notice.png"}

    # an edited stored file breaks the record check, naming the file
    chunks = pymongo.MongoClient(mongo_uri)[f"{db_prefix}_culture"]["file_chunks"]
    stored = chunks.find_one({"files_id": f"{decision['id']}.pdf", "n": 0})
    raw = bytes(stored["data"])
    tampered = raw[:100] + bytes([raw[100] ^ 0x01]) + raw[101:]   # one bit of one byte
    chunks.update_one({"_id": stored["_id"]}, {"$set": {"data": tampered}})
    assert gql(check, **CU_OFFICER)["data"]["verifyCaseRecord"] == {
        "intact": False, "reason": "FILE_CHANGED", "fileId": f"{decision['id']}.pdf"}


def test_a_public_complaint_opens_a_graded_finding(start_services, service_config, gql,
                                                   mongo_uri, db_prefix):
    start_services("certification", "accountability")
    with ClusterRpcProxy(service_config) as rpc:
        certify(rpc.certification, "c1", "CULTURE", 0)
    received = call(gql, "submitComplaint", {
        "agency": "CULTURE", "description": '"检查时未出示执法证件，态度粗暴"',
        "officerIds": '["c1"]', "contact": '"13800000000"'}, dict(roles=()),
        "complaint { id origin anonymous contact acknowledgeBy status }")["complaint"]
    assert (received["origin"], received["anonymous"], received["contact"]) == (
        "PUBLIC", True, None)
    assert received["acknowledgeBy"] > dt.date.today().isoformat()
    complaint_id = received["id"]
    grades = "faultForm: INTENT, harm: MINOR, gravity: ORDINARY"
    finding = call(gql, "openFindingFromComplaint", {
        "complaintId": f'"{complaint_id}"', "officerId": '"c1"', "faultForm": "INTENT",
        "harm": "MINOR", "gravity": "ORDINARY"}, LEGAL,
        "finding { id source complaintId proposedMeasure faultForm }")["finding"]
    assert finding["source"] == "COMPLAINT" and finding["complaintId"] == complaint_id
    assert (finding["proposedMeasure"], finding["faultForm"]) == ("REMOVAL_FROM_POST", "INTENT")
    assert grades  # the same three grades recordFinding takes
    sanction = {"findingId": f'"{finding["id"]}"', "measure": "OFF_POST_TRAINING"}
    refused = call(gql, "imposeSanction", sanction, LEGAL, "sanction { id }",
                   "SANCTION_REASON_REQUIRED")
    assert "REMOVAL_FROM_POST" in refused["errors"][0]["message"]
    imposed = call(gql, "imposeSanction", {**sanction, "reason": '"初次违规，已当面道歉"'},
                   LEGAL, "sanction { measure proposedMeasure departureReason }")["sanction"]
    assert imposed == {"measure": "OFF_POST_TRAINING", "proposedMeasure": "REMOVAL_FROM_POST",
                       "departureReason": "初次违规，已当面道歉"}

    listed = gql('{ complaints { edges { node { id findingIds overdue } } } }', **LEGAL)
    assert listed["data"]["complaints"]["edges"][0]["node"] == {
        "id": complaint_id, "findingIds": [finding["id"]], "overdue": False}
    overdue = '{ overdueComplaints { id acknowledgeBy } }'
    assert gql(overdue, **LEGAL)["data"]["overdueComplaints"] == []
    # its deadline passed (as if received weeks ago): listed until acknowledged
    db = pymongo.MongoClient(mongo_uri)[f"{db_prefix}_accountability"]
    db["accountability_complaints"].update_one({"_id": complaint_id}, {"$set": {
        "acknowledge_by": (dt.date.today() - dt.timedelta(days=1)).isoformat()}})
    assert [c["id"] for c in gql(overdue, **LEGAL)["data"]["overdueComplaints"]] == [
        complaint_id]
    done = call(gql, "acknowledgeComplaint", {"complaintId": f'"{complaint_id}"',
                                              "acknowledgment": '"已受理，正在核查"'}, LEGAL,
                "complaint { status }")["complaint"]
    assert done["status"] == "ACKNOWLEDGED"
    assert gql(overdue, **LEGAL)["data"]["overdueComplaints"] == []
    denied = gql(overdue, roles=("cross_agency",))
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
