"""`certification`: the contract's officer and qualification operations, plus what
certification administrators need day to day (paged officer lists, full history, the
certificate lifecycle). Every answer comes from ONE certification call per root field.

Who sees what: certification administrators manage (their own agency's officers when
the token names an agency); planners, enforcement and accountability officers read
officer records; cross-agency systems read basics and qualifications only. Full ID
numbers reach only administrators of the officer's agency (the service masks them).
"""
from __future__ import annotations

import datetime as dt

import graphene

from gateway import qualification_cache
from gateway.schema import paging
from gateway.schema.actors import actor_field
from gateway.schema.base import (Agency, EnforcementDomain, UserError, actor, forbidden,
                                 plain, requires)
from gateway.schema.certification_types import (Certificate, Officer, OfficerStatus,
                                                Qualification, QualificationCheck, _parsed)
from gateway.schema.scalars import DateTime
from services.common.errors import DomainError

ADMIN = ("certification_admin",)
RECORD_READERS = ("certification_admin", "planner", "enforcement_officer",
                  "accountability_officer")
READERS = RECORD_READERS + ("cross_agency",)


def _service(info):
    return info.context.services.certification


# ---------------------------------------------------------------- types
class CertificateRecord(Certificate):
    issued_at = DateTime(required=True)
    next_review_due = graphene.Date(required=True, description="Last day the annual review "
                                    "is on time; after it the officer is not qualified.")
    revoked_at = DateTime()

    resolve_issued_at = staticmethod(_parsed("issued_at", dt.datetime.fromisoformat))
    resolve_next_review_due = staticmethod(_parsed("next_review_due", dt.date.fromisoformat))
    resolve_revoked_at = staticmethod(_parsed("revoked_at", dt.datetime.fromisoformat))


class OfficerRecord(Officer):
    """An officer as administrators and planners see them."""
    id_number = graphene.String(required=True, description="Masked unless you administer "
                                "this officer's agency.")
    certificate = graphene.Field(CertificateRecord, description="The one that counts now.")
    certificates = graphene.List(graphene.NonNull(CertificateRecord), required=True,
                                 description="Every certificate issued, oldest first.")


class HistoryEntry(graphene.ObjectType):
    seq = graphene.Int(required=True)
    kind = graphene.String(required=True)
    effective_at = DateTime(required=True)
    recorded_at = DateTime(required=True)
    cause = graphene.String()
    certificate_no = graphene.String()
    data = graphene.JSONString(required=True)
    actor = actor_field("actor", True, "Who made the change (system:<what> for automatic "
                                       "work: expiry, a sanction's effect).")

    resolve_effective_at = staticmethod(_parsed("effective_at", dt.datetime.fromisoformat))
    resolve_recorded_at = staticmethod(_parsed("recorded_at", dt.datetime.fromisoformat))


class OfficerHistory(graphene.ObjectType):
    officer = graphene.Field(OfficerRecord, required=True)
    entries = graphene.List(graphene.NonNull(HistoryEntry), required=True)


OfficerRecordConnection = paging.connection(OfficerRecord)


class OfficerFilter(graphene.InputObjectType):
    agency = graphene.Field(Agency)
    domain = graphene.Field(EnforcementDomain, description="The certificate held now covers it.")
    status = graphene.Field(OfficerStatus)
    expiring_within_days = graphene.Int(description="Valid certificate ending within N days.")
    name_prefix = graphene.String()
    review_due_within_days = graphene.Int(description="Valid certificate whose annual review "
                                          "is due within N days (or overdue).")


class OfficerPage(graphene.ObjectType):
    """A numbered page of a filtered roster, with the total (tables with page numbers)."""
    total_count = graphene.Int(required=True)
    offset = graphene.Int(required=True)
    nodes = graphene.List(graphene.NonNull(OfficerRecord), required=True)


