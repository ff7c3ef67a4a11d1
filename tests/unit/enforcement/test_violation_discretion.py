"""The decision form's discretion: the catalogue's ranges and the lists in force that day."""
import pytest

from services.common.errors import DomainError
from services.enforcement.domain.catalogue import catalogue_for
from services.enforcement.powers import violation_discretion

CULTURE = ("CULTURE", catalogue_for("CULTURE"))


def _by_circumstance(answer):
    return {r["circumstance"]: r for r in answer["ranges"]}


def test_each_circumstance_has_its_range_and_the_lists_decide_what_is_allowed():
    answer = violation_discretion(*CULTURE, "NETCAFE_ADMITS_MINORS", "2024-03-01")
    ranges = _by_circumstance(answer)
    assert list(ranges) == ["MITIGATED", "LIGHTER", "STANDARD", "HEAVIER"]
    assert (ranges["LIGHTER"]["min"], ranges["LIGHTER"]["max"]) == (2_000, 5_000)
    assert ranges["MITIGATED"]["allowed"] and ranges["STANDARD"]["list"] is None
    assert answer["no_penalty_listed"] is False     # not on the 不予处罚 list

    other = _by_circumstance(violation_discretion(*CULTURE, "UNAUTHORISED_SATELLITE_RECEIVER",
                                                  "2024-03-01"))
    assert other["MITIGATED"]["allowed"] is False and other["MITIGATED"]["list"] == "MITIGATED"
    assert other["LIGHTER"]["allowed"] is True


def test_before_the_lists_existed_no_circumstance_needing_one_is_allowed():
    ranges = _by_circumstance(violation_discretion(*CULTURE, "NETCAFE_ADMITS_MINORS",
                                                   "2022-12-31"))
    assert not ranges["LIGHTER"]["allowed"] and not ranges["MITIGATED"]["allowed"]
    assert ranges["HEAVIER"]["allowed"]


@pytest.mark.parametrize("code, day, error", [("NO_SUCH_THING", None, "UNKNOWN_VIOLATION"),
                                              ("NETCAFE_ADMITS_MINORS", "2024-13-01",
                                               "INVALID_INPUT")])
def test_bad_input_is_refused_with_its_code(code, day, error):
    with pytest.raises(DomainError) as refused:
        violation_discretion(*CULTURE, code, day)
    assert refused.value.code == error
