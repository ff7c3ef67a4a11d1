"""GET /exports/officers.xlsx: the officers list as a spreadsheet, over the whole filtered
result (the console's 导出 Excel), built on the server with openpyxl. Chinese headers and
labels, dates as civil dates; ID numbers as the caller may see them (masked otherwise).

Routed by gateway/service.py's GatewayService (a method per route hands over to this module).
"""
from __future__ import annotations

import io
import logging

from openpyxl import Workbook
from werkzeug.wrappers import Response

from gateway.auth import AuthError, authenticate
from gateway.http import error_response
from gateway.schema.certification import RECORD_READERS
from services.common.errors import DomainError

log = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ROWS = 10_000
FILTERS = {"agency": str, "domain": str, "status": str, "namePrefix": str,
           "expiringWithinDays": int, "reviewDueWithinDays": int}
SNAKE = {"namePrefix": "name_prefix", "expiringWithinDays": "expiring_within_days",
         "reviewDueWithinDays": "review_due_within_days"}
AGENCY = {"CULTURE": "文化市场综合执法支队", "TRANSPORT": "交通运输综合执法支队"}
DOMAIN = {"CULTURE_MARKET": "文化市场", "PUBLICATION": "出版物与版权", "RADIO_TV": "广播电视",
          "TOURISM": "旅游市场", "ROAD_TRANSPORT": "道路运输"}
STATUS = {"ACTIVE": "在岗", "OFF_POST_TRAINING": "离岗培训", "REMOVED_FROM_POST": "调离执法岗位"}
CERT = {"VALID": "有效", "SUSPENDED": "暂扣", "REVOKED": "吊销", "EXPIRED": "已过期"}
HEADERS = ["姓名", "所属单位", "公民身份号码", "在岗状态", "行政执法证号", "执法证状态",
           "执法领域", "有效期起", "有效期至", "年度审验截止"]


def _filter(args) -> dict:
    out = {}
    for name, kind in FILTERS.items():
        raw = args.get(name)
        if raw in (None, ""):
            continue
        try:
            out[SNAKE.get(name, name)] = kind(raw)
        except ValueError:
            raise DomainError("INVALID_INPUT", f"{name} must be a whole number",
                              ["filter", name]) from None
    return out


def _row(o: dict) -> list:
    cert = o.get("certificate") or {}
    return [o["name"], AGENCY.get(o["agency"], o["agency"]), o["id_number"],
            STATUS.get(o["status"], o["status"]), cert.get("number"),
            CERT.get(cert.get("status"), cert.get("status")),
            "、".join(DOMAIN.get(d, d) for d in cert.get("domains", [])),
            cert.get("valid_from"), cert.get("valid_until"), cert.get("next_review_due")]


def sheet_bytes(title: str, headers, rows, widths) -> bytes:
    """One worksheet as .xlsx bytes: a header row, the rows, column widths, the header
    frozen. Every export the gateway serves is made here."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for column, width in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", widths):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def workbook(officers) -> bytes:
    return sheet_bytes("执法人员", HEADERS, map(_row, officers),
                       (10, 22, 22, 12, 18, 10, 24, 12, 12, 14))


def signed_in(service, request, roles):
    """(principal, None) for a bearer token with one of `roles`, else (None, the 401/403
    response). Every spreadsheet export checks its caller this way."""
    try:
        principal = authenticate(request.headers.get("Authorization"),
                                 service.config["JOINTOPS"].jwt_secret)
    except AuthError as exc:
        return None, error_response(401, exc.code, exc.message, {"WWW-Authenticate": "Bearer"})
    if principal is None:
        return None, error_response(401, "UNAUTHENTICATED", "a bearer token is required")
    if not principal.has(*roles):
        return None, error_response(403, "FORBIDDEN", "this needs one of the roles: "
                                    + ", ".join(roles))
    return principal, None


def xlsx_response(content: bytes, filename: str) -> Response:
    # A Response, not a tuple: nameko takes only text payloads in tuples.
    return Response(content, status=200, content_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def officers_xlsx(service, request):
    principal, refused = signed_in(service, request, RECORD_READERS)
    if refused:
        return refused
    viewer = {"sub": principal.sub, "roles": sorted(principal.roles), "agency": principal.agency}
    try:
        found = service._context(principal).services.certification.list_officers(
            _filter(request.args), {"first": MAX_ROWS, "offset": 0}, viewer)
    except DomainError as exc:
        return error_response(400, exc.code, exc.message)
    except Exception:  # never a stack trace: log it, name the correlation id
        log.exception("officers export failed")
        return error_response(503, "INTERNAL_ERROR",
                              f"internal error (correlation id {service.correlation_id})")
    return xlsx_response(workbook(found["items"]), "officers.xlsx")
