"""The contract's certification types, shared by every schema module that shows an
officer or a qualification (certification, operations, enforcement).

Resolvers receive the dicts the certification service returns (snake_case keys);
graphene's default resolver reads dict keys by field name. Dates and times cross RPC as
ISO strings, which graphene's Date/DateTime will not serialize, so those fields parse them.
"""
from __future__ import annotations


import graphene

from gateway.schema.base import Agency, EnforcementDomain, enum_from
from gateway.schema.scalars import Date, DateTime
from services.contracts import vocabulary as domain

# The certification model's enums (same names and values); the domain's Reason adds
# ANNUAL_REVIEW_OVERDUE to the contract's list (allowed: the served schema is a superset).
OfficerStatus = enum_from(domain.OfficerStatus,
                                        description="Whether the officer is on post.")
CertificateStatus = enum_from(domain.CertificateStatus,
                                            description="A certificate's state now.")
QualificationReason = enum_from(
    domain.Reason, name="QualificationReason",
    description="Why an officer is not qualified, in the contract's order.")


class Certificate(graphene.ObjectType):
    """An enforcement certificate (行政执法证): its number, the domains it covers and its validity.
    Readable by every signed-in role."""
    number = graphene.String(required=True,
                             description="The certificate number printed on the card (证号), unique "
                                         "across officers.")
    domains = graphene.List(graphene.NonNull(EnforcementDomain), required=True,
                            description="The enforcement domains (执法领域) the certificate covers.")
    valid_from = Date(required=True,
                      description="First day it is valid (Asia/Shanghai civil date).")
    valid_until = Date(required=True,
                       description="Last day it is valid (inclusive, Asia/Shanghai); "
                                   "after it the certificate is EXPIRED.")
    status = graphene.Field(CertificateStatus, required=True,
                            description="Its state now: VALID, SUSPENDED (暂扣), REVOKED (吊销) or "
                                        "EXPIRED.")



class Officer(graphene.ObjectType):
    """An enforcement officer (执法人员) as every signed-in role, cross-agency systems included, may
    see them: no ID number."""
    id = graphene.ID(required=True,
                     description="The officer's id in the roster (the certification service's "
                                 "key).")
    name = graphene.String(required=True,
                           description="The officer's name (姓名) as registered.")
    agency = graphene.Field(Agency, required=True,
                            description="The agency the officer belongs to.")
    status = graphene.Field(OfficerStatus, required=True,
                            description="Whether the officer is on post (ACTIVE), in off-post "
                                        "training (离岗培训) or removed from the enforcement post "
                                        "(调离执法岗位).")
    certificate = graphene.Field(Certificate,
                                 description="The certificate that counts now (the latest "
                                             "issued); null when the officer has none.")


class Qualification(graphene.ObjectType):
    """The answer to: may this officer carry out enforcement in this domain at this moment?"""
    officer_id = graphene.ID(required=True,
                             description="The officer asked about.")
    domain = graphene.Field(EnforcementDomain, required=True,
                            description="The enforcement domain asked about.")
    at = DateTime(required=True,
                  description="The moment the answer holds for (now unless a moment was asked).")
    qualified = graphene.Boolean(required=True,
                                 description="True when the officer may enforce in the domain at "
                                             "that moment (持证上岗): a valid certificate covering "
                                             "it, on post, annual review not overdue.")
    reasons = graphene.List(graphene.NonNull(QualificationReason), required=True,
                            description="Empty when qualified; every reason that applies "
                                        "otherwise.")
    certificate_no = graphene.String(description="The number of the certificate the answer rests "
                                                 "on; null when there is none.")



class QualificationCheck(graphene.InputObjectType):
    """One question for officerQualifications: this officer, this domain, at this moment."""
    officer_id = graphene.ID(required=True,
                             description="The officer to check.")
    domain = graphene.Field(EnforcementDomain, required=True,
                            description="The enforcement domain the officer would act in.")
    at = DateTime(description="Defaults to now. A past moment answers as of that "
                                       "moment (audits of past actions).")
