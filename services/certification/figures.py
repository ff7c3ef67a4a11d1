"""The annual report's certification figures of one agency: its officers' records, read
once (ids by the indexed agency field, then the parsed-record cache of `roster`)."""
from __future__ import annotations

from services.certification import repository
from services.certification.domain import Agency
from services.certification.domain.enums import parse_enum
from services.certification.domain.figures import annual_figures as compute
from services.common.clock import as_of_year_end, check_year


def annual_figures(year, agency, config) -> dict:
    year, agency = check_year(year), parse_enum(Agency, agency, "agency").value
    ids = [d["_id"] for d in repository.officers().find({"agency": agency}, {"_id": 1})]
    records = [record for record, _ in repository.load_many(ids).values()]
    return {"year": year, "agency": agency,
            **compute(records, year, as_of_year_end(year), config)}
