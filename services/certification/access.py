"""Who may see and change what, given the caller the gateway passes along.

`viewer`/`actor` is `{"sub", "roles", "agency"}` from the bearer token, or None for a
trusted internal caller (another service, the CLI). A certification administrator whose
token names an agency manages that agency only; one without an agency manages both.
"""
from __future__ import annotations

from services.certification.domain import Agency
from services.common.errors import DomainError

ADMIN = "certification_admin"


def admin_of(viewer: dict | None) -> list[Agency]:
    """Agencies whose officers' full ID numbers this viewer may see."""
    if not viewer or ADMIN not in (viewer.get("roles") or ()):
        return []
    return [Agency(viewer["agency"])] if viewer.get("agency") else list(Agency)


def ensure_manages(actor: dict | None, agency) -> None:
    """Refuse (FORBIDDEN) an administrator acting on another agency's officer."""
    if actor is None:
        return
    if Agency(agency) not in admin_of(actor):
        raise DomainError("FORBIDDEN", "certification administrators manage only their own "
                          "agency's officers", None)


def actor_name(actor: dict | None) -> str | None:
    return (actor or {}).get("sub")
