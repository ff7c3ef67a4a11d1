"""Transport enforcement data: entity kinds, violations, discretion ranges.

Ranges are defaults read from the Road Transport Regulations (yuan, per circumstance); a
city's own discretion benchmark replaces them here, not in the case core.
"""
import datetime as dt

from services.enforcement.domain import lists
from services.enforcement.domain.catalogue import (AgencyCatalogue, EntityKind, Violation,
                                                   discretion as _ranges)


KINDS = {k.code: k for k in (
    EntityKind("PASSENGER_OPERATOR", "ROAD_TRANSPORT", required=("licence",)),
    EntityKind("COACH_OPERATOR", "ROAD_TRANSPORT", required=("licence",)),
    EntityKind("VEHICLE", "ROAD_TRANSPORT", required=("plate", "seats", "licence")),
    EntityKind("DRIVER", "ROAD_TRANSPORT", natural_person=True, required=("id_number",)),
)}

VIOLATIONS = {v.code: v for v in (
    Violation("COACH_WITHOUT_LICENCE", "Passenger or coach transport without a licence",
              "ROAD_TRANSPORT", "Road Transport Regulations art. 63",
              _ranges((5_000, 9_999), (10_000, 30_000), (30_001, 70_000), (70_001, 100_000))),
    Violation("OVERLOADING_SEATS", "Carrying passengers beyond the approved seats",
              "ROAD_TRANSPORT", "Road Passenger Transport Provisions art. 99",
              _ranges((0, 999), (1_000, 1_500), (1_501, 2_500), (2_501, 3_000))),
    Violation("DRIVER_WITHOUT_QUALIFICATION", "Driver without a road transport qualification",
              "ROAD_TRANSPORT", "Road Transport Regulations art. 64",
              _ranges((0, 199), (200, 800), (801, 1_500), (1_501, 2_000))),
    Violation("ROUTE_DEVIATION", "Deviating from the approved route or stops",
              "ROAD_TRANSPORT", "Road Transport Regulations art. 68",
              _ranges((0, 999), (1_000, 1_500), (1_501, 2_500), (2_501, 3_000))),
    Violation("NO_VEHICLE_PERMIT_ON_BOARD", "Road transport certificate not carried",
              "ROAD_TRANSPORT", "Road Transport Regulations art. 68",
              _ranges((0, 19), (20, 80), (81, 150), (151, 200))),
)}

_SINCE = dt.date(2023, 1, 1)
LISTS = (
    lists.entries(lists.NO_PENALTY, ("ROUTE_DEVIATION", "NO_VEHICLE_PERMIT_ON_BOARD"), _SINCE,
                  "首次违法、危害后果轻微并及时改正")
    + lists.entries(lists.LIGHTER, tuple(VIOLATIONS), _SINCE, "主动消除或者减轻违法行为危害后果")
    + lists.entries(lists.MITIGATED, ("OVERLOADING_SEATS", "DRIVER_WITHOUT_QUALIFICATION",
                                      "ROUTE_DEVIATION", "NO_VEHICLE_PERMIT_ON_BOARD"), _SINCE,
                    "配合查处违法行为有立功表现或者受他人胁迫")
    + lists.entries(lists.NO_COMPULSORY, ("ROUTE_DEVIATION", "NO_VEHICLE_PERMIT_ON_BOARD"),
                    _SINCE, "违法行为情节轻微或者社会危害较小")
)

# The violations as the documents a party receives name them (说理式文书)
VIOLATIONS_ZH = {
    "COACH_WITHOUT_LICENCE": ("未取得道路运输经营许可擅自从事道路客运经营",
                              "《中华人民共和国道路运输条例》第六十三条"),
    "OVERLOADING_SEATS": ("客运车辆超过核定载客人数载客", "《道路旅客运输及客运站管理规定》第九十九条"),
    "DRIVER_WITHOUT_QUALIFICATION": ("驾驶人员未取得道路运输从业资格",
                                     "《中华人民共和国道路运输条例》第六十四条"),
    "ROUTE_DEVIATION": ("客运车辆不按批准的线路、站点运行", "《中华人民共和国道路运输条例》第六十八条"),
    "NO_VEHICLE_PERMIT_ON_BOARD": ("未随车携带道路运输证", "《中华人民共和国道路运输条例》第六十八条"),
}

CATALOGUE = AgencyCatalogue(
    agency="TRANSPORT",
    violations_zh=VIOLATIONS_ZH,
    name="信阳市交通运输综合行政执法支队",
    lists=LISTS,
    domains=("ROAD_TRANSPORT",),
    kinds=KINDS,
    violations=VIOLATIONS,
)
