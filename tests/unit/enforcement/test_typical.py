"""A typical case's summary is public: it may not name a natural-person party."""
import pytest

from services.common.errors import DomainError
from services.enforcement.typical import _summary

from .builders import cafe, driver, id_number, new_case, TRANSPORT


def test_the_summary_never_names_a_natural_person():
    case = new_case(entity=driver(), catalogue=TRANSPORT)
    assert _summary(" 驾驶员无从业资格从轻处罚 ", case) == "驾驶员无从业资格从轻处罚"
    for bad in ("张三无证驾驶", f"身份证{id_number()}", "", "   ", "x" * 2001, ["list"]):
        with pytest.raises(DomainError) as err:
            _summary(bad, case)
        assert err.value.code == "INVALID_INPUT" and err.value.field == ["input", "summary"]
    company = new_case(entity=cafe())
    assert "Star Net Cafe Co." in _summary("Star Net Cafe Co. 接纳未成年人", company)
