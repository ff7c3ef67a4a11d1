"""GET /exports/ledger.xlsx: the rectification ledger (整改台账) as a spreadsheet, over the
whole filtered result (the console's 导出 Excel on /console/accountability), built on the
server with openpyxl like the officers export. Filters: owner, status (the ledgerItems
query's); Chinese headers and labels; times as Asia/Shanghai civil dates and minutes.
accountability_officer and certification_admin, as ledgerItems.

Routed by gateway/service.py's GatewayService (a method per route hands over to this module).
"""
from __future__ import annotations

import logging


from gateway.exports import sheet_bytes, signed_in, xlsx_response
from gateway.http import error_response
from gateway.schema.accountability import READERS
from services.common.clock import LOCAL_TZ, parse_instant
from services.common.errors import DomainError

log = logging.getLogger(__name__)
MAX_ROWS = 10_000
PAGE = 100
STATUS = {"OPEN": "整改中", "RECTIFIED": "已整改", "VERIFIED": "已核验", "OVERDUE": "已逾期"}
HEADERS = ["编号", "整改责任人（单位）", "问题描述", "立项时间", "整改期限", "状态", "立行立改",
           "整改完成时间", "整改证据", "核验时间"]


def _local(value: str | None) -> str | None:
    if not value:
        return None
    return parse_instant(value).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def _row(item: dict) -> list:
    return [item["item_id"], item["owner"], item["description"], _local(item.get("opened_at")),
            item.get("deadline"), STATUS.get(item["status"], item["status"]),
            "是" if item.get("on_the_spot") else "否", _local(item.get("rectified_at")),
            "；".join(item.get("evidence") or []), _local(item.get("verified_at"))]


def workbook(items) -> bytes:
    return sheet_bytes("整改台账", HEADERS, map(_row, items),
                       (24, 18, 40, 17, 12, 8, 9, 17, 30, 17))


def _filters(args) -> dict:
    return {name: args[name] for name in ("owner", "status") if args.get(name)}


def ledger_xlsx(service, request):
    principal, refused = signed_in(service, request, READERS)
    if refused:
        return refused
    accountability = service._context(principal).services.accountability
    items, after = [], None
    try:
        while len(items) < MAX_ROWS:
            request_page = {"first": PAGE, **({"after": after} if after else {})}
            page = accountability.list_ledger_items(_filters(request.args), request_page)
            items += page["items"]
            if not page["has_next_page"] or not page["cursors"]:
                break
            after = page["cursors"][-1]
    except DomainError as exc:
        return error_response(400, exc.code, exc.message)
    except Exception:  # never a stack trace: log it, name the correlation id
        log.exception("ledger export failed")
        return error_response(503, "INTERNAL_ERROR",
                              f"internal error (correlation id {service.correlation_id})")
    return xlsx_response(workbook(items[:MAX_ROWS]), "ledger.xlsx")
