"""Shared GraphQL types and the two rules every resolver follows: who may call it
(`requires`) and how business refusals come back (`payload_errors`)."""
from __future__ import annotations

import datetime as dt
import functools

import graphene
from graphql import GraphQLError

from gateway.auth import ROLES
from services.contracts import vocabulary as domain
from services.common.errors import DomainError


def enum_of(name: str, values, description: str | None = None):
    """A GraphQL enum whose names are its values (the services' strings)."""
    return graphene.Enum(name, [(v, v) for v in values], description=description)


# The domain's enums, once: GraphQL names and values are the domain's.
Agency = graphene.Enum.from_enum(domain.Agency, description="An enforcement agency.")
EnforcementDomain = graphene.Enum.from_enum(
    domain.EnforcementDomain, description="An enforcement domain; each belongs to one agency.")


class UserError(graphene.ObjectType):
    code = graphene.String(required=True)
    message = graphene.String(required=True)
    field = graphene.List(graphene.NonNull(graphene.String),
                          description="The input field the error is about, as a path.")


def enum_value(value):
    """graphene 3 hands resolvers enum members for enum inputs; services want strings."""
    return getattr(value, "value", value)


def plain(value, keep_none: bool = False):
    """GraphQL input (enum members, dates and times, input objects, lists) as the services'
    JSON: enum values, ISO strings, and no unset (None) keys unless `keep_none`."""
    if isinstance(value, dict):
        return {k: plain(v, keep_none) for k, v in value.items()
                if keep_none or v is not None}
    if isinstance(value, (list, tuple)):
        return [plain(v, keep_none) for v in value]
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return enum_value(value)


def actor(info) -> dict:
    """Who is calling, as the services take it (`actor`): {sub, roles, agency}, and the
    enforcement body the token names, if it names one."""
    p = info.context.principal
    return {"sub": p.sub, "roles": sorted(p.roles), "agency": p.agency,
            **({"body": p.body} if getattr(p, "body", None) else {})}


def forbidden(message="you may not do this", code="FORBIDDEN"):
    return GraphQLError(message, extensions={"code": code})


def requires(*roles):
    """Resolver decorator: the caller must hold one of `roles` (no token: UNAUTHENTICATED)."""
    def wrap(resolver):
        @functools.wraps(resolver)
        def inner(root, info, *args, **kwargs):
            principal = info.context.principal
            if principal is None:
                raise forbidden("a bearer token is required", "UNAUTHENTICATED")
            if not principal.has(*roles):
                raise forbidden(f"this needs one of the roles: {', '.join(roles)}")
            return resolver(root, info, *args, **kwargs)
        inner.required_roles = roles  # read by the role-matrix test generator
        return inner
    return wrap


def public_read(resolver):
    """Like `requires`, but anyone may call it, with a token or without: it guards only
    reads of what is public by nature (published draws, credential checks)."""
    @functools.wraps(resolver)
    def inner(root, info, *args, **kwargs):
        return resolver(root, info, *args, **kwargs)
    inner.required_roles = ROLES
    inner.allows_anonymous = True
    return inner


def payload_errors(payload_cls, key: str, action):
    """Run a mutation; a DomainError becomes `errors: [UserError]` and nothing else."""
    try:
        return payload_cls(**{key: action(), "errors": []})
    except DomainError as exc:
        return payload_cls(**{key: None, "errors": [
            UserError(code=exc.code, message=exc.message, field=exc.field)]})
