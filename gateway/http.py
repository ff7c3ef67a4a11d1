"""GraphQL over HTTP (the draft specification, as audited by graphql-http's server audits):
size and type checks, content negotiation, auth, limits, execution, error masking.

- POST (application/json) for everything; GET for queries, with the parameters in the
  URL (`query`, `operationName`, `variables` and `extensions` as JSON); a mutation by GET
  is refused with 405 and never run.
- Responses as `application/graphql-response+json` when the client asks for it (status
  codes say what happened: 400 for a document that does not parse or validate, variables
  that do not coerce or an operation that cannot be chosen), otherwise `application/json`
  (200 for every well-formed request, its errors in the body). A request that is not
  well-formed (bad JSON, a parameter of the wrong type) is 400 either way.

Whatever arrives, the answer is JSON with a clear error code and never a stack
trace, an internal message or a 500.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache

from graphql import GraphQLError, OperationType, get_operation_ast, parse, specified_rules, \
    validate

from gateway import limits
from gateway.auth import AuthError, authenticate
from gateway.execution import LeanExecution
from gateway.http_params import (GRAPHQL_RESPONSE, JSON, Refused, negotiate, read_body,
                                 read_query_string)
from services.common.errors import DomainError

log = logging.getLogger(__name__)
MAX_TOKENS = 5000


def json_response(status: int, body: dict, headers=None, media: str = JSON):
    return status, {"Content-Type": f"{media}; charset=utf-8", **(headers or {})}, \
        json.dumps(body, default=str)


def error_response(status: int, code: str, message: str, headers=None, media: str = JSON):
    return json_response(status, {"errors": [{"message": message, "extensions": {"code": code}}]},
                         headers, media)


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


def request_errors(media: str, errors: list):
    """A GraphQL request error (nothing executed, no `data` entry): 400 under
    application/graphql-response+json, 200 under application/json (spec: Status Codes)."""
    return json_response(400 if media == GRAPHQL_RESPONSE else 200, {"errors": errors},
                         media=media)


def run_graphql(schema, request, secret, make_context, machine=None, admit=None):
    """`machine`: checks ES256 access tokens (gateway.machine); `admit(principal, params)`:
    a refusal response (rate limit, untrusted document) or None, after which
    params["query"] holds the document to run."""
    media = negotiate(request)
    if media is None:
        return error_response(406, "NOT_ACCEPTABLE", f"accept {GRAPHQL_RESPONSE} or {JSON}")
    try:
        params = read_query_string(request) if request.method == "GET" else read_body(request)
    except Refused as refused:
        return error_response(refused.status, refused.code, refused.message, refused.headers,
                              media)
    try:
        principal = authenticate(request.headers.get("Authorization"), secret, machine)
    except AuthError as exc:
        status = 503 if exc.code == "SERVICE_UNAVAILABLE" else 401
        return error_response(status, exc.code, exc.message, {"WWW-Authenticate": "Bearer"},
                              media)
    refusal = admit(principal, params, media) if admit else None
    if refusal is not None:
        return refusal
    if params.get("documentId"):
        return request_errors(media, [{"message": "no such trusted document", "extensions":
                                       {"code": "PERSISTED_DOCUMENT_NOT_FOUND"}}])
    try:
        document, errors = prepare(schema, params["query"])
    except GraphQLError as exc:
        return request_errors(media, [{"message": exc.message,
                                       "extensions": {"code": "GRAPHQL_PARSE_FAILED"}}])
    if request.method == "GET":
        operation = get_operation_ast(document, params["operationName"])
        if operation is not None and operation.operation is OperationType.MUTATION:
            # Safe methods never change anything (spec: GET): refused before validation.
            return error_response(405, "METHOD_NOT_ALLOWED", "send mutations with POST",
                                  {"Allow": "POST"}, media)
    ctx = make_context(principal)
    if errors:
        return request_errors(media, [format_error(e, ctx.correlation_id) for e in errors[:20]])
    # Built first so that variable coercion and operation choice (request errors) are
    # told apart from field errors, as the status codes must be.
    exe = LeanExecution.build(schema.graphql_schema, document, None, ctx, params["variables"],
                              params["operationName"])
    if isinstance(exe, list):
        return request_errors(media, [format_error(e, ctx.correlation_id) for e in exe[:20]])
    try:
        data = exe.execute_operation(exe.operation, None)
    except GraphQLError as error:
        exe.collected_errors.add(error, None)
        data = None
    result = exe.build_response(data, exe.collected_errors.errors)
    out = {"data": result.data,
           "extensions": {"serviceCalls": ctx.services.calls, "correlationId": ctx.correlation_id}}
    if result.errors:
        out["errors"] = [format_error(e, ctx.correlation_id) for e in result.errors]
    return json_response(200, out, media=media)
