"""Per-request context: who asks, the service clients acting for them, and a call counter.

The clients are services.bus.client's (the one service client); their call count is
returned in `extensions.serviceCalls`, so batching (one call for many rows) is visible to
clients and tests.
"""
from __future__ import annotations

from services.bus.client import Clients
from services.common.actor import Actor


def actor_of(principal) -> Actor | None:
    if principal is None:
        return None
    return Actor(principal.sub, tuple(sorted(principal.roles)), principal.agency)


class RequestContext:
    def __init__(self, principal, services: Clients, correlation_id: str, config):
        self.principal = principal
        self.services = services
        services.act_as(actor_of(principal))  # every call of this request is theirs
        self.correlation_id = correlation_id
        self.config = config
        self.cache = {}  # per-request memo for batched lookups
