"""GraphQL over HTTP: size and type checks, auth, limits, execution, error masking.

Whatever arrives, the answer is JSON with a clear error code and never a stack
trace, an internal message or a 500.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache

from graphql import GraphQLError, execute, parse, specified_rules, validate

from gateway import limits
from gateway.execution import LeanExecution
from gateway.auth import AuthError, authenticate
from services.common.errors import DomainError

log = logging.getLogger(__name__)
JSON = "application/json"
MAX_TOKENS = 5000


def json_response(status: int, body: dict, headers=None):
    return status, {"Content-Type": JSON, **(headers or {})}, json.dumps(body, default=str)


def error_response(status: int, code: str, message: str, headers=None):
    return json_response(status, {"errors": [{"message": message, "extensions": {"code": code}}]},
                         headers)


def read_body(request):
    if request.mimetype != JSON:
        return None, error_response(415, "UNSUPPORTED_MEDIA_TYPE",
                                    "send the request as application/json")
    length = request.content_length
    if length is not None and length > limits.MAX_BODY_BYTES:
        return None, error_response(413, "REQUEST_TOO_LARGE",
                                    f"the body exceeds {limits.MAX_BODY_BYTES} bytes")
    raw = request.stream.read(limits.MAX_BODY_BYTES + 1)
    if len(raw) > limits.MAX_BODY_BYTES:
        return None, error_response(413, "REQUEST_TOO_LARGE",
                                    f"the body exceeds {limits.MAX_BODY_BYTES} bytes")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):  # nesting bombs too
        return None, error_response(400, "MALFORMED_JSON", "the body is not valid JSON")
    if (not isinstance(body, dict) or not isinstance(body.get("query"), str)
            or not isinstance(body.get("variables") or {}, dict)
            or not isinstance(body.get("operationName") or "", str)):
        return None, error_response(400, "BAD_REQUEST", "expected {query: string, variables?: "
                                    "object, operationName?: string}")
    if limits.has_long_list(body.get("variables")):
        return None, error_response(400, "LIST_TOO_LONG", limits.LIST_TOO_LONG)
    return body, None


def format_error(error: GraphQLError, correlation_id: str) -> dict:
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        ext = dict(error.extensions or {})
        ext.setdefault("code", "GRAPHQL_VALIDATION_FAILED" if original is None and not error.path
                       else "BAD_REQUEST")
        out = {"message": error.message, "extensions": ext}
    elif isinstance(original, DomainError):
        out = {"message": original.message, "extensions": {"code": original.code}}
    else:  # a bug: log it with the correlation id, tell the client only that id
        log.error("resolver failed: %r", original, exc_info=(type(original), original,
                                                            original.__traceback__))
        out = {"message": f"internal error (correlation id {correlation_id})",
               "extensions": {"code": "INTERNAL_ERROR"}}
    if error.path:
        out["path"] = error.path
    return out


CACHEABLE_QUERY_CHARS = 8192


@lru_cache(maxsize=512)
def _prepare_cached(schema, query: str):
    return _prepare(schema, query)


def _prepare(schema, query: str):
    """Parse and validate; clients repeat the same few queries, so the result is cached
    (bounded: small queries only, 512 of them)."""
    document = parse(query, max_tokens=MAX_TOKENS)
    return document, validate(schema.graphql_schema, document,
                              [*specified_rules, *limits.rules()])


def prepare(schema, query: str):
    if len(query) <= CACHEABLE_QUERY_CHARS:
        return _prepare_cached(schema, query)
    return _prepare(schema, query)


def run_graphql(schema, request, secret, make_context):
    body, refused = read_body(request)
    if refused:
        return refused
    try:
        principal = authenticate(request.headers.get("Authorization"), secret)
    except AuthError as exc:
        return error_response(401, exc.code, exc.message, {"WWW-Authenticate": "Bearer"})
    try:
        document, errors = prepare(schema, body["query"])
    except GraphQLError as exc:
        return error_response(400, "GRAPHQL_PARSE_FAILED", exc.message)
    ctx = make_context(principal)
    if errors:
        return json_response(400, {"errors": [format_error(e, ctx.correlation_id)
                                              for e in errors[:20]]})
    result = execute(schema.graphql_schema, document, context_value=ctx,
                     variable_values=body.get("variables"),
                     operation_name=body.get("operationName"),
                     execution_context_class=LeanExecution)
    out = {"data": result.data,
           "extensions": {"serviceCalls": ctx.services.calls, "correlationId": ctx.correlation_id}}
    if result.errors:
        out["errors"] = [format_error(e, ctx.correlation_id) for e in result.errors]
    return json_response(200, out)
