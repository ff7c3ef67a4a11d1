"""Documents to save, print or mail, in Chinese with civil dates (Asia/Shanghai):

- GET /operations/<id>/report.html | .pdf: the joint-operation report (the same HTML as
  JointReport.html, with an inline SVG chart; the PDF rendered from it);
- GET /reports/annual/<year>.html | .pdf | .xlsx[?agency=CULTURE|TRANSPORT]: the annual
  rule-of-law report (gateway/annual_report.py composes it from annualFigures and the
  platforms' state; gateway/annual_document.py renders it). Planners and accountability
  (legal-affairs) staff; the agency defaults to the token's, else CULTURE.

No token: 401 UNAUTHENTICATED; another role: 403 FORBIDDEN; a bad year or agency: 400
INVALID_INPUT; an unknown format or operation: 404 NOT_FOUND. PDFs are rendered by
services/common/pdf.py, the one renderer, in a worker thread (the hub keeps serving).

Routed by gateway/service.py's GatewayService (a method per route hands over to this module).
"""
from __future__ import annotations

import logging
import re

from eventlet import tpool
from werkzeug.wrappers import Response

from gateway import annual_document
from gateway.annual_report import compose
from gateway.auth import AuthError, authenticate
from gateway.http import error_response
from gateway.schema.figures import collect
from gateway.schema.operations.roles import PUBLISHED, STAFF
from services.common.errors import DomainError

log = logging.getLogger(__name__)
# The id ends up in a header (the file name): anything else is not one of our ids.
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_YEAR = re.compile(r"^[0-9]{4}$")
_STATUS = {"NOT_FOUND": 404, "FORBIDDEN": 403, "SERVICE_UNAVAILABLE": 503,
           "INVALID_INPUT": 400}
_BEARER = {"WWW-Authenticate": "Bearer"}
ANNUAL_READERS = ("planner", "accountability_officer")
AGENCIES = ("CULTURE", "TRANSPORT")
MEDIA = {"html": "text/html; charset=utf-8", "pdf": "application/pdf",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _principal(service, request, roles):
    """(principal, None) or (None, the error response)."""
    try:
        principal = authenticate(request.headers.get("Authorization"),
                                 service.config["JOINTOPS"].jwt_secret)
    except AuthError as exc:
        return None, error_response(401, exc.code, exc.message, _BEARER)
    if principal is None:
        return None, error_response(401, "UNAUTHENTICATED", "a bearer token is required",
                                    _BEARER)
    if not principal.has(*roles):
        return None, error_response(403, "FORBIDDEN", f"this needs one of the roles: "
                                    f"{', '.join(roles)}")
    return principal, None


def _serve(service, make, name: str, fmt: str):
    """Run `make()` -> body; a DomainError is its stable code, anything else a 503."""
    try:
        body = make()
    except DomainError as exc:
        return error_response(_STATUS.get(exc.code, 400), exc.code, exc.message)
    except Exception:  # never a stack trace or a 500: log it, name the correlation id
        log.exception("document download failed")
        return error_response(503, "INTERNAL_ERROR",
                              f"internal error (correlation id {service.correlation_id})")
    # a Response, not a (status, headers, body) tuple: nameko takes text only in those
    return Response(body, status=200, headers={
        "Content-Type": MEDIA[fmt], "Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def _operation_html(services, principal, operation_id: str) -> str:
    if not principal.has(*STAFF):  # cross-agency systems: published (COMPLETED) results only
        op = services.operations.get_operation(operation_id)
        if op is None:
            raise DomainError("NOT_FOUND", f"joint operation {operation_id} does not exist")
        if op["status"] != "COMPLETED":
            raise DomainError("FORBIDDEN", "cross-agency systems may read completed "
                              "operations only")
    return services.operations.report_html(operation_id)


def operation_report(service, request, operation_id, fmt):
    principal, refused = _principal(service, request, PUBLISHED)
    if refused:
        return refused
    if not _ID.match(operation_id) or fmt not in ("html", "pdf"):
        return error_response(404, "NOT_FOUND", "no such joint operation report")
    services = service._context(principal).services

    def make():
        page = _operation_html(services, principal, operation_id)
        if fmt == "pdf":
            from services.common.pdf import render_pdf

            return tpool.execute(render_pdf, page)
        return page
    return _serve(service, make, f"joint-report-{operation_id}", fmt)


def annual_report(service, request, name):
    principal, refused = _principal(service, request, ANNUAL_READERS)
    if refused:
        return refused
    year, _, fmt = name.partition(".")
    if fmt not in MEDIA:
        return error_response(404, "NOT_FOUND", "the annual report is .html, .pdf or .xlsx")
    if not _YEAR.match(year):
        return error_response(400, "INVALID_INPUT", "the year is four digits, e.g. 2023")
    agency = request.args.get("agency") or principal.agency or "CULTURE"
    if agency not in AGENCIES:
        return error_response(400, "INVALID_INPUT", f"agency is one of {', '.join(AGENCIES)}")
    services = service._context(principal).services

    def make():
        figures = collect(services, int(year), agency)
        report = compose(figures, services.delivery.platform_overview())
        if fmt == "pdf":
            return tpool.execute(annual_document.pdf, report)
        if fmt == "xlsx":
            return annual_document.xlsx(report)
        return annual_document.html(report)
    return _serve(service, make, f"annual-report-{agency}-{year}", fmt)
