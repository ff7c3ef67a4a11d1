"""The demo data's city: Xinyang ID numbers are valid (area code 4115xx, check character),
names are Chinese, and officers never share a name with a driver in the directories."""
import datetime as dt

from services.certification.domain.idnumber import validate_id_number
from services.common import xinyang
from services.enforcement import demo as enforcement_demo


def test_id_numbers_are_valid_and_registered_in_xinyang():
    numbers = [xinyang.id_number(n, dt.date(1980, 1, 1) + dt.timedelta(days=n)) for n in range(50)]
    assert all(validate_id_number(x, dt.date(2026, 1, 1)) == x for x in numbers)
    assert {x[:6] for x in numbers} == set(xinyang.AREAS.values())
    assert xinyang.id_number(3, dt.date(1985, 1, 1), "平桥区").startswith("411503")


def test_names_addresses_and_entities_read_as_xinyang():
    officers = {xinyang.person_name(n) for n in range(380)}
    drivers = {xinyang.driver_name(n) for n in range(260)}
    assert len(officers) == 380 and len(drivers) == 260 and not officers & drivers
    assert all("河南省信阳市" in xinyang.address(n) for n in range(30))
    rows = enforcement_demo.rows("CULTURE") + enforcement_demo.rows("TRANSPORT")
    assert all(not r["name"].isascii() and "信阳市" in r["address"] for r in rows)
    assert len({r["name"] for r in rows}) == len(rows)
    assert all(r["plate"].startswith("豫S") for r in rows if r["category"] == "VEHICLE")
