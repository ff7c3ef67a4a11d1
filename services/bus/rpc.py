"""RPC between the gateway and the services.

A business refusal crosses RPC as data (`{"error": {...}}`), not as a remote
exception, so the gateway can return it in the payload with its code and field.
A database outage becomes the retryable code SERVICE_UNAVAILABLE.
"""
from __future__ import annotations

import datetime as dt
import functools
import inspect
import logging

from kombu.utils.json import register_type
from nameko.rpc import Rpc, RpcConsumer
from pymongo.errors import ConnectionFailure, DuplicateKeyError, OperationFailure

from services.bus.topology import rpc_queue_arguments

from services.common.actor import Actor
from services.common.clock import iso
from services.common.errors import DomainError

log = logging.getLogger(__name__)
UNAVAILABLE = "SERVICE_UNAVAILABLE"
# On the wire an instant is ISO 8601 text (clock.iso) in whatever this process sends (RPC
# results above all: stored documents hold datetimes). kombu's JSON would otherwise wrap
# it as a typed object only kombu reads; marker None makes the encoding plain text. At
# encoding time, so no result is walked twice.
register_type(dt.datetime, None, iso)


class BusRpcConsumer(RpcConsumer):
    """nameko's consumer of `rpc-<service>`, declaring that queue as JOINTOPS_QUEUE_TYPE
    says (a quorum queue survives the loss of a broker node; nameko declares it classic)."""

    def setup(self):
        first = self.queue is None
        super().setup()
        if first:
            cfg = self.container.config["JOINTOPS"]
            self.queue.queue_arguments = rpc_queue_arguments(cfg.queue_type)


class BusRpc(Rpc):
    rpc_consumer = BusRpcConsumer()


rpc = BusRpc.decorator  # every service's @rpc (never nameko.rpc.rpc: one consumer a queue)


def _adopt_caller(signature, service, args, kwargs) -> None:
    """A caller that passed `actor` as an argument but sent no actor header (a client
    other than services.bus.client) still has its command recorded as theirs; so does a
    person a tool acts for (the header a system actor, e.g. `jointops demo load` filing as
    one officer and reviewing as a legal-affairs reviewer: recorded as the tool, both steps
    would be one "person" and the review not independent)."""
    data = getattr(service, "worker_data", None)
    if not isinstance(data, dict):
        return
    header = Actor.from_value(data.get("actor"))
    if header is not None and not header.is_system:
        return
    try:
        given = signature.bind_partial(service, *args, **kwargs).arguments
    except TypeError:
        return
    actor = Actor.from_value(given.get("actor"))
    if actor is not None and (header is None or not actor.is_system):
        data["actor"] = actor.to_dict()


def command(fn):
    signature = inspect.signature(fn)
    takes_actor = "actor" in signature.parameters

    @functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        if takes_actor:
            _adopt_caller(signature, self, args, kwargs)
        try:
            return {"ok": fn(self, *args, **kwargs)}
        except DomainError as exc:
            return {"error": exc.to_dict()}
        except DuplicateKeyError:  # a retry cannot fix it: not "unavailable"
            return {"error": {"code": "CONFLICT", "message": "a record with the same key "
                              "already exists; nothing was changed", "field": None}}
        except (ConnectionFailure, OperationFailure) as exc:
            log.warning("database unavailable in %s: %s", fn.__name__, exc)
            return {"error": {"code": UNAVAILABLE, "message": "the database is unavailable; "
                              "nothing was changed, retry later", "field": None}}
    return wrapper


def unwrap(reply: dict):
    if "error" in reply:
        err = reply["error"]
        raise DomainError(err["code"], err["message"], err.get("field"),
                          **err.get("details", {}))
    return reply["ok"]
