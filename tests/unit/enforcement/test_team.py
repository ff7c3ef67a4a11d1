import pytest

from services.common.errors import DomainError
from services.enforcement.domain.team import check_team


def q(*ids):
    return {i: (True, []) for i in ids}


def test_two_distinct_qualified_officers_pass_in_order():
    assert check_team(["b", "a", "b"], q("a", "b")) == ["b", "a"]


@pytest.mark.parametrize("ids", [[], ["a"], ["a", "a"]])
def test_fewer_than_two_distinct_officers_refused(ids):
    with pytest.raises(DomainError) as err:
        check_team(ids, q("a"))
    assert err.value.code == "TOO_FEW_OFFICERS"
    assert err.value.field == ["input", "officerIds"]


def test_unqualified_officers_are_named_with_reasons():
    answers = {**q("a"), "b": (False, ["CERTIFICATE_EXPIRED", "DOMAIN_NOT_COVERED"])}
    with pytest.raises(DomainError) as err:
        check_team(["a", "b", "c"], answers)
    assert err.value.code == "OFFICER_NOT_QUALIFIED"
    assert "b: CERTIFICATE_EXPIRED, DOMAIN_NOT_COVERED" in err.value.message
    # an officer nobody asked about must not slip through
    assert err.value.details["officers"] == {
        "b": ["CERTIFICATE_EXPIRED", "DOMAIN_NOT_COVERED"], "c": ["NOT_CHECKED"]}


def test_graphql_shaped_answers_are_accepted():
    answers = {"a": {"qualified": True, "reasons": []},
               "b": {"qualified": False, "reasons": ["OFF_POST_TRAINING"]}}
    with pytest.raises(DomainError) as err:
        check_team(["a", "b"], answers)
    assert err.value.details["officers"] == {"b": ["OFF_POST_TRAINING"]}


def test_conflict_of_interest_requires_recusal():
    with pytest.raises(DomainError) as err:
        check_team(["a", "b"], q("a", "b"), {"b": "brother-in-law of the owner"})
    assert err.value.code == "CONFLICT_OF_INTEREST"
    assert "brother-in-law" in err.value.message
    assert check_team(["a", "b"], q("a", "b"), {"z": "not on the team"}) == ["a", "b"]
