"""Each context's collections are declared classes (grep finds `CultureCase`), and
`bind(context)` hands back exactly those, with the collection, alias and indexes the
Store builds at start (the table below is what `bind` made with `type()` before)."""
import pytest

from services.enforcement import documents

COLLECTIONS = {
    "Entity": ("EntityDoc", "entities", [["category", "name"], "risk_level"]),
    "Inspection": ("InspectionDoc", "inspections",
                   [["entity_id", "-performed_at"], "operation_id", "performed_at"]),
    "Case": ("CaseDoc", "cases", [["state", "decision_due"], "entity_id", "operation_id",
                                  "-filed_at", "legal_reviews.reviewed_at",
                                  "justice_filing.filed_at", "publication.published_at",
                                  "decision.decided_at", "typical.marked_at"]),
    "Conflict": ("ConflictDoc", "conflicts", ["entity_id"]),
    "Task": ("TaskDoc", "tasks", ["operation_id"]),
    "Body": ("BodyDoc", "bodies", []),
    "Power": ("PowerDoc", "powers", [["body_id", "violation_code"]]),
    "Membership": ("MembershipDoc", "memberships", ["body_id"]),
    "Evidence": ("EvidenceDoc", "evidence", [["subject_id", "attached_at"]]),
    "CaseDocument": ("CaseDocumentDoc", "case_documents", [["case_id", "issued_at"]]),
    "FileChunk": ("FileChunkDoc", "file_chunks", [["files_id", "n"]]),
}


@pytest.mark.parametrize("context", ["culture", "transport"])
def test_every_collection_of_a_context_is_its_declared_class(context):
    bound = documents.bind(context)
    assert set(vars(bound)) == set(COLLECTIONS)
    for name, (base, collection, indexes) in COLLECTIONS.items():
        cls = getattr(bound, name)
        assert cls.__name__ == f"{context.title()}{name}"
        assert getattr(documents, cls.__name__) is cls     # declared in the module
        assert cls.__bases__ == (getattr(documents, base),)
        meta = cls._meta
        assert (meta["collection"], meta["db_alias"]) == (collection, context)
        assert meta["index_specs"] == cls._build_index_specs(indexes)
        assert meta.get("auto_create_index") is False and not meta.get("abstract")
    assert documents.bind(context) is bound                      # made once
