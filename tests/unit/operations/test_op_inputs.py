"""Whatever a caller sends over RPC, a bad value is INVALID_INPUT naming its field."""
import pytest

from services.common.errors import DomainError
from services.operations.domain import assign_officer, move_officer, plan_operation

from .conftest import END, NOW, OK, START, staffed

GOOD = {"operation_id": "op1", "name": "x", "legal_basis": "p", "lead_agency": "CULTURE",
        "agencies": ["CULTURE"], "starts_at": START, "ends_at": END, "now": NOW}


@pytest.mark.parametrize("change, field", [
    ({"name": 42}, "name"), ({"name": "n" * 201}, "name"), ({"legal_basis": ["x"]}, "legalBasis"),
    ({"starts_at": "yesterday"}, "startsAt"), ({"ends_at": 5}, "endsAt"),
    ({"starts_at": None}, "endsAt"), ({"agencies": "CULTURE"}, "agencies"),
    ({"agencies": [{"x": 1}]}, "agencies"), ({"areas": "Old town"}, "areas"),
    ({"objectives": ["o"] * 51}, "objectives"), ({"areas": [None]}, "areas"),
])
def test_bad_plan_values_are_refused_by_field(change, field):
    with pytest.raises(DomainError) as err:
        plan_operation(**{**GOOD, **change})
    assert err.value.code == "INVALID_INPUT" and err.value.field == ["input", field]


def test_iso_strings_are_accepted_and_text_is_trimmed():
    op, _ = plan_operation(**{**GOOD, "name": "  Summer  ", "starts_at": START.isoformat(),
                              "ends_at": END.isoformat().replace("+00:00", "Z")})
    assert op.name == "Summer" and op.starts_at == START and op.ends_at == END


@pytest.mark.parametrize("team", [None, 7, "t" * 101])
def test_bad_team_names_are_refused(team):
    for call in (lambda: assign_officer(staffed(), team, "c9", "CULTURE", "TOURISM", OK),
                 lambda: move_officer(staffed(), "c1", team, NOW)):
        with pytest.raises(DomainError) as err:
            call()
        assert err.value.code == "INVALID_INPUT" and err.value.field == ["input", "teamName"]
