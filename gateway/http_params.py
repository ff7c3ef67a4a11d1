"""The parameters of a GraphQL-over-HTTP request (POST body or GET query string) and the
response media type the client accepts. Anything not well-formed is `Refused`."""
from __future__ import annotations

import json

from gateway import limits

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
# Server preference: `*/*` and legacy clients get application/json (what they expect).
MEDIA_TYPES = [JSON, GRAPHQL_RESPONSE]


class Refused(Exception):
    """A request that is not a well-formed GraphQL-over-HTTP request."""

    def __init__(self, status, code, message, headers=None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def negotiate(request) -> str | None:
    """The response media type; None when the client accepts neither (406). No Accept
    header at all: application/json (spec: Body, legacy clients)."""
    if not (request.headers.get("Accept") or "").strip():
        return JSON
    return request.accept_mimetypes.best_match(MEDIA_TYPES)


PARAMS = "expected {query: string, variables?: object, operationName?: string, " \
    "extensions?: object} (or documentId: \"sha256:<hex>\" instead of query)"


def well_formed(body) -> dict:
    """The four parameters, each of its type (null = absent), or Refused (400). A trusted
    document is named by `documentId` instead of `query` (persisted documents)."""
    if isinstance(body, dict) and body.get("query") is None \
            and isinstance(body.get("documentId"), str):
        body = {**body, "query": ""}
    if (not isinstance(body, dict) or not isinstance(body.get("query"), str)
            or not isinstance(body.get("variables"), (dict, type(None)))
            or not isinstance(body.get("operationName"), (str, type(None)))
            or not isinstance(body.get("extensions"), (dict, type(None)))):
        raise Refused(400, "BAD_REQUEST", PARAMS)
    if limits.has_long_list(body.get("variables")):
        raise Refused(400, "LIST_TOO_LONG", limits.LIST_TOO_LONG)
    return {"query": body["query"], "variables": body.get("variables") or {},
            "operationName": body.get("operationName") or None,
            "documentId": body.get("documentId") if not body["query"] else None}


def read_body(request) -> dict:
    if request.mimetype != JSON:
        raise Refused(415, "UNSUPPORTED_MEDIA_TYPE", "send the request as application/json")
    length = request.content_length
    if length is not None and length > limits.MAX_BODY_BYTES:
        raise Refused(413, "REQUEST_TOO_LARGE", f"the body exceeds {limits.MAX_BODY_BYTES} bytes")
    raw = request.stream.read(limits.MAX_BODY_BYTES + 1)
    if len(raw) > limits.MAX_BODY_BYTES:
        raise Refused(413, "REQUEST_TOO_LARGE", f"the body exceeds {limits.MAX_BODY_BYTES} bytes")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):  # nesting bombs too
        raise Refused(400, "MALFORMED_JSON", "the body is not valid JSON") from None
    return well_formed(body)


def read_query_string(request) -> dict:
    """GET: parameters URL-encoded; `variables` and `extensions` JSON-encoded; an empty
    optional parameter is an absent one (spec: GET)."""
    args = request.args
    body = {"query": args.get("query")}
    if args.get("documentId") and not args.get("query"):
        body = {"documentId": args["documentId"]}
    if args.get("operationName"):
        body["operationName"] = args["operationName"]
    for name in ("variables", "extensions"):
        if args.get(name):
            try:
                body[name] = json.loads(args[name])
            except (ValueError, RecursionError):
                raise Refused(400, "MALFORMED_JSON", f"{name} is not valid JSON") from None
            if not isinstance(body[name], dict):
                raise Refused(400, "BAD_REQUEST", PARAMS)
    return well_formed(body)
