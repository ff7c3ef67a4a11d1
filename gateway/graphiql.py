"""GraphiQL for browsers, served by the gateway itself.

Its assets come from infra/graphiql (pinned in package-lock.json, installed by
`make run` with `npm ci`), so the IDE works on a machine without Internet access;
where they are not installed the page falls back to the same versions on a CDN.
"""
from __future__ import annotations

from pathlib import Path

from werkzeug.wrappers import Response

from gateway.http import error_response

NODE_MODULES = Path(__file__).resolve().parents[1] / "infra" / "graphiql" / "node_modules"
CDN = "https://unpkg.com"
# name -> (path under node_modules, CDN path, content type): nothing else is served.
ASSETS = {
    "graphiql.min.css": ("graphiql/graphiql.min.css", "graphiql@3.8.3/graphiql.min.css",
                         "text/css"),
    "graphiql.min.js": ("graphiql/graphiql.min.js", "graphiql@3.8.3/graphiql.min.js",
                        "application/javascript"),
    "react.production.min.js": ("react/umd/react.production.min.js",
                                "react@18.3.1/umd/react.production.min.js",
                                "application/javascript"),
    "react-dom.production.min.js": ("react-dom/umd/react-dom.production.min.js",
                                    "react-dom@18.3.1/umd/react-dom.production.min.js",
                                    "application/javascript"),
}
TEMPLATE = (Path(__file__).with_name("graphiql.html")).read_text()


def _url(name: str) -> str:
    local, cdn, _ = ASSETS[name]
    return f"/graphiql/{name}" if (NODE_MODULES / local).is_file() else f"{CDN}/{cdn}"


def page() -> str:
    html = TEMPLATE
    for name in ASSETS:
        html = html.replace("{{" + name + "}}", _url(name))
    return html


def graphiql_asset(request, name):
    if name not in ASSETS or not (NODE_MODULES / ASSETS[name][0]).is_file():
        return error_response(404, "NOT_FOUND", "no such asset")
    local, _, content_type = ASSETS[name]
    # A Response, not a tuple: nameko takes only text payloads in tuples.
    return Response((NODE_MODULES / local).read_bytes(), status=200, content_type=content_type,
                    headers={"Cache-Control": "public, max-age=86400"})
