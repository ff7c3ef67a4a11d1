"""Shared GraphQL types and the two rules every resolver follows: who may call it
(`requires`) and how a mutation is built and answers refusals (`mutation`)."""
from __future__ import annotations

import datetime as dt
import functools

import graphene
from graphql import GraphQLError

from gateway.auth import ROLES
from gateway.schema.enum_meanings import MEANINGS
from services.contracts import vocabulary as domain
from services.common.errors import DomainError


def described(text: str, values: dict[str, str] | None = None):
    """graphene's description hook for an enum: called with None for the type's own
    description and with each member for that value's (None: undescribed, which
    tests/unit/gateway/test_schema_descriptions.py names)."""
    values = values or {}

    def description(member):
        if member is None:
            return text
        return values.get(getattr(member, "name", member))
    return description


def _meanings(name: str, description: str | None, meanings: dict[str, str] | None):
    known = MEANINGS.get(name, {})
    return described(description or known.get("", ""), {**known, **(meanings or {})})


def enum_of(name: str, values, description: str | None = None,
            meanings: dict[str, str] | None = None):
    """A GraphQL enum whose names are its values (the services' strings); each value is
    described by `meanings` or gateway/schema/enum_meanings.py."""
    return graphene.Enum(name, [(v, v) for v in values],
                         description=_meanings(name, description, meanings))


def enum_from(py_enum, description: str, meanings: dict[str, str] | None = None,
              **kwargs):
    """The GraphQL enum of a Python enum of services/contracts/vocabulary.py, each value
    described (the vocabulary keeps the words, the gateway says what they mean)."""
    name = kwargs.get("name") or py_enum.__name__
    return graphene.Enum.from_enum(py_enum, description=_meanings(name, description,
                                                                  meanings), **kwargs)


# The domain's enums, once: GraphQL names and values are the domain's.
Agency = enum_from(domain.Agency, "An enforcement agency (执法机构); a token may name one, "
                   "and then its holder acts for that agency only.", {
                       "CULTURE": "The culture-market enforcement detachment (文化市场综合执法"
                                  "支队): culture market, publications, radio/TV, tourism.",
                       "TRANSPORT": "The transport enforcement detachment (交通运输综合执法支队):"
                                    " road passenger transport, tourist coaches, drivers."})
EnforcementDomain = enum_from(
    domain.EnforcementDomain, "An enforcement domain (执法领域) an officer may be certified "
    "for; each belongs to one agency.", {
        "CULTURE_MARKET": "Culture market (文化市场): entertainment venues, internet cafes, "
                          "performances. Agency CULTURE.",
        "PUBLICATION": "Publications and copyright (出版物与版权). Agency CULTURE.",
        "RADIO_TV": "Radio and television (广播电视), e.g. satellite receivers. Agency CULTURE.",
        "TOURISM": "Tourism (旅游): travel agencies and scenic spots. Agency CULTURE.",
        "ROAD_TRANSPORT": "Road transport (道路运输): passenger and coach operators, vehicles, "
                          "drivers. Agency TRANSPORT."})


class UserError(graphene.ObjectType):
    """A business refusal of a mutation: nothing was changed. `code` is stable (the
    console's catalogue console/src/i18n/errors.json gives each one's Chinese and English
    text); any mutation may also answer SERVICE_UNAVAILABLE (retry later)."""
    code = graphene.String(required=True, description="Stable UPPER_SNAKE code, e.g. "
                           "INVALID_INPUT, NOT_FOUND, INVALID_TRANSITION; each mutation's "
                           "description lists the codes it returns.")
    message = graphene.String(required=True, description="What was refused and why, for "
                              "people (Chinese or English as the service wrote it).")
    field = graphene.List(graphene.NonNull(graphene.String),
                          description="The input field the error is about, as a path.")


def errors_field():
    """A payload's `errors`: empty on success."""
    return graphene.List(graphene.NonNull(UserError), required=True,
                         description="Why the mutation was refused (nothing was changed); "
                                     "empty when it succeeded.")


def payload_type(name: str, key: str, node, what: str):
    """`<name> { <key>: <node>, errors }`, the answer of a mutation on one `what`."""
    return type(name, (graphene.ObjectType,), {
        "__doc__": f"The answer of a mutation on {what}: the {what} as it now is, or errors.",
        key: graphene.Field(node, description=f"The {what} after the mutation; null when "
                                              "it was refused."),
        "errors": errors_field()})


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


def mutation(payload, *, roles, description: str, call, top_level_forbidden: bool = False,
             **arguments):
    """The one way to build a mutation: a required `payload` field taking `arguments`
    (graphene arguments, e.g. `input=ThingInput(required=True, description=...)`).

    `call(services, who, **arguments)` makes the change through the one service client
    (`info.context.services`) for `who`, the caller as the services take it (`actor`; None
    for an anonymous caller when `roles` is None, i.e. anyone may call), and answers the
    payload's one field besides `errors` (a payload of several fields: a dict of them).
    A DomainError (a service's `{"error": {...}}` reply) becomes `errors: [UserError]` with
    the other fields null; with `top_level_forbidden`, FORBIDDEN (acting for another
    agency) is a top-level error instead, as a missing role is."""
    keys = [name for name in payload._meta.fields if name != "errors"]

    def resolve(root, info, **args):
        who = actor(info) if info.context.principal is not None else None
        try:
            answer = call(info.context.services, who, **args)
        except DomainError as exc:
            if top_level_forbidden and exc.code == "FORBIDDEN":
                raise forbidden(exc.message) from None
            return payload(**dict.fromkeys(keys), errors=[
                UserError(code=exc.code, message=exc.message, field=exc.field)])
        fields = {k: answer.get(k) for k in keys} if len(keys) > 1 else {keys[0]: answer}
        return payload(**fields, errors=[])
    guard = public_read if roles is None else requires(*roles)
    return graphene.Field(payload, required=True, description=description,
                          resolver=guard(resolve), **arguments)
