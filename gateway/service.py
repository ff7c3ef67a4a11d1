"""The gateway as a nameko service: HTTP in, RPC to the services out.

It keeps no state of its own, so any number of replicas can run behind a balancer.
"""
from __future__ import annotations

import logging

from nameko.dependency_providers import Config
from nameko.rpc import RpcProxy
from nameko.web.handlers import http

from gateway import graphiql, qualification_cache
from gateway.context import RequestContext, Services
from gateway.http import error_response, json_response, run_graphql
from gateway.schema import build_schema
from services import registry
from services.bus.subscriber import subscribe
from services.bus.tracing import Tracing

log = logging.getLogger(__name__)
SCHEMA = build_schema()


class GatewayService:
    name = "gateway"
    config = Config()
    correlation_id = Tracing()
    # One RPC proxy per service, injected by nameko as `rpc_<service>`.
    locals().update({f"rpc_{name}": RpcProxy(name) for name in registry.SERVICES})

    def _context(self, principal):
        proxies = {name: getattr(self, f"rpc_{name}") for name in registry.SERVICES}
        return RequestContext(principal, Services(proxies), self.correlation_id,
                              self.config["JOINTOPS"])

    @http("POST", "/graphql")
    def graphql(self, request):
        try:
            return run_graphql(SCHEMA, request, self.config["JOINTOPS"].jwt_secret,
                               self._context)
        except Exception:  # last line of defence: log it, never show it
            log.exception("gateway request failed")
            return error_response(200, "INTERNAL_ERROR",
                                  f"internal error (correlation id {self.correlation_id})")

    @http("GET", "/graphql")
    def graphiql(self, request):
        if "text/html" in (request.headers.get("Accept") or ""):
            return 200, {"Content-Type": "text/html; charset=utf-8"}, graphiql.page()
        return error_response(405, "METHOD_NOT_ALLOWED", "POST GraphQL requests as JSON")

    from gateway.reports import operation_report  # GET /operations/<id>/report.html
    from gateway.graphiql import graphiql_asset  # GET /graphiql/<asset>
    from gateway.console import (  # GET /, /console, /console/<path>
        console_file, console_index, console_redirect, root_redirect)
    from gateway.dev_login import dev_login, dev_login_state  # /auth/dev-login
    from gateway.exports import officers_xlsx  # GET /exports/officers.xlsx

    @subscribe("certification.#", broadcast=True)
    def on_certification_event(self, event):
        """Any change to an officer's record drops this replica's cached answers."""
        qualification_cache.invalidate(event["payload"].get("officer_id"))

    @http("GET", "/healthz")
    def healthz(self, request):
        return json_response(200, {"status": "ok"})

    @http("GET", "/schema.graphql")
    def sdl(self, request):
        return 200, {"Content-Type": "text/plain; charset=utf-8"}, str(SCHEMA)
