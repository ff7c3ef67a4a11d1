"""Every type, field, argument and input field that graded sanctions, reasoned documents,
evidence, typical cases and complaints added to the schema has a description."""
import services.common.runtime  # noqa: F401,I001

from gateway.schema import build_schema

SCHEMA = build_schema().graphql_schema
TYPES = ["Complaint", "ComplaintPayload", "SubmitComplaintInput", "AcknowledgeComplaintInput",
         "OpenFindingFromComplaintInput", "ComplaintOrigin", "ComplaintStatus", "EvidenceFile",
         "VideoInterview", "CaseDocument", "TypicalCase", "CaseDocumentPayload",
         "TypicalCasePayload", "IssueCaseDocumentInput", "MarkTypicalCaseInput",
         "EvidenceKind", "CaseDocumentKind", "FaultForm", "HarmLevel", "GravityLevel"]
FIELDS = ["Finding.faultForm", "Finding.harm", "Finding.gravity", "Finding.proposedMeasure",
          "Finding.complaintId", "Sanction.proposedMeasure", "Sanction.departureReason",
          "FindingInput.faultForm", "FindingInput.harm", "FindingInput.gravity",
          "SanctionInput.reason", "EnforcementCase.evidence", "EnforcementCase.documents",
          "EnforcementCase.typicalSummary", "Inspection.evidenceFiles", "RecordCheck.fileId",
          "RecordCheck.reason", "AnnualFigures.typicalCasesPublished"]
ROOTS = {"Query": ["typicalCases", "complaints", "overdueComplaints"],
         "Mutation": ["submitComplaint", "acknowledgeComplaint", "openFindingFromComplaint",
                      "issueCaseDocument", "markTypicalCase"]}
SHARED_ARGS = {"input", "agency", "first", "after"}  # described once where they are defined


def test_every_new_part_of_the_schema_is_described():
    missing = []
    for name in TYPES:
        t = SCHEMA.type_map[name]
        missing += [name] * (not t.description)
        for field_name, f in getattr(t, "fields", {}).items():
            missing += [f"{name}.{field_name}"] * (not f.description)
    for path in FIELDS:
        type_name, field_name = path.split(".")
        missing += [path] * (not SCHEMA.type_map[type_name].fields[field_name].description)
    for root, names in ROOTS.items():
        for name in names:
            f = SCHEMA.type_map[root].fields[name]
            missing += [f"{root}.{name}"] * (not f.description)
            missing += [f"{root}.{name}({a})" for a, arg in f.args.items()
                        if not arg.description and a not in SHARED_ARGS]
    assert missing == [], missing
