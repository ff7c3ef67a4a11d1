"""The gateway as a nameko service: HTTP in, RPC to the services out.

It keeps no state of its own, so any number of replicas can run behind a balancer.
"""
from __future__ import annotations

import logging

from nameko.dependency_providers import Config
from nameko.web.handlers import http

from gateway import graphiql, machine, qualification_cache, status_list_cache
from gateway.context import RequestContext
from gateway.http import error_response, json_response, run_graphql
from gateway.schema import build_schema
from services import registry
from services.bus.client import ServiceClients
from services.bus.subscriber import subscribe
from services.bus.tracing import Tracing
from services.contracts.payloads import CredentialStatusChanged, Event

log = logging.getLogger(__name__)
SCHEMA = build_schema()


class GatewayService:
    name = "gateway"
    config = Config()
    correlation_id = Tracing()
    services = ServiceClients(*registry.SERVICES)

    def _context(self, principal):
        return RequestContext(principal, self.services, self.correlation_id,
                              self.config["JOINTOPS"])

    @http("POST", "/graphql")
    def graphql(self, request):
        try:
            config, services = self.config["JOINTOPS"], self.services
            return run_graphql(SCHEMA, request, config.jwt_secret, self._context,
                               machine.verifier(config, services),
                               machine.admitter(config, services))
        except Exception:  # last line of defence: log it, never show it
            log.exception("gateway request failed")
            return error_response(200, "INTERNAL_ERROR",
                                  f"internal error (correlation id {self.correlation_id})")

    @http("GET", "/graphql")
    def graphql_get(self, request):
        """GraphiQL for a browser; otherwise a GraphQL query with its parameters in the URL
        (cacheable by proxies: the answer varies with the media type and the caller)."""
        if "text/html" in (request.headers.get("Accept") or ""):
            return 200, {"Content-Type": "text/html; charset=utf-8"}, graphiql.page()
        status, headers, body = self.graphql(request)
        return status, {**headers, "Vary": "Accept, Authorization"}, body

    # GET /operations/<id>/report.html|.pdf, /reports/annual/<year>.html|.pdf|.xlsx
    from gateway.reports import annual_report, operation_report
    from gateway.graphiql import graphiql_asset  # GET /graphiql/<asset>
    # GET /.well-known/jwks.json, /credentials/status/<list>, /credentials/verify
    from gateway.credential_pages import jwks, status_list, verify_page
    from gateway.oauth import oauth_token  # POST /oauth/token (machine clients)
    from gateway.console import (  # GET /, /console, /console/<path>
        console_file, console_index, console_redirect, root_redirect)
    from gateway.dev_login import dev_login, dev_login_state  # /auth/dev-login
    from gateway.exports import officers_xlsx  # GET /exports/officers.xlsx
    # POST /evidence, GET /evidence/<id>, GET /documents/<id>.pdf|.html
    from gateway.files_http import download_document, download_evidence, upload_evidence
    from gateway.ledger_export import ledger_xlsx  # GET /exports/ledger.xlsx

    @subscribe(broadcast=True)  # services/contracts/topology.py: certification.#
    def on_certification_event(self, event: Event):
        """Any change to an officer's record drops this replica's cached answers."""
        qualification_cache.invalidate(event.payload.officer_id)
        if isinstance(event.payload, CredentialStatusChanged):
            status_list_cache.invalidate(event.payload.list)

    @subscribe(broadcast=True)  # services/contracts/topology.py: delivery.client_changed
    def on_client_changed(self, event: Event):
        """A client revoked, rotated or given new documents: this replica asks again."""
        machine.invalidate(event.payload.client_id)

    @http("GET", "/healthz")
    def healthz(self, request):
        return json_response(200, {"status": "ok"})

    @http("GET", "/schema.graphql")
    def sdl(self, request):
        return 200, {"Content-Type": "text/plain; charset=utf-8"}, str(SCHEMA)
