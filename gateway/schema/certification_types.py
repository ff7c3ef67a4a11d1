"""The contract's certification types, shared by every schema module that shows an
officer or a qualification (certification, operations, enforcement).

Resolvers receive the dicts the certification service returns (snake_case keys);
graphene's default resolver reads dict keys by field name. Dates and times cross RPC as
ISO strings, which graphene's Date/DateTime will not serialize, so those fields parse them.
"""
from __future__ import annotations

import datetime as dt

import graphene
from graphene.types.resolver import dict_or_attr_resolver

from gateway.schema.base import Agency, EnforcementDomain
from gateway.schema.scalars import DateTime
from services.contracts import vocabulary as domain

# The certification model's enums (same names and values); the domain's Reason adds
# ANNUAL_REVIEW_OVERDUE to the contract's list (allowed: the served schema is a superset).
OfficerStatus = graphene.Enum.from_enum(domain.OfficerStatus,
                                        description="Whether the officer is on post.")
CertificateStatus = graphene.Enum.from_enum(domain.CertificateStatus,
                                            description="A certificate's state now.")
QualificationReason = graphene.Enum.from_enum(
    domain.Reason, name="QualificationReason",
    description="Why an officer is not qualified, in the contract's order.")


def _parsed(key, parse):
    """Resolver for an ISO-string field of an RPC dict (objects pass through)."""
    def resolve(root, info):
        value = dict_or_attr_resolver(key, None, root, info)
        return parse(value) if isinstance(value, str) else value
    return resolve


class Certificate(graphene.ObjectType):
    number = graphene.String(required=True)
    domains = graphene.List(graphene.NonNull(EnforcementDomain), required=True)
    valid_from = graphene.Date(required=True)
    valid_until = graphene.Date(required=True)
    status = graphene.Field(CertificateStatus, required=True)

    resolve_valid_from = staticmethod(_parsed("valid_from", dt.date.fromisoformat))
    resolve_valid_until = staticmethod(_parsed("valid_until", dt.date.fromisoformat))


class Officer(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    agency = graphene.Field(Agency, required=True)
    status = graphene.Field(OfficerStatus, required=True)
    certificate = graphene.Field(Certificate)


class Qualification(graphene.ObjectType):
    """The answer to: may this officer carry out enforcement in this domain at this moment?"""
    officer_id = graphene.ID(required=True)
    domain = graphene.Field(EnforcementDomain, required=True)
    at = DateTime(required=True)
    qualified = graphene.Boolean(required=True)
    reasons = graphene.List(graphene.NonNull(QualificationReason), required=True,
                            description="Empty when qualified; every reason that applies "
                                        "otherwise.")
    certificate_no = graphene.String()

    resolve_at = staticmethod(_parsed("at", dt.datetime.fromisoformat))


class QualificationCheck(graphene.InputObjectType):
    officer_id = graphene.ID(required=True)
    domain = graphene.Field(EnforcementDomain, required=True)
    at = DateTime(description="Defaults to now. A past moment answers as of that "
                                       "moment (audits of past actions).")
