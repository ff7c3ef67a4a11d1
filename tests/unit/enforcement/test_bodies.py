"""Bodies and delegated powers: which body files, and whether it holds the power that day
(the first and the last day of a delegation are in force, the days around them are not)."""
import datetime as dt

import pytest

from services.common.errors import DomainError
from services.enforcement.domain import bodies, cases

from .builders import CULTURE, cafe, party_of, team

SH = dt.timezone(dt.timedelta(hours=8))
FIRST, LAST = dt.date(2026, 3, 1), dt.date(2026, 6, 30)
NOW = dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc)


def township():
    return bodies.new_body("b1", CULTURE, " 浉河区老城街道办事处 ", "SUB_DISTRICT", "浉河区", NOW)[0]


def delegated(last=LAST, code="NETCAFE_ADMITS_MINORS", existing=()):
    return bodies.delegate("p1", township(), CULTURE, code, FIRST, last, "信文广旅〔2023〕15号",
                           existing, NOW)[0]


def file(body, powers, day, hour=0, code="NETCAFE_ADMITS_MINORS"):
    at = dt.datetime.combine(day, dt.time(hour), SH)     # a Shanghai civil day
    return cases.file_case("c1", cafe(), party_of(cafe()), team(), at, CULTURE, code,
                           body=body, powers=powers)


@pytest.mark.parametrize("day, hour, held", [
    (FIRST - dt.timedelta(days=1), 23, False), (FIRST, 0, True), (LAST, 23, True),
    (LAST + dt.timedelta(days=1), 0, False)])
def test_a_delegation_holds_from_its_first_through_its_last_day(day, hour, held):
    body, powers = township(), [delegated()]
    if held:
        case, raised = file(body, powers, day, hour)
        assert case.body_id == "b1" and case.record[0].data["body_id"] == "b1"
        return
    with pytest.raises(DomainError) as err:
        file(body, powers, day, hour)
    assert err.value.code == "POWER_NOT_HELD" and day.isoformat() in err.value.message


def test_an_ended_delegation_stops_after_its_new_last_day():
    power = delegated(last=None)
    raised = bodies.end_power(power, dt.date(2026, 4, 30), "收回", NOW)
    assert raised[0][1]["effective_until"] == "2026-04-30"
    file(township(), [power], dt.date(2026, 4, 30), 23)
    with pytest.raises(DomainError):
        file(township(), [power], dt.date(2026, 5, 1))
    with pytest.raises(DomainError) as err:          # only shortened, never lengthened
        bodies.end_power(power, dt.date(2026, 5, 2), "", NOW)
    assert err.value.code == "INVALID_INPUT"


def test_the_agency_holds_its_catalogue_and_township_only_the_delegated_code():
    agency = bodies.agency_body(CULTURE)
    assert agency.name == "信阳市文化市场综合行政执法支队"
    file(agency, [], FIRST, code="NETCAFE_NO_ID_CHECK")
    for code in ("NETCAFE_NO_ID_CHECK", None):
        with pytest.raises(DomainError) as err:
            file(township(), [delegated()], FIRST, code=code)
        assert err.value.code == "POWER_NOT_HELD"


@pytest.mark.parametrize("first, last, code", [
    (dt.date(2026, 6, 30), None, "POWER_OVERLAPS"),          # starts on the other's last day
    (dt.date(2026, 1, 1), dt.date(2026, 3, 1), "POWER_OVERLAPS"),
    (dt.date(2026, 7, 1), None, None)])                       # the day after: fine
def test_delegations_of_one_power_do_not_overlap(first, last, code):
    existing = [delegated()]
    try:
        bodies.delegate("p2", township(), CULTURE, "NETCAFE_ADMITS_MINORS", first, last, "doc",
                        existing, NOW)
    except DomainError as err:
        assert err.code == code
    else:
        assert code is None


@pytest.mark.parametrize("body, kind, code", [
    (bodies.agency_body(CULTURE), None, "INVALID_INPUT"),     # the agency holds by law
    (None, None, "UNKNOWN_VIOLATION"), (None, "", "INVALID_INPUT")])
def test_delegation_input_refused(body, kind, code):
    with pytest.raises(DomainError) as err:
        bodies.delegate("p", body or township(), CULTURE,
                        "NOPE" if code == "UNKNOWN_VIOLATION" else "NETCAFE_ADMITS_MINORS",
                        FIRST, None, "doc" if kind is None else kind, [], NOW)
    assert err.value.code == code


def test_filing_body_from_the_claim_or_the_officers():
    known = {"CULTURE": bodies.agency_body(CULTURE), "b1": township()}
    members = {"o1": "b1", "o2": "b1"}
    assert bodies.filing_body("b1", known, members, ["o1", "o2"], "CULTURE").id == "b1"
    assert bodies.filing_body(None, known, members, ["o1", "o2"], "CULTURE").id == "b1"
    assert bodies.filing_body(None, known, members, ["o1", "o3"], "CULTURE").id == "CULTURE"
    for claim, code in (("b1", "OFFICER_NOT_IN_BODY"), ("b9", "UNKNOWN_BODY")):
        with pytest.raises(DomainError) as err:
            bodies.filing_body(claim, known, members, ["o1", "o3"], "CULTURE")
        assert err.value.code == code
    with pytest.raises(DomainError):
        bodies.new_body("b2", CULTURE, "支队", "AGENCY", "", NOW)


# ---- the annual figure 权力下放 (delegatedPowers): in force on 31 December, each power once
def _power(pid, body, code, first, last=None):
    return bodies.Power(id=pid, body_id=body, agency="CULTURE", violation_code=code,
                        effective_from=first, delegated_from="CULTURE", document_no="15号",
                        granted_at=NOW, effective_until=last)


DEC31, JAN1 = dt.date(2025, 12, 31), dt.date(2026, 1, 1)


@pytest.mark.parametrize("first, last, counted", [
    (DEC31, None, 1),                       # starts on 31 December: in force that day
    (JAN1, None, 0),                        # starts on 1 January: next year's
    (dt.date(2025, 3, 1), DEC31, 1),        # its last day is 31 December
    (dt.date(2025, 3, 1), DEC31 - dt.timedelta(days=1), 0)])   # ended on the 30th
def test_a_delegated_power_counts_when_in_force_on_31_december(first, last, counted):
    assert bodies.delegated_power_count([_power("p1", "b1", "A", first, last)], DEC31) \
        == counted


def test_a_power_delegated_to_every_township_counts_once():
    # the report's "5项…处罚权下放到中心城区各乡镇、办事处": 5 powers, however many bodies
    powers = [_power(f"p{b}{c}", f"b{b}", c, dt.date(2025, 3, 1))
              for b in range(5) for c in "ABCDE"]
    assert bodies.delegated_power_count(powers, DEC31) == 5
