"""GET /operations/<id>/report.html: the joint report as a document to save, print or
mail (the same HTML as JointReport.html, with an inline SVG chart).

Mounted on GatewayService by one line in its class body:
    from gateway.reports import operation_report  # GET /operations/<id>/report.html
"""
from __future__ import annotations

import logging
import re

from nameko.web.handlers import http

from gateway.auth import AuthError, authenticate
from gateway.http import error_response
from gateway.schema.operations.roles import PUBLISHED, STAFF
from services.common.errors import DomainError

log = logging.getLogger(__name__)
# The id ends up in a header (the file name): anything else is not one of our ids.
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_STATUS = {"NOT_FOUND": 404, "FORBIDDEN": 403, "SERVICE_UNAVAILABLE": 503}
_BEARER = {"WWW-Authenticate": "Bearer"}


def _html(services, principal, operation_id: str) -> str:
    if not principal.has(*STAFF):  # cross-agency systems: published (COMPLETED) results only
        op = services.operations.get_operation(operation_id)
        if op is None:
            raise DomainError("NOT_FOUND", f"joint operation {operation_id} does not exist")
        if op["status"] != "COMPLETED":
            raise DomainError("FORBIDDEN", "cross-agency systems may read completed "
                              "operations only")
    return services.operations.report_html(operation_id)


@http("GET", "/operations/<operation_id>/report.html")
def operation_report(self, request, operation_id):
    try:
        principal = authenticate(request.headers.get("Authorization"),
                                 self.config["JOINTOPS"].jwt_secret)
    except AuthError as exc:
        return error_response(401, exc.code, exc.message, _BEARER)
    if principal is None:
        return error_response(401, "UNAUTHENTICATED", "a bearer token is required", _BEARER)
    if not principal.has(*PUBLISHED):
        return error_response(403, "FORBIDDEN", f"this needs one of the roles: "
                              f"{', '.join(PUBLISHED)}")
    if not _ID.match(operation_id):
        return error_response(404, "NOT_FOUND", "no such joint operation")
    try:
        html = _html(self._context(principal).services, principal, operation_id)
    except DomainError as exc:
        return error_response(_STATUS.get(exc.code, 400), exc.code, exc.message)
    except Exception:  # never a stack trace or a 500: log it, name the correlation id
        log.exception("report download failed")
        return error_response(503, "INTERNAL_ERROR",
                              f"internal error (correlation id {self.correlation_id})")
    return 200, {"Content-Type": "text/html; charset=utf-8", "Content-Disposition":
                 f'attachment; filename="joint-report-{operation_id}.html"'}, html
