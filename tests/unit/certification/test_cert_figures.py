"""The certification figures at their year boundary (Asia/Shanghai): certified on 31
December, and the second passed law exam falling in the year."""
import datetime as dt

from services.certification import domain as cd
from services.certification.domain.figures import annual_figures
from services.common.clock import LOCAL_TZ, as_of_year_end

from .cert_helpers import VALID_ID, utc

LAST = dt.datetime(2023, 12, 31, 23, 59, tzinfo=LOCAL_TZ)
FIRST = dt.datetime(2024, 1, 1, 0, 0, tzinfo=LOCAL_TZ)


def officer(officer_id, exam_days=(dt.date(2022, 3, 1), dt.date(2022, 4, 1))):
    record, _ = cd.register_officer(officer_id=officer_id, name="Li Wei", agency="CULTURE",
                                    id_number=VALID_ID, now=utc(2022, 1, 1))
    for exam, day in zip(("PUBLIC_LAW", "PROFESSIONAL_LAW"), exam_days):
        record, _ = cd.record_exam(record, exam=exam, score=75, taken_on=day, now=utc(2025, 1, 1))
    return record


def certify(record, at: dt.datetime, until=dt.date(2028, 1, 1)):
    record, _ = cd.issue_certificate(record, domains=["CULTURE_MARKET"],
                                     valid_from=at.date(), valid_until=until, sequence=1,
                                     now=at, effective_at=at)
    return record


def figures(records, year):
    return annual_figures(records, year, as_of_year_end(year, utc(2030, 1, 1)))


def test_certified_on_31_december_not_from_1_january():
    suspended_last_minute, _ = cd.suspend_certificate(
        certify(officer("a"), dt.datetime(2022, 5, 1, tzinfo=LOCAL_TZ)), now=LAST,
        effective_at=LAST, reason="investigation")
    issued_first_minute = certify(officer("b"), FIRST)
    expired_with_the_year = certify(officer("c"), dt.datetime(2022, 5, 1, tzinfo=LOCAL_TZ),
                                    until=dt.date(2023, 12, 31))
    records = [suspended_last_minute, issued_first_minute, expired_with_the_year]
    assert figures(records, 2022)["certified_officers"] == 2   # a and c
    assert figures(records, 2023)["certified_officers"] == 1   # c, to its last day
    assert figures(records, 2024)["certified_officers"] == 1   # b


def test_the_current_year_counts_as_of_now():
    record = certify(officer("a"), dt.datetime(2024, 6, 1, tzinfo=LOCAL_TZ))
    assert annual_figures([record], 2024, dt.datetime(2024, 5, 1, tzinfo=LOCAL_TZ))[
        "certified_officers"] == 0


def test_new_officers_by_the_day_of_their_second_passed_exam():
    second_on_31_december = officer("a", (dt.date(2023, 6, 1), dt.date(2023, 12, 31)))
    second_on_1_january = officer("b", (dt.date(2023, 12, 31), dt.date(2024, 1, 1)))
    veteran = officer("c")
    failed_once = officer("d", (dt.date(2023, 12, 30), dt.date(2023, 12, 31)))
    failed_once, _ = cd.record_exam(failed_once, exam="PUBLIC_LAW", score=30,
                                    taken_on=dt.date(2023, 12, 1), now=utc(2025, 1, 1))
    records = [second_on_31_december, second_on_1_january, veteran, failed_once]
    assert figures(records, 2023)["new_officers_passed_exams"] == 2   # a and d
    assert figures(records, 2024)["new_officers_passed_exams"] == 1   # b
