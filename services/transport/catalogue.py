"""Transport enforcement data: entity kinds, violations, discretion ranges.

Ranges are defaults read from the Road Transport Regulations (yuan, per circumstance); a
city's own discretion benchmark replaces them here, not in the case core.
"""
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
              _ranges((0, 999), (1_000, 1_500), (1_501, 2_500), (2_501, 3_000)),
              waivable=True),
    Violation("NO_VEHICLE_PERMIT_ON_BOARD", "Road transport certificate not carried",
              "ROAD_TRANSPORT", "Road Transport Regulations art. 68",
              _ranges((0, 19), (20, 80), (81, 150), (151, 200)), waivable=True),
)}

CATALOGUE = AgencyCatalogue(
    agency="TRANSPORT",
    domains=("ROAD_TRANSPORT",),
    kinds=KINDS,
    violations=VIOLATIONS,
)
