import pytest

from services.common.errors import DomainError
from services.enforcement.domain.entities import (entity_id, merge_entities, new_entity,
                                                  register_entity)
from services.enforcement.domain.entity_import import (parse_entity_csv, parse_entity_row,
                                                       valid_id_number, RowError)

from .builders import CULTURE, TRANSPORT, at, cafe, driver, id_number


def test_categories_map_to_domains():
    assert CULTURE.domain_of("TRAVEL_AGENCY") == "TOURISM"
    assert CULTURE.domain_of("PUBLICATION_OUTLET") == "PUBLICATION"
    assert TRANSPORT.domain_of("VEHICLE") == "ROAD_TRANSPORT"
    with pytest.raises(DomainError) as err:
        CULTURE.domain_of("VEHICLE")
    assert err.value.code == "UNKNOWN_CATEGORY"


def test_drivers_and_sole_proprietors_are_natural_persons():
    assert driver().natural_person
    assert not cafe().natural_person
    assert new_entity(CULTURE, "SCENIC_SPOT", "R1", "李四", sole_proprietor=True).natural_person


def test_entity_id_is_stable_and_hides_the_registration_number():
    assert entity_id("TRANSPORT", "DRV-0001") == driver().id
    assert "DRV" not in driver().id


def test_merge_keeps_known_fields_and_takes_new_ones():
    old = cafe(risk_level="FLAGGED", address="old street")
    new = cafe(address=None, attributes={"licence": "NC-002", "plate": ""})
    merged = merge_entities(old, new)
    assert merged.address == "old street"
    assert merged.attributes == {"licence": "NC-002"}
    assert merged.risk_level == "FLAGGED"      # an import never clears a flag
    assert merge_entities(cafe(risk_level="LOW"), cafe(risk_level="HIGH")).risk_level == "HIGH"


def test_merge_refuses_other_registration_or_category():
    other = new_entity(CULTURE, "INTERNET_CAFE", "OTHER", "x", attributes={})
    with pytest.raises(DomainError) as err:
        merge_entities(cafe(), other)
    assert err.value.code == "REGISTRATION_MISMATCH"
    venue = new_entity(CULTURE, "SCENIC_SPOT", cafe().registration_no, "x")
    with pytest.raises(DomainError) as err:
        merge_entities(cafe(), venue)
    assert err.value.code == "CATEGORY_CONFLICT"


def test_register_announces_new_and_changed_entities_only():
    entity, raised = register_entity(None, cafe(), at())
    assert raised[0][1]["merged"] is False and "name" not in raised[0][1]
    assert register_entity(entity, cafe(), at()) == (entity, [])
    _, raised = register_entity(entity, cafe(risk_level="HIGH"), at())
    assert raised[0][1]["merged"] is True and raised[0][1]["risk_level"] == "HIGH"


def test_entity_round_trips_through_dict():
    assert type(cafe()).from_dict(cafe().to_dict()) == cafe()


def test_id_number_checksum():
    assert valid_id_number(id_number())
    assert not valid_id_number(id_number()[:17] + ("0" if id_number()[-1] != "0" else "1"))


VEHICLE = {"registration_no": "VEH-1", "category": "VEHICLE", "name": "Coach 1",
           "plate": "苏A12345", "seats": "45", "licence": "RT-9"}


def test_row_parser_builds_a_vehicle():
    entity = parse_entity_row(VEHICLE, TRANSPORT, 2)
    assert entity.attributes == {"plate": "苏A12345", "seats": 45, "licence": "RT-9"}
    assert entity.risk_level == "LOW"


@pytest.mark.parametrize("change, field, code", [
    ({"name": ""}, "name", "INVALID_INPUT"),
    ({"category": "SPACESHIP"}, "category", "UNKNOWN_CATEGORY"),
    ({"seats": "0"}, "seats", "INVALID_INPUT"),
    ({"seats": "many"}, "seats", "INVALID_INPUT"),
    ({"plate": "ABC"}, "plate", "INVALID_INPUT"),
    ({"licence": ""}, "licence", "INVALID_INPUT"),
    ({"risk_level": "EXTREME"}, "riskLevel", "INVALID_INPUT"),
    ({"sole_proprietor": "maybe"}, "sole_proprietor", "INVALID_INPUT"),
    ({"id_number": "123"}, "id_number", "INVALID_INPUT"),
])
def test_row_parser_reports_one_clear_error(change, field, code):
    error = parse_entity_row({**VEHICLE, **change}, TRANSPORT, 7)
    assert isinstance(error, RowError)
    assert (error.line, error.field, error.code) == (7, field, code)


def test_driver_row_needs_an_id_number():
    row = {"registration_no": "D1", "category": "DRIVER", "name": "王五"}
    assert parse_entity_row(row, TRANSPORT).field == "id_number"
    assert parse_entity_row({**row, "id_number": id_number()}, TRANSPORT).natural_person


def test_csv_merges_duplicates_and_collects_errors():
    text = ("registration_no,category,name,risk_level,licence,address\n"
            "R1,INTERNET_CAFE,Cafe A,LOW,L1,\n"
            "R2,INTERNET_CAFE,,LOW,L2,\n"
            "R1,INTERNET_CAFE,Cafe A,HIGH,L1,2 Road\n"
            "R1,SCENIC_SPOT,Cafe A,HIGH,L1,2 Road\n")
    entities, errors = parse_entity_csv(text, CULTURE)
    assert [(e.registration_no, e.risk_level, e.address) for e in entities] == [
        ("R1", "HIGH", "2 Road")]
    assert [(e.line, e.code) for e in errors] == [(3, "INVALID_INPUT"), (5, "CATEGORY_CONFLICT")]
