"""The facts a roster list narrows by (domain.listing_facts) say what a replay says once
every entry has taken effect, and name the moment from which that holds."""
import datetime as dt

from services.certification import domain as cd

from .cert_helpers import VALID_ID, utc

NOW = utc(2026, 3, 2, 2)


def certified():
    record, _ = cd.register_officer(officer_id="o1", name="张伟", agency="CULTURE",
                                    id_number=VALID_ID, now=NOW)
    for exam in ("PUBLIC_LAW", "PROFESSIONAL_LAW"):
        record, _ = cd.record_exam(record, exam=exam, score=85, taken_on=dt.date(2026, 1, 5),
                                   now=NOW)
    record, _ = cd.issue_certificate(record, domains=["CULTURE_MARKET"],
                                     valid_from=dt.date(2026, 3, 1),
                                     valid_until=dt.date(2027, 2, 28), sequence=1, now=NOW)
    return record


def test_facts_of_a_certified_officer_are_what_the_officer_view_shows():
    record = certified()
    facts, view = cd.listing_facts(record), cd.officer_view(record, NOW)
    assert facts == {"settled": NOW, "status": view["status"], "domains": ["CULTURE_MARKET"],
                     "lifecycle": "VALID", "until": "2027-02-28", "review_base": "2026-03-02"}


def test_a_future_effective_suspension_is_in_the_facts_and_settles_them_later():
    later = NOW + dt.timedelta(days=10)
    record, _ = cd.suspend_certificate(certified(), now=NOW, effective_at=later,
                                       reason="待查")
    facts = cd.listing_facts(record)
    # until `settled` the stored facts are not what a list may trust (it replays then)
    assert facts["settled"] == later and facts["lifecycle"] == "SUSPENDED"
    assert cd.officer_view(record, NOW)["certificate"]["status"] == "VALID"
    assert cd.officer_view(record, later)["certificate"]["status"] == "SUSPENDED"


def test_an_officer_without_a_certificate_has_no_certificate_facts():
    record, _ = cd.register_officer(officer_id="o2", name="李娜", agency="CULTURE",
                                    id_number=VALID_ID, now=NOW)
    facts = cd.listing_facts(record)
    assert (facts["until"], facts["lifecycle"], facts["domains"]) == (None, None, [])
