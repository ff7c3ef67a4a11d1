"""Officer credentials over plain HTTP, for anyone: the issuer keys
(`/.well-known/jwks.json`), the signed status lists (`/credentials/status/<list>`), and
a server-rendered verification page (`/credentials/verify`, Chinese first, English
second) where a scanned QR code lands or a credential is pasted.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path


from gateway import status_list_cache
from gateway.credential_check import check, keys_of
from gateway.http import error_response
from services.common import status_list as sl
from services.common.clock import LOCAL_TZ
from services.common.errors import DomainError

SLOT = re.compile(r"\{\{(token|result)\}\}")
CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'service'"
PUBLIC = {"Access-Control-Allow-Origin": "*"}  # browser-based verifiers fetch these too
TEMPLATE = Path(__file__).with_name("credential_page.html").read_text(encoding="utf-8")
STATUS_TEXT = {
    "VALID": ("有效", "Valid", "ok"),
    "SUSPENDED": ("暂停（暂扣）", "Suspended", "bad"),
    "REVOKED": ("已吊销/注销", "Revoked", "bad"),
    "EXPIRED": ("已过期", "Expired", "bad"),
    "UNKNOWN": ("无法确认", "Cannot be confirmed", "bad"),
}
DOMAIN_TEXT = {"CULTURE_MARKET": "文化市场 Culture market", "PUBLICATION": "出版 Publications",
               "RADIO_TV": "广播电视 Radio and TV", "TOURISM": "旅游 Tourism",
               "ROAD_TRANSPORT": "道路运输 Road transport"}
AGENCY_TEXT = {"CULTURE": "文化市场综合行政执法 Culture market enforcement",
               "TRANSPORT": "交通运输综合行政执法 Transport enforcement"}


def jwks(service, request):
    keys = keys_of(service.config["JOINTOPS"])
    body = json.dumps(keys.public_jwks() if keys else {"keys": []})
    return 200, {"Content-Type": "application/jwk-set+json",
                 "Cache-Control": "public, max-age=300", **PUBLIC}, body


def status_list(service, request, list_id):
    if sl.parse_list_id(list_id) is None:
        return error_response(404, "NOT_FOUND", "no such status list")
    try:
        found = status_list_cache.fetch(service._context(None).services, [list_id])[list_id]
    except DomainError as exc:
        return error_response(503, exc.code, exc.message)
    if found is None:
        return error_response(404, "NOT_FOUND", "no such status list")
    # A revocation shows here within a second: caches must not keep it longer.
    return 200, {"Content-Type": "application/vc+jwt", "Cache-Control": "max-age=1",
                 **PUBLIC}, found


def _token_of(text: str) -> str:
    """A pasted credential may be the token itself or the whole URL from the QR code."""
    text = (text or "").strip()
    if "token=" in text:
        text = text.split("token=", 1)[1].split("&", 1)[0]
    return text


def _row(zh_en: str, value: str) -> str:
    return f"<tr><th>{html.escape(zh_en)}</th><td>{html.escape(value)}</td></tr>"


def _result(answer: dict) -> str:
    if not answer["genuine"]:
        return ('<p class="verdict bad">不是本系统签发的真实证件<br>'
                "<small>Not a genuine credential issued by this system</small></p>")
    zh, en, tone = STATUS_TEXT[answer["status"]]
    rows = [_row("姓名 Name", answer["officer_name"] or "—"),
            _row("执法机构 Agency", AGENCY_TEXT.get(answer["issuing_agency"], "—")),
            _row("执法领域 Domains", "；".join(DOMAIN_TEXT.get(d, d) for d in answer["domains"])),
            _row("行政执法证号 Certificate No.", answer["certificate_no"] or "—"),
            _row("核验时间 Checked at", answer["checked_at"].astimezone(LOCAL_TZ)
                 .strftime("%Y-%m-%d %H:%M:%S (北京时间 Beijing time)"))]
    return (f'<p class="verdict {tone}">真实证件，状态：{zh}<br>'
            f"<small>Genuine credential, status: {en}</small></p>"
            f"<table>{''.join(rows)}</table>")


def verify_page(service, request):
    token = _token_of(request.args.get("token", ""))
    result = _result(check(token, service.config["JOINTOPS"], service._context(None).services)) \
        if token else ""
    values = {"token": html.escape(token), "result": result}
    page = SLOT.sub(lambda m: values[m.group(1)], TEMPLATE)  # one pass: no slot in a value
    return 200, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store",
                 "Referrer-Policy": "no-referrer", "Content-Security-Policy": CSP}, page
