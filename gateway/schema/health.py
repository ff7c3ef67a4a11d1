"""`health`: the broker, the database and every service, each with a short timeout."""
from __future__ import annotations

import time

import eventlet
import graphene
from kombu import Connection

from gateway.schema.base import requires
from services import registry
from services.common.errors import DomainError

PING_TIMEOUT = 2.0


class ComponentHealth(graphene.ObjectType):
    """One component's health: the broker, the database or a service."""
    name = graphene.String(required=True,
                           description="The component: rabbitmq, mongodb or a service's name.")
    up = graphene.Boolean(required=True,
                          description="True when it answered within 2 seconds.")
    latency_ms = graphene.Float(description="How long it took to answer, in milliseconds; null "
                                            "when down.")
    detail = graphene.String(description="Why it is down (an error's type or the service's word); "
                                         "null when up.")


class Health(graphene.ObjectType):
    """The health of everything the gateway depends on."""
    up = graphene.Boolean(required=True, description="True when every component is up.")
    broker = graphene.Field(ComponentHealth, required=True,
                            description="The RabbitMQ broker.")
    database = graphene.Field(ComponentHealth, required=True,
                              description="The database, as the services reach it.")
    services = graphene.List(graphene.NonNull(ComponentHealth), required=True,
                             description="Every service, pinged through the broker.")


def _broker(amqp_uri):
    started = time.monotonic()
    try:
        with Connection(amqp_uri, connect_timeout=PING_TIMEOUT) as conn:
            conn.ensure_connection(max_retries=1)
        return ComponentHealth(name="rabbitmq", up=True,
                               latency_ms=(time.monotonic() - started) * 1000)
    except Exception as exc:  # reported, not raised: health must always answer
        return ComponentHealth(name="rabbitmq", up=False, detail=type(exc).__name__)


def _service(ctx, name):
    started = time.monotonic()
    try:
        reply = ctx.services.call(name, "ping", timeout=PING_TIMEOUT, raw=True)
        return ComponentHealth(name=name, up=True, latency_ms=(time.monotonic() - started) * 1000,
                               detail=None if reply.get("database") else "database down"), reply
    except DomainError as exc:
        return ComponentHealth(name=name, up=False, detail=exc.message), None


class Query(graphene.ObjectType):
    health = graphene.Field(Health, required=True,
                            description="Health of the broker, the database and every service "
                                        "(each within 2 s). Every signed-in role.")

    @requires("planner", "certification_admin", "accountability_officer",
              "enforcement_officer", "cross_agency")
    def resolve_health(root, info):
        ctx = info.context
        broker = _broker(ctx.config.amqp_uri)
        # In parallel: one service down costs one timeout, not one per service.
        results = list(eventlet.GreenPool().imap(lambda n: _service(ctx, n),
                                                 registry.SERVICES))
        services = [component for component, _ in results]
        db_up = bool(results) and all(r and r.get("database") for _, r in results)
        database = ComponentHealth(name="mongodb", up=db_up,
                                   detail=None if db_up else "a service cannot reach it")
        up = broker.up and database.up and all(s.up for s in services)
        return Health(up=up, broker=broker, database=database, services=services)
