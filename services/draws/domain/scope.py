"""What a draw covers: an agency batch or a joint operation, its domains and its dates.

Each enforcement domain belongs to one agency: the directory of a domain is that agency's,
and its inspectors are the agency's officers qualified for it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.contracts.vocabulary import DRAW_KINDS
from services.common.clock import LOCAL_TZ, as_utc, local_date, parse_instant
from services.common.errors import DomainError, InvalidInput

DOMAIN_AGENCY = {"CULTURE_MARKET": "CULTURE", "PUBLICATION": "CULTURE", "RADIO_TV": "CULTURE",
                 "TOURISM": "CULTURE", "ROAD_TRANSPORT": "TRANSPORT"}
AGENCY_BATCH, JOINT_OPERATION = DRAW_KINDS
OPEN_OPERATION = ("DRAFT", "LAUNCHED")


@dataclass(frozen=True)
class Scope:
    kind: str
    agencies: tuple[str, ...]
    domains: tuple[str, ...]
    inspection_date: dt.date
    inspections_end: dt.date
    operation_id: str | None = None

    @property
    def joint(self) -> bool:
        return self.kind == JOINT_OPERATION

    def domains_of(self, agency: str) -> list[str]:
        return [d for d in self.domains if DOMAIN_AGENCY[d] == agency]

    def window(self) -> tuple[dt.datetime, dt.datetime]:
        """UTC moments from the start of the inspection date to the end of the last day:
        an inspector must stay qualified for all of it."""
        start = dt.datetime.combine(self.inspection_date, dt.time(), tzinfo=LOCAL_TZ)
        end = dt.datetime.combine(self.inspections_end + dt.timedelta(days=1), dt.time(),
                                  tzinfo=LOCAL_TZ)
        return as_utc(start), as_utc(end) - dt.timedelta(seconds=1)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "agencies": list(self.agencies),
                "domains": list(self.domains), "operation_id": self.operation_id,
                "inspection_date": self.inspection_date.isoformat(),
                "inspections_end": self.inspections_end.isoformat()}

    @classmethod
    def from_dict(cls, data: dict) -> "Scope":
        return cls(data["kind"], tuple(data["agencies"]), tuple(data["domains"]),
                   dt.date.fromisoformat(data["inspection_date"]),
                   dt.date.fromisoformat(data["inspections_end"]), data.get("operation_id"))


def _domains(domains, agencies) -> tuple[str, ...]:
    unique = tuple(sorted(set(domains or ())))
    for domain in unique:
        if domain not in DOMAIN_AGENCY:
            raise InvalidInput(f"unknown enforcement domain {domain!r}", ["input", "domains"])
        if DOMAIN_AGENCY[domain] not in agencies:
            raise DomainError("DOMAIN_NOT_IN_SCOPE", f"domain {domain} belongs to "
                              f"{DOMAIN_AGENCY[domain]}, which does not take part in this draw",
                              ["input", "domains"])
    for agency in agencies:
        if not any(DOMAIN_AGENCY[d] == agency for d in unique):
            raise DomainError("AGENCY_WITHOUT_DOMAIN", f"choose at least one {agency} domain: "
                              "it defines the agency's entities and inspectors",
                              ["input", "domains"])
    return unique


def _dates(start: dt.date, end: dt.date | None) -> tuple[dt.date, dt.date]:
    end = end or start
    if end < start:
        raise InvalidInput("inspectionsEnd must not be before inspectionDate",
                           ["input", "inspectionsEnd"])
    return start, end


def batch_scope(agency: str, domains, inspection_date: dt.date,
                inspections_end: dt.date | None = None) -> Scope:
    if agency not in set(DOMAIN_AGENCY.values()):
        raise InvalidInput(f"unknown agency {agency!r}", ["input", "agency"])
    start, end = _dates(inspection_date, inspections_end)
    return Scope(AGENCY_BATCH, (agency,), _domains(domains, (agency,)), start, end)


def operation_scope(operation: dict, domains, inspection_date: dt.date | None = None,
                    inspections_end: dt.date | None = None) -> Scope:
    """`operation` as operations.get_operation returns it (ISO times)."""
    if operation.get("status") not in OPEN_OPERATION:
        raise DomainError("OPERATION_CLOSED", f"operation {operation['operation_id']} is "
                          f"{operation.get('status')}; draw for a draft or launched one",
                          ["input", "operationId"])
    first = local_date(parse_instant(operation["starts_at"]))
    last = local_date(parse_instant(operation["ends_at"]))
    start, end = _dates(inspection_date or first, inspections_end or
                        (last if inspection_date is None else None))
    if start < first or end > last:
        raise DomainError("DATE_OUTSIDE_OPERATION", f"inspections must fall within the "
                          f"operation, {first} to {last}", ["input", "inspectionDate"])
    agencies = tuple(sorted(operation["agencies"]))
    return Scope(JOINT_OPERATION, agencies, _domains(domains, agencies), start, end,
                 operation["operation_id"])
