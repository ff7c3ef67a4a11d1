from services.enforcement.domain import case_model as m
from services.enforcement.domain.publication import mask_identifier, mask_name, public_version

from .builders import (CULTURE, TRANSPORT, advance_to, cafe, driver, id_number, new_case,
                       penalty)


def test_masks():
    assert mask_name("张三") == "张*" and mask_name("欧阳娜娜") == "欧***"
    assert mask_identifier(id_number()) == "320102********123" + id_number()[-1]
    assert mask_identifier("DRV-0001") == "DR****01" and mask_identifier("abc") == "***"
    assert mask_identifier(None) is None


def test_natural_person_is_masked_in_the_public_version():
    case = new_case(entity=driver(), catalogue=TRANSPORT)
    draft = penalty(800, "LIGHTER", "DRIVER_WITHOUT_QUALIFICATION")
    advance_to(case, m.PUBLISHED, draft=draft, catalogue=TRANSPORT)
    public = public_version(case, TRANSPORT)
    text = repr(public)
    assert "张三" not in text and id_number() not in text and "DRV-0001" not in text
    assert public["party_name"] == "张*" and public["fine"] == 800
    assert public["legal_basis"].startswith("Road Transport Regulations")


def test_company_name_stays_public():
    case = new_case(entity=cafe())
    advance_to(case, m.PUBLISHED)
    public = public_version(case, CULTURE)
    assert public["party_name"] == "Star Net Cafe Co."
    assert public["party_registration_no"] == cafe().registration_no
    assert public["party_id_number"] is None
