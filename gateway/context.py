"""Per-request context: who asks, the service clients, and a call counter.

The counter is returned in `extensions.serviceCalls`, so batching (one call for many
rows) is visible to clients and tests.
"""
from __future__ import annotations

import logging

import eventlet

from services.bus.rpc import UNAVAILABLE, unwrap
from services.common.errors import DomainError

log = logging.getLogger(__name__)
RPC_TIMEOUT = 10.0


class Services:
    """`ctx.services.certification.check_many(...)`: counted, timed out, unwrapped."""

    def __init__(self, proxies: dict, timeout: float = RPC_TIMEOUT):
        self._proxies, self._timeout = proxies, timeout
        self.calls = 0

    def __getattr__(self, service):
        if service.startswith("_") or service not in self._proxies:
            raise AttributeError(service)
        return _ServiceClient(self, service)

    def call(self, service, method, *args, timeout=None, raw=False, **kwargs):
        self.calls += 1
        try:
            with eventlet.Timeout(timeout or self._timeout):
                reply = getattr(self._proxies[service], method)(*args, **kwargs)
        except eventlet.Timeout:
            raise DomainError(UNAVAILABLE, f"the {service} service did not answer in time; "
                              "retry later") from None
        return reply if raw else unwrap(reply)


class _ServiceClient:
    def __init__(self, services, name):
        self._services, self._name = services, name

    def __getattr__(self, method):
        return lambda *a, **kw: self._services.call(self._name, method, *a, **kw)


class RequestContext:
    def __init__(self, principal, services: Services, correlation_id: str, config):
        self.principal = principal
        self.services = services
        self.correlation_id = correlation_id
        self.config = config
        self.cache = {}  # per-request memo for batched lookups
