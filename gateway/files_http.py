"""Files over plain HTTP beside /graphql (the GraphQL body limit stays 64 KiB):

- POST /evidence: upload an evidence file (multipart/form-data: `subjectId`, `kind`,
  `file`, optional `description`, and for a VIDEO_INTERVIEW repeated `participants`,
  `startedAt`, `endedAt`) with the bearer token of an enforcement officer of the
  inspection's or case's agency. 201 `{"evidence": {...}}`, or `{"errors": [{code,
  message, field}]}` with 413 EVIDENCE_TOO_LARGE, 415 EVIDENCE_TYPE_NOT_ALLOWED,
  404 NOT_FOUND, 400 for the rest. The service judges the type by the bytes.
- GET /evidence/<id>: the file; GET /documents/<id>.pdf|.html: a reasoned document.
  Enforcement and legal-affairs staff of the agency (the files name the party in full).

Routed by gateway/service.py's GatewayService (a method per route hands over to this module).
"""
from __future__ import annotations

import base64
import logging
import re
from urllib.parse import quote

from werkzeug.wrappers import Response

from gateway.auth import AuthError, authenticate
from gateway.http import json_response
from services.common.errors import DomainError
from services.contracts.vocabulary import EVIDENCE_MAX_BYTES, agency_of

log = logging.getLogger(__name__)
UPLOADERS = ("enforcement_officer",)
READERS = ("enforcement_officer", "accountability_officer")
MULTIPART_OVERHEAD = 64 * 1024
UPLOAD_SECONDS = 60  # a 16 MiB file took 10 s up and 5.5 s down on a busy 2-core machine
_ID = re.compile(r"^[A-Z]{3}-[A-Z]-[0-9A-F]{12}$")
_STATUS = {"NOT_FOUND": 404, "FORBIDDEN": 403, "SERVICE_UNAVAILABLE": 503,
           "EVIDENCE_TOO_LARGE": 413, "EVIDENCE_TYPE_NOT_ALLOWED": 415}
_BEARER = {"WWW-Authenticate": "Bearer"}
_FIELDS = {"subjectId": "subject_id", "kind": "kind", "description": "description",
           "startedAt": "started_at", "endedAt": "ended_at"}


def _refuse(code: str, message: str, field=None, status=None, headers=None):
    """Every refusal of these endpoints: `{"errors": [{code, message, field}]}`."""
    return json_response(status or _STATUS.get(code, 400), {"errors": [
        {"code": code, "message": message, "field": field}]}, headers)


def _principal(service, request, roles):
    """(principal, None) or (None, a 401/403 response)."""
    try:
        principal = authenticate(request.headers.get("Authorization"),
                                 service.config["JOINTOPS"].jwt_secret)
    except AuthError as exc:
        return None, _refuse(exc.code, exc.message, None, 401, _BEARER)
    if principal is None:
        return None, _refuse("UNAUTHENTICATED", "a bearer token is required", None, 401,
                             _BEARER)
    if not principal.has(*roles):
        return None, _refuse("FORBIDDEN", f"this needs one of the roles: {', '.join(roles)}")
    return principal, None


def _for_agency(principal, ident: str):
    """The agency of a record id, if the principal may act on it; else a refusal."""
    agency = agency_of(ident) if _ID.match(ident or "") else None
    if agency is None:
        return None, _refuse("NOT_FOUND", f"{ident!r} is not an id of ours", ["id"])
    legal_anywhere = principal.has("accountability_officer") and principal.agency is None
    if principal.agency != agency and not legal_anywhere:
        return None, _refuse("FORBIDDEN", f"you may not act for {agency}")
    return agency, None


def _form(request) -> dict:
    form = request.form
    data = {snake: form.get(name) for name, snake in _FIELDS.items() if form.get(name)}
    if form.getlist("participants"):
        data["participants"] = form.getlist("participants")
    return data


def upload_evidence(service, request):
    principal, refused = _principal(service, request, UPLOADERS)
    if refused:
        return refused
    length = request.content_length
    if length is None:
        return _refuse("LENGTH_REQUIRED", "send the upload with a Content-Length", None, 411)
    if length > EVIDENCE_MAX_BYTES + MULTIPART_OVERHEAD:   # refused before reading it
        return _refuse("EVIDENCE_TOO_LARGE", f"files are at most "
                        f"{EVIDENCE_MAX_BYTES // (1024 * 1024)} MiB", ["file"])
    if request.mimetype != "multipart/form-data":
        return _refuse("UNSUPPORTED_MEDIA_TYPE", "send multipart/form-data", None, 415)
    try:
        data = _form(request)
        upload = request.files.get("file")
        if upload is None:
            return _refuse("INVALID_INPUT", "the file part `file` is missing", ["file"])
        agency, refused = _for_agency(principal, data.get("subject_id"))
        if refused:
            return refused
        content = upload.stream.read(EVIDENCE_MAX_BYTES + 1)
        data["filename"] = upload.filename  # as sent: the service refuses path tricks
        data["content_base64"] = base64.b64encode(content).decode()
        who = {"sub": principal.sub, "roles": sorted(principal.roles),
               "agency": principal.agency}
        services = service._context(principal).services
        # a 16 MiB file travels and commits in one go: longer than a query's 10 s bound
        found = getattr(services, agency.lower()).attach_evidence(data, who,
                                                                  timeout=UPLOAD_SECONDS)
    except DomainError as exc:
        return _refuse(exc.code, exc.message, exc.field)
    except Exception:  # never a stack trace or a 500: log it, name the correlation id
        log.exception("evidence upload failed")
        return _refuse("INTERNAL_ERROR", f"internal error (correlation id "
                        f"{service.correlation_id})", None, 503)
    return json_response(201, {"evidence": found})


def _download(service, request, ident: str, fetch):
    principal, refused = _principal(service, request, READERS)
    if refused:
        return refused
    agency, refused = _for_agency(principal, ident)
    if refused:
        return refused
    try:
        found = fetch(getattr(service._context(principal).services, agency.lower()))
    except DomainError as exc:
        return _refuse(exc.code, exc.message, exc.field)
    except Exception:
        log.exception("file download failed")
        return _refuse("INTERNAL_ERROR", f"internal error (correlation id "
                        f"{service.correlation_id})", None, 503)
    return found


def _attachment(found: dict, name: str) -> Response:
    # RFC 6266 / 5987: a UTF-8 name, percent-encoded, never a raw header value
    return Response(base64.b64decode(found["content_base64"]), status=200,
                    content_type=found["content_type"], headers={
                        "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store",
                        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


def download_evidence(service, request, evidence_id):
    found = _download(service, request, evidence_id, lambda s: s.download_evidence(
        evidence_id, timeout=UPLOAD_SECONDS))
    return found if not isinstance(found, dict) else _attachment(found, found["filename"])


def download_document(service, request, document_id, fmt):
    if fmt not in ("pdf", "html"):
        return _refuse("NOT_FOUND", "documents are .pdf or .html", ["format"], 404)
    found = _download(service, request, document_id,
                      lambda s: s.download_document(document_id, fmt, timeout=UPLOAD_SECONDS))
    if not isinstance(found, dict):
        return found
    return _attachment(found, f"{found['title']}-{found['number']}.{fmt}")
