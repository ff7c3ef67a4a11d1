"""The gateway as a nameko service: HTTP in, RPC to the services out.

It keeps no state of its own, so any number of replicas can run behind a balancer.
"""
from __future__ import annotations

import logging

from nameko.dependency_providers import Config
from nameko.web.handlers import http

from gateway import (console, credential_pages, dev_login, exports, files_http, graphiql,
                     ledger_export, machine, oauth, qualification_cache, reports,
                     status_list_cache)
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

    # The other routes: each handler lives in its module and takes this service.
    @http("GET", "/operations/<operation_id>/report.<fmt>")  # .html or .pdf
    def operation_report(self, request, operation_id, fmt):
        return reports.operation_report(self, request, operation_id, fmt)

    @http("GET", "/reports/annual/<name>")  # <year>.html, .pdf or .xlsx
    def annual_report(self, request, name):
        return reports.annual_report(self, request, name)

    @http("GET", "/graphiql/<name>")
    def graphiql_asset(self, request, name):
        return graphiql.graphiql_asset(request, name)

    @http("GET", "/.well-known/jwks.json")
    def jwks(self, request):
        return credential_pages.jwks(self, request)

    @http("GET", "/credentials/status/<list_id>")
    def status_list(self, request, list_id):
        return credential_pages.status_list(self, request, list_id)

    @http("GET", "/credentials/verify")
    def verify_page(self, request):
        return credential_pages.verify_page(self, request)

    @http("POST", "/oauth/token")  # machine clients
    def oauth_token(self, request):
        return oauth.oauth_token(self, request)

    @http("GET", "/")
    def root_redirect(self, request):
        return console.root_redirect(request)

    @http("GET", "/console")
    def console_redirect(self, request):
        return console.console_redirect(request)

    @http("GET", "/console/")
    def console_index(self, request):
        return console.console_index(request)

    @http("GET", "/console/<path:path>")
    def console_file(self, request, path):
        return console.console_file(request, path)

    @http("GET", "/auth/dev-login")
    def dev_login_state(self, request):
        return dev_login.dev_login_state(self, request)

    @http("POST", "/auth/dev-login")
    def dev_login(self, request):
        return dev_login.dev_login(self, request)

    @http("GET", "/exports/officers.xlsx")
    def officers_xlsx(self, request):
        return exports.officers_xlsx(self, request)

    @http("GET", "/exports/ledger.xlsx")
    def ledger_xlsx(self, request):
        return ledger_export.ledger_xlsx(self, request)

    @http("POST", "/evidence")
    def upload_evidence(self, request):
        return files_http.upload_evidence(self, request)

    @http("GET", "/evidence/<evidence_id>")
    def download_evidence(self, request, evidence_id):
        return files_http.download_evidence(self, request, evidence_id)

    @http("GET", "/documents/<document_id>.<fmt>")  # .pdf or .html
    def download_document(self, request, document_id, fmt):
        return files_http.download_document(self, request, document_id, fmt)

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
