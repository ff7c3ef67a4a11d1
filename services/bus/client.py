"""The one service client: how the gateway and every service call another service.

`clients.certification.check_qualifications(checks)` is counted (the gateway reports
`extensions.serviceCalls`), bounded by a timeout, unwrapped (a refusal raises DomainError
with its code and field) and mapped (an absent service or a late answer is the retryable
SERVICE_UNAVAILABLE). The caller's correlation id and actor travel as nameko context
headers, so the callee's records and events name the same request and person.
`...check_qualifications.later(checks)` starts a call and returns what `.result()` waits
for, so independent calls run at once.
"""
from __future__ import annotations

import contextlib
import logging

import eventlet
from nameko.exceptions import RpcTimeout, UnknownService
from nameko.extensions import DependencyProvider
from nameko.rpc import ReplyListener, ServiceProxy

from services.bus.rpc import UNAVAILABLE, unwrap
from services.common.actor import Actor
from services.common.errors import DomainError

log = logging.getLogger(__name__)
TIMEOUT = 10.0


def _unavailable(service: str) -> DomainError:
    return DomainError(UNAVAILABLE, f"the {service} service did not answer in time; "
                       "nothing was changed, retry later")


class Pending:
    """A call under way; `result()` waits at most the call's timeout."""

    def __init__(self, clients, service, reply, timeout, raw):
        self._clients, self._service, self._reply = clients, service, reply
        self._timeout, self._raw = timeout, raw

    def result(self):
        try:
            with eventlet.Timeout(self._timeout):
                reply = self._reply.result()
        except (eventlet.Timeout, RpcTimeout):
            raise _unavailable(self._service) from None
        return reply if self._raw else unwrap(reply)


class Operation:
    def __init__(self, clients, service: str, name: str):
        self._clients, self._service, self._name = clients, service, name

    def __call__(self, *args, **kwargs):
        return self.later(*args, **kwargs).result()

    def later(self, *args, timeout: float | None = None, raw: bool = False, **kwargs):
        return self._clients.start(self._service, self._name, args, kwargs, timeout, raw)


class Remote:
    def __init__(self, clients, service: str):
        self._clients, self._service = clients, service

    def __getattr__(self, name: str) -> Operation:
        if name.startswith("_"):
            raise AttributeError(name)
        return Operation(self._clients, self._service, name)


class Clients:
    """What a worker (or a command-line tool) holds: one Remote per service it may call.

    `proxies` maps service names to nameko proxies (a worker's ServiceProxy, or a
    standalone ClusterRpcProxy's attribute); `context` is the dict nameko sends as
    headers (a worker's `data`, or the standalone proxy's context data)."""

    def __init__(self, proxies, context: dict, timeout: float = TIMEOUT):
        self._proxies, self._context, self._timeout = proxies, context, timeout
        self.calls = 0

    def __getattr__(self, service: str) -> Remote:
        if service.startswith("_") or service not in self._proxies:
            raise AttributeError(service)
        return Remote(self, service)

    def act_as(self, actor) -> None:
        """Calls from now on are made for `actor` (a person's token, or a system name)."""
        actor = Actor.from_value(actor)
        if actor is None:
            self._context.pop("actor", None)
        else:
            self._context["actor"] = actor.to_dict()

    def call(self, service, operation, *args, timeout=None, raw=False, **kwargs):
        return self.start(service, operation, args, kwargs, timeout, raw).result()

    def start(self, service, operation, args, kwargs, timeout, raw) -> Pending:
        self.calls += 1
        timeout = timeout or self._timeout
        # Sending is bounded too: a broker that cannot take the request (a cluster that
        # lost its majority holds publisher confirms back, and then the channel's close)
        # is an absent service, not a hang. The send goes on in its own green thread,
        # left to finish or fail by itself when we stop waiting.
        method = getattr(self._proxies[service], operation)
        sending = eventlet.spawn(method.call_async, *args, **kwargs)
        bound = eventlet.Timeout(timeout)
        try:
            reply = sending.wait()
        except UnknownService:
            log.warning("%s.%s: no %s service is running", service, operation, service)
            raise _unavailable(service) from None
        except eventlet.Timeout as exc:
            if exc is not bound:
                raise
            log.warning("%s.%s: the broker did not take the request in %.0f s", service,
                        operation, timeout)
            raise _unavailable(service) from None
        finally:
            bound.cancel()
        return Pending(self, service, reply, timeout, raw)


class ServiceClients(DependencyProvider):
    """`clients = ServiceClients("certification", "culture")` on a nameko service."""

    rpc_reply_listener = ReplyListener()

    def __init__(self, *services: str, timeout: float = TIMEOUT):
        self.services, self.timeout = services, timeout

    def get_dependency(self, worker_ctx) -> Clients:
        proxies = {name: ServiceProxy(worker_ctx, name, self.rpc_reply_listener)
                   for name in self.services}
        return Clients(proxies, worker_ctx.data, self.timeout)


@contextlib.contextmanager
def standalone(config: dict, actor, timeout: float = 60.0):
    """Clients for a command-line tool or a loader, acting as `actor`."""
    from nameko.standalone.rpc import ClusterRpcProxy

    data = {"actor": Actor.from_value(actor).to_dict()}
    with ClusterRpcProxy(config, timeout=timeout, context_data=data) as rpc:
        yield Clients(_StandaloneProxies(rpc), data, timeout)


class _StandaloneProxies:
    def __init__(self, rpc):
        self._rpc = rpc

    def __contains__(self, service):
        return isinstance(service, str) and not service.startswith("_")

    def __getitem__(self, service):
        return getattr(self._rpc, service)


def cluster(config: dict, actor, timeout: float = 60.0):
    """A standalone proxy for tools that read raw replies (`unwrap` themselves): the same
    headers as the client's, so what a tool does is recorded as its actor's."""
    from nameko.standalone.rpc import ClusterRpcProxy

    return ClusterRpcProxy(config, timeout=timeout,
                           context_data={"actor": Actor.from_value(actor).to_dict()})