# ---------------------------------------------------------------- queries
class Query(graphene.ObjectType):
    officer = graphene.Field(Officer, id=graphene.ID(required=True))
    officer_qualification = graphene.Field(
        Qualification, required=True, officer_id=graphene.ID(required=True),
        domain=EnforcementDomain(required=True), at=DateTime())
    officer_qualifications = graphene.List(
        graphene.NonNull(Qualification), required=True,
        checks=graphene.List(graphene.NonNull(QualificationCheck), required=True),
        description="One answer per check, in the order asked; answered with a bounded "
                    "number of service calls however many checks.")
    officer_qualification_over_window = graphene.Field(
        Qualification, required=True, officer_id=graphene.ID(required=True),
        domain=EnforcementDomain(required=True), starts_at=DateTime(required=True),
        ends_at=DateTime(required=True),
        description="Qualified over the whole window (what a team needs); otherwise every "
                    "reason that applies at some moment in it.")
    officer_record = graphene.Field(OfficerRecord, id=graphene.ID(required=True))
    officers = paging.field(OfficerRecordConnection, "The roster by name, then id.",
                            filter=OfficerFilter())
    officer_history = graphene.Field(OfficerHistory, officer_id=graphene.ID(required=True))
    officer_page = graphene.Field(OfficerPage, required=True, filter=OfficerFilter(),
                                  offset=graphene.Int(description="Rows to skip; default 0."),
                                  limit=graphene.Int(description="1..100, default 20."),
                                  description="The roster by name, as numbered pages.")

    @requires(*READERS)
    def resolve_officer(root, info, id):
        return _service(info).get_officers([id], actor(info))[0]

    @requires(*READERS)
    def resolve_officer_qualification(root, info, officer_id, domain, at=None):
        check = plain({"officer_id": officer_id, "domain": domain, "at": at})
        return qualification_cache.qualifications(info.context.services,
                                              [{"at": None, **check}])[0]

    @requires(*READERS)
    def resolve_officer_qualifications(root, info, checks):
        return qualification_cache.qualifications(info.context.services,
                                              [{"at": None, **plain(c)} for c in checks])

    @requires(*RECORD_READERS)
    def resolve_officer_qualification_over_window(root, info, officer_id, domain, starts_at,
                                                  ends_at):
        return _service(info).check_qualifications_over([plain(
            {"officer_id": officer_id, "domain": domain, "start": starts_at, "end": ends_at})])[0]

    @requires(*RECORD_READERS)
    def resolve_officer_record(root, info, id):
        return _service(info).get_officers([id], actor(info))[0]

    @requires(*RECORD_READERS)
    def resolve_officers(root, info, filter=None, first=None, after=None, offset=None):
        return paging.page(OfficerRecordConnection, lambda page: _service(info).list_officers(
            plain(filter or {}), page, actor(info)), first, after, offset)

    @requires(*RECORD_READERS)
    def resolve_officer_page(root, info, filter=None, offset=None, limit=None):
        # the same list as `officers`, as the numbered page the console's table shows
        if limit is not None and limit < 1:
            raise DomainError("INVALID_INPUT", f"limit must be 1..{paging.MAX_FIRST}", ["limit"])
        found = _service(info).list_officers(plain(filter or {}), paging.request(
            limit, None, offset or 0), actor(info))
        return OfficerPage(total_count=found["total"], offset=found["offset"],
                           nodes=found["items"])

    @requires("certification_admin", "accountability_officer")
    def resolve_officer_history(root, info, officer_id):
        try:
            found = _service(info).officer_history(officer_id, actor(info))
        except DomainError as exc:
            if exc.code == "NOT_FOUND":
                return None
            raise
        return OfficerHistory(officer=found["officer"], entries=found["history"])


# ---------------------------------------------------------------- mutations
class OfficerPayload(graphene.ObjectType):
    officer = graphene.Field(Officer)
    errors = graphene.List(graphene.NonNull(UserError), required=True)


def _command(method):
    """Resolver running `certification.<method>(input, actor)`: refusals become payload
    errors; acting on another agency's officer is an authorization failure."""
    @requires(*ADMIN)
    def resolve(root, info, input):
        try:
            officer = getattr(_service(info), method)(plain(input), actor(info))
        except DomainError as exc:
            if exc.code == "FORBIDDEN":
                raise forbidden(exc.message) from None
            return OfficerPayload(officer=None, errors=[
                UserError(code=exc.code, message=exc.message, field=exc.field)])
        # Read-your-writes on this replica: its cached answer goes now; other replicas
        # drop theirs when the change's event reaches them.
        qualification_cache.invalidate(officer["id"] if officer else input.get("officer_id"))
        return OfficerPayload(officer=officer, errors=[])
    return resolve


def _input(type_name, **fields):
    return type(type_name, (graphene.InputObjectType,), fields)


_OFFICER = {"officer_id": graphene.ID(required=True)}
_WHEN = {"effective_at": DateTime(description="Defaults to now; a past moment "
                                           "records a decision taken then.")}
_REASON = {"reason": graphene.String()}
INPUTS = {
    "register_officer": _input("RegisterOfficerInput", name=graphene.String(required=True),
                               agency=Agency(required=True),
                               id_number=graphene.String(required=True)),
    "record_exam": _input("ExamResultInput", **_OFFICER, exam=graphene.String(required=True),
                          score=graphene.Float(required=True),
                          taken_on=graphene.Date(required=True)),
    "issue_certificate": _input(
        "IssueCertificateInput", **_OFFICER, **_WHEN,
        domains=graphene.List(graphene.NonNull(EnforcementDomain), required=True),
        valid_from=graphene.Date(required=True), valid_until=graphene.Date(required=True)),
    "renew_certificate": _input("RenewCertificateInput", **_OFFICER, **_WHEN,
                                valid_until=graphene.Date(required=True)),
    "suspend_certificate": _input("SuspendCertificateInput", **_OFFICER, **_WHEN, **_REASON),
    "reinstate_certificate": _input("ReinstateCertificateInput", **_OFFICER, **_WHEN,
                                    **_REASON),
    "revoke_certificate": _input("RevokeCertificateInput", **_OFFICER, **_WHEN, **_REASON),
    "record_annual_review": _input("AnnualReviewInput", **_OFFICER, **_WHEN),
}
# GraphQL name -> service method (the contract's names first).
MUTATIONS = {"register_officer": "register_officer", "record_exam_result": "record_exam",
             "issue_certificate": "issue_certificate", "renew_certificate": "renew_certificate",
             "suspend_certificate": "suspend_certificate",
             "reinstate_certificate": "reinstate_certificate",
             "revoke_certificate": "revoke_certificate",
             "record_annual_review": "record_annual_review"}

Mutation = type("Mutation", (graphene.ObjectType,), {
    **{name: graphene.Field(OfficerPayload, required=True,
                            input=INPUTS[method](required=True))
       for name, method in MUTATIONS.items()},
    **{f"resolve_{name}": staticmethod(_command(method)) for name, method in MUTATIONS.items()},
})
