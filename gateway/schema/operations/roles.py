"""Who may read what: staff read operations; cross-agency systems read qualifications and
published results (the report of a COMPLETED operation); planners change them."""
from __future__ import annotations

from gateway.schema.base import forbidden

STAFF = ("planner", "enforcement_officer", "certification_admin", "accountability_officer")
PUBLISHED = STAFF + ("cross_agency",)
PLANNER = ("planner",)


def published_only(info) -> bool:
    return not info.context.principal.has(*STAFF)


def require_published(info, op: dict) -> None:
    if published_only(info) and op["status"] != "COMPLETED":
        raise forbidden("cross-agency systems may read completed operations only")
