from services.certification import domain as cd

from .cert_helpers import VALID_ID, utc


def test_round_trip_through_dicts(certified):
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 2, 1), reason="x")
    doc = record.to_dict()
    assert cd.OfficerRecord.from_dict(doc) == record
    # MongoDB hands datetimes back naive (UTC): still the same record.
    for entry in doc["history"]:
        entry["effective_at"] = entry["effective_at"].replace(tzinfo=None)
    assert cd.OfficerRecord.from_dict(doc) == record


def test_history_is_in_effective_order(certified):
    record, _ = cd.suspend_certificate(certified, now=utc(2026, 5, 1), effective_at=utc(2025, 12, 20))
    kinds = [(e["kind"], e["effective_at"]) for e in cd.history(record)]
    assert kinds[-2:] == [("CERTIFICATE_ISSUED", "2025-12-15T02:00:00+00:00"),
                          ("CERTIFICATE_SUSPENDED", "2025-12-20T00:00:00+00:00")]
    assert cd.history(record)[-1]["recorded_at"] == "2026-05-01T00:00:00+00:00"


def test_officer_view_masks_id_for_other_callers(certified):
    view = cd.officer_view(certified, utc(2026, 3, 1))
    assert view["id_number"] == "110*************2X"
    assert view["certificate"]["status"] == "VALID" and view["status"] == "ACTIVE"
    assert view["certificate"]["next_review_due"] == "2026-12-15"
    assert cd.officer_view(certified, utc(2026, 3, 1), admin_of=["TRANSPORT"])["id_number"] != VALID_ID
    assert cd.visible_id_number(certified, ["CULTURE"]) == VALID_ID
    assert cd.officer_view(certified, utc(2027, 3, 1))["certificate"]["status"] == "EXPIRED"
    assert cd.officer_view(certified, utc(2025, 12, 1))["certificate"] is None
