"""The annual report's joint-operation figure: operations carried out (launched, whether
since completed or not; cancelled and never-launched ones are not) whose window starts in
the year, counted for every agency that took part. One indexed count."""
from __future__ import annotations

from services.common.clock import check_year, year_bounds
from services.operations.documents import OperationDocument

CARRIED_OUT = ["LAUNCHED", "COMPLETED"]


def annual_figures(year, agency) -> dict:
    start, end = year_bounds(check_year(year))
    count = OperationDocument._get_collection().count_documents(
        {"status": {"$in": CARRIED_OUT}, "agencies": str(agency),
         "starts_at": {"$gte": start, "$lt": end}})
    return {"year": year, "agency": agency, "joint_operations": count}
