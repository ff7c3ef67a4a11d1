import datetime as dt

import pytest
from hypothesis import given, strategies as st

from services.certification.domain.idnumber import check_digit, mask_id_number, validate_id_number
from services.common.errors import DomainError


def test_known_examples_validate():
    assert check_digit("11010519491231002") == "X"
    assert validate_id_number(" 11010519491231002x ") == "11010519491231002X"


def test_computed_example_validates():
    first17 = "32010619850612301"
    number = first17 + check_digit(first17)
    # weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 give 242; 242 mod 11 = 0 -> "1"
    assert number == "320106198506123011"
    assert validate_id_number(number, today=dt.date(2026, 1, 1)) == number


@pytest.mark.parametrize("bad", [
    "110105194912310021",    # wrong check digit (X expected)
    "11010519491231002",     # 17 characters
    "11010519491231002XX",   # 19 characters
    "11010519490230002X",    # no 30 February (shape ok)
    "440524188001010014",    # the standard's example, born 1880: not a plausible officer
    "01010519491231002X",    # region code cannot start with 0
    "1101051949123100AX",    # letter in the body
    None, 110105194912310020,
])
def test_invalid_numbers(bad):
    with pytest.raises(DomainError) as err:
        validate_id_number(bad)
    assert err.value.code == "INVALID_ID_NUMBER"
    assert err.value.field == ["input", "idNumber"]


def test_birth_date_after_today_is_refused():
    first17 = "11010520300101001"
    with pytest.raises(DomainError):
        validate_id_number(first17 + check_digit(first17), today=dt.date(2026, 1, 1))


def test_mask_keeps_three_and_two():
    assert mask_id_number("11010519491231002X") == "110*************2X"
    assert mask_id_number("1234") == "****"
    assert mask_id_number(None) is None


_body = st.builds(lambda region, born, serial: f"{region}{born:%Y%m%d}{serial:03d}",
                  st.integers(110000, 659999), st.dates(dt.date(1900, 1, 1), dt.date(2020, 12, 31)),
                  st.integers(0, 999))


@given(_body)
def test_any_well_formed_number_with_its_check_digit_validates(first17):
    assert validate_id_number(first17 + check_digit(first17)) == first17 + check_digit(first17)


@given(_body, st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_change_is_caught(first17, pos, delta):
    good = first17 + check_digit(first17)
    changed = str((int(good[pos]) + delta) % 10)
    bad = good[:pos] + changed + good[pos + 1:]
    with pytest.raises(DomainError):
        validate_id_number(bad)
