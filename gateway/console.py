"""The web console (built from console/ into console/dist) served at /console/.

Deep links work: a path below /console/ that is not a built file gets index.html, and
the app routes it. Vite names assets by content hash, so they are cached for a year;
index.html is revalidated every time so a new build is picked up at once. The build
writes a gzip copy beside each text file, sent to clients that accept gzip.

Routed by gateway/service.py's GatewayService (a method per route hands over to this module).
"""
from __future__ import annotations

import mimetypes
from pathlib import Path

from werkzeug.wrappers import Response

from gateway.http import error_response

DIST = Path(__file__).resolve().parents[1] / "console" / "dist"
YEAR = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"


def _file(path: str) -> Path | None:
    """The built file `path` names, never anything outside DIST."""
    if not path or path.endswith(".gz"):
        return None
    candidate = (DIST / path).resolve()
    if candidate.is_relative_to(DIST) and candidate.is_file():
        return candidate
    return None


def serve(request, path: str):
    index = DIST / "index.html"
    if not index.is_file():
        return error_response(503, "CONSOLE_NOT_BUILT", "the console is not built: run "
                              "`make run` (or `npm run build --prefix console`)")
    found = _file(path)
    target, cache = (found, YEAR if path.startswith("assets/") else NO_CACHE) if found \
        else (index, NO_CACHE)
    content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    if content_type.startswith("text/") or content_type.endswith("javascript"):
        content_type += "; charset=utf-8"
    headers = {"Cache-Control": cache, "Vary": "Accept-Encoding",
               "X-Content-Type-Options": "nosniff"}
    packed = target.with_name(target.name + ".gz")
    if "gzip" in (request.headers.get("Accept-Encoding") or "") and packed.is_file():
        body = packed.read_bytes()
        headers["Content-Encoding"] = "gzip"
    else:
        body = target.read_bytes()
    return Response(body, status=200, content_type=content_type, headers=headers)


def console_file(request, path):
    return serve(request, path)


def console_index(request):
    return serve(request, "")


def root_redirect(request):
    return Response("", status=302, headers={"Location": "/console/"})


def console_redirect(request):
    return Response("", status=302, headers={"Location": "/console/"})
