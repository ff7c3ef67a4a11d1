"""`certification`: the contract's officer and qualification operations, plus what
certification administrators need day to day (paged officer lists, full history, the
certificate lifecycle). Every answer comes from ONE certification call per root field.

Who sees what: certification administrators manage (their own agency's officers when
the token names an agency); planners, enforcement and accountability officers read
officer records; cross-agency systems read basics and qualifications only. Full ID
numbers reach only administrators of the officer's agency (the service masks them).
"""
from __future__ import annotations


import graphene

from gateway import qualification_cache
from gateway.schema import paging
from gateway.schema.actors import actor_field
from gateway.schema.base import errors_field
from gateway.schema.base import (Agency, EnforcementDomain, actor, mutation, plain,
                                 requires)
from gateway.schema.certification_types import (Certificate, Officer, OfficerStatus,
                                                Qualification, QualificationCheck)
from gateway.schema.scalars import Date, DateTime
from services.common.errors import DomainError

ADMIN = ("certification_admin",)
RECORD_READERS = ("certification_admin", "planner", "enforcement_officer",
                  "accountability_officer")
READERS = RECORD_READERS + ("cross_agency",)


def _service(info):
    return info.context.services.certification


# ---------------------------------------------------------------- types
class CertificateRecord(Certificate):
    """A certificate as administrators and planners see it: the card's fields plus when it was
    issued, revoked and when its next annual review (年度审验) is due."""
    issued_at = DateTime(required=True,
                         description="When it was issued (recorded moment, UTC on the wire).")
    next_review_due = Date(required=True, description="Last day the annual review "
                           "is on time; after it the officer is not qualified.")
    revoked_at = DateTime(description="When it was revoked (吊销/注销); null unless REVOKED.")



class OfficerRecord(Officer):
    """An officer as administrators and planners see them."""
    id_number = graphene.String(required=True, description="Masked unless you administer "
                                "this officer's agency.")
    certificate = graphene.Field(CertificateRecord, description="The one that counts now.")
    certificates = graphene.List(graphene.NonNull(CertificateRecord), required=True,
                                 description="Every certificate issued, oldest first.")


class HistoryEntry(graphene.ObjectType):
    """One change in an officer's history (履历): registration, an exam, a certificate step, a
    sanction's effect; effective-dated and recorded-dated."""
    seq = graphene.Int(required=True,
                       description="Position in the officer's history, from 1, in recording "
                                   "order.")
    kind = graphene.String(required=True,
                           description="What changed, e.g. OFFICER_REGISTERED, EXAM_RECORDED, "
                                       "CERTIFICATE_ISSUED, CERTIFICATE_SUSPENDED, "
                                       "STATUS_CHANGED.")
    effective_at = DateTime(required=True,
                            description="When the change took effect (may be earlier than "
                                        "recordedAt).")
    recorded_at = DateTime(required=True,
                           description="When the change was recorded.")
    cause = graphene.String(description="Why: the reason given, or the rule or event that caused "
                                        "it (e.g. a sanction id); null when none was given.")
    certificate_no = graphene.String(description="The certificate the change is about; null for "
                                                 "changes not about one.")
    data = graphene.JSONString(required=True,
                               description="The change's own details as JSON (the event's "
                                           "payload: scores, dates, statuses).")
    actor = actor_field("actor", True, "Who made the change (system:<what> for automatic "
                                       "work: expiry, a sanction's effect).")



class OfficerHistory(graphene.ObjectType):
    """An officer's whole history (履历) for certification administrators and accountability
    officers."""
    officer = graphene.Field(OfficerRecord, required=True,
                             description="The officer, as administrators see them.")
    entries = graphene.List(graphene.NonNull(HistoryEntry), required=True,
                            description="Every change, oldest first.")


OfficerRecordConnection = paging.connection(OfficerRecord, "A page of the roster, by name then id.")


class OfficerFilter(graphene.InputObjectType):
    """Filters of the roster (officers, officerPage); all given ones must hold."""
    agency = graphene.Field(Agency,
                            description="Only officers of this agency (administrators with an "
                                        "agency on their token see only their own anyway).")
    domain = graphene.Field(EnforcementDomain, description="The certificate held now covers it.")
    status = graphene.Field(OfficerStatus,
                            description="Only officers with this post status.")
    expiring_within_days = graphene.Int(description="Valid certificate ending within N days.")
    name_prefix = graphene.String(description="Only officers whose name starts with this text (at "
                                              "most 50 characters).")
    review_due_within_days = graphene.Int(description="Valid certificate whose annual review "
                                          "is due within N days (or overdue).")


class OfficerPage(graphene.ObjectType):
    """A numbered page of a filtered roster, with the total (tables with page numbers)."""
    total_count = graphene.Int(required=True,
                               description="How many officers match the filter, over every page.")
    offset = graphene.Int(required=True,
                          description="How many rows were skipped before this page.")
    nodes = graphene.List(graphene.NonNull(OfficerRecord), required=True,
                          description="The page's officers, by name.")


# ---------------------------------------------------------------- queries
class Query(graphene.ObjectType):
    officer = graphene.Field(Officer, id=graphene.ID(required=True,
                                                     description="The officer's id."),
                             description="One officer's basics (no ID number) by id; null when "
                                         "unknown. Every signed-in role, cross_agency included.")
    officer_qualification = graphene.Field(
        Qualification, required=True, officer_id=graphene.ID(required=True,
                                                             description="The officer to check; "
                                                                         "an unknown one answers "
                                                                         "not qualified, reason "
                                                                         "UNKNOWN_OFFICER."),
        domain=EnforcementDomain(required=True,
                                 description="The enforcement domain the officer would act in."), at=DateTime(description="The moment to answer "
                                                                         "for; default now. A "
                                                                         "past moment answers as "
                                                                         "of then (audits)."),
                                           description="May this officer enforce in this domain "
                                                       "at this moment (持证上岗)? With every reason "
                                                       "when not. Every signed-in role, "
                                                       "cross_agency included. Cached per "
                                                       "gateway, dropped on any change.")
    officer_qualifications = graphene.List(
        graphene.NonNull(Qualification), required=True,
        checks=graphene.List(graphene.NonNull(QualificationCheck), required=True,
                             description="The questions, at most 100; answers come in the same "
                                         "order."),
        description="One answer per check, in the order asked; answered with a bounded "
                    "number of service calls however many checks.")
    officer_qualification_over_window = graphene.Field(
        Qualification, required=True, officer_id=graphene.ID(required=True,
                                                             description="The officer to check."),
        domain=EnforcementDomain(required=True,
                                 description="The enforcement domain the team would work in."), starts_at=DateTime(required=True,
                                                                    description="Start of the "
                                                                                "window (e.g. a "
                                                                                "joint "
                                                                                "operation's "
                                                                                "start)."),
        ends_at=DateTime(required=True,
                         description="End of the window; after startsAt."),
        description="Qualified over the whole window (what a team needs); otherwise every "
                    "reason that applies at some moment in it.")
    officer_record = graphene.Field(
        OfficerRecord, id=graphene.ID(required=True, description="The officer's id."),
        description="One officer as administrators and planners see them (certificates, next "
                    "review); the full ID number only for administrators of the officer's "
                    "agency. planner, certification_admin, accountability_officer, "
                    "enforcement_officer; null when unknown.")
    officers = paging.field(
        OfficerRecordConnection, "The roster (执法人员名录) by name, then id. planner, "
        "certification_admin, accountability_officer, enforcement_officer.",
        filter=OfficerFilter(description="Which officers; absent: all the caller may see."))
    officer_history = graphene.Field(
        OfficerHistory, officer_id=graphene.ID(required=True, description="The officer's id."),
        description="An officer's whole history (履历), oldest first; certification_admin and "
                    "accountability_officer only; null when the officer is unknown.")
    officer_page = graphene.Field(OfficerPage, required=True, filter=OfficerFilter(
        description="Which officers; absent: all the caller may see."),
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
    """The answer of a certification mutation: the officer as they now are, or errors (nothing
    changed)."""
    officer = graphene.Field(Officer,
                             description="The officer after the change; null when it was refused.")
    errors = errors_field()


def _command(method, description):
    """A certification administrator's `certification.<method>(input, who)` on an officer;
    acting on another agency's officer is an authorization failure (top-level FORBIDDEN)."""
    def call(services, who, input):
        officer = getattr(services.certification, method)(plain(input), who)
        # Read-your-writes on this replica: its cached answer goes now; other replicas
        # drop theirs when the change's event reaches them.
        qualification_cache.invalidate(officer["id"] if officer else input.get("officer_id"))
        return officer
    return mutation(OfficerPayload, roles=ADMIN, top_level_forbidden=True,
                    description=description, call=call, input=INPUTS[method](
                        required=True, description="What to record; see the input type."))


def _input(type_name, doc, **fields):
    return type(type_name, (graphene.InputObjectType,), {"__doc__": doc, **fields})


def _officer():
    return {"officer_id": graphene.ID(required=True, description="The officer's id; an "
                                      "unknown one is NOT_FOUND.")}


def _when():
    return {"effective_at": DateTime(description="When the step takes effect; defaults to "
                                     "now; a past moment records a decision taken then.")}


def _reason(what):
    return {"reason": graphene.String(description=f"Why the certificate is {what} (enters "
                                                  "the officer's history; at most 500 "
                                                  "characters).")}


def _valid_until(what):
    return Date(required=True, description=f"Last day the {what} is valid "
                                           "(inclusive, Asia/Shanghai).")


INPUTS = {
    "register_officer": _input(
        "RegisterOfficerInput", "A new officer for the roster (执法人员名录).",
        name=graphene.String(required=True, description="The officer's name (姓名)."),
        agency=Agency(required=True, description="The agency the officer belongs to; an "
                      "administrator with an agency on their token registers only their "
                      "own (FORBIDDEN otherwise)."),
        id_number=graphene.String(required=True, description="Resident ID number (居民身份证号"
                                  "码), 18 characters with a valid check digit "
                                  "(INVALID_ID_NUMBER); stored masked for other readers.")),
    "record_exam": _input(
        "ExamResultInput", "An exam the officer sat: public-law (公共法律知识考试) or "
        "professional-law (专业法律知识考试); both passed are needed for a certificate.",
        **_officer(), exam=graphene.String(required=True, description="PUBLIC_LAW or "
                                          "PROFESSIONAL_LAW."),
        score=graphene.Float(required=True, description="Points out of 100; the pass mark "
                             "is 60 unless configured."),
        taken_on=Date(required=True, description="The day the exam was sat "
                      "(Asia/Shanghai); not in the future.")),
    "issue_certificate": _input(
        "IssueCertificateInput", "A new enforcement certificate (行政执法证) for an officer "
        "who passed both law exams.", **_officer(), **_when(),
        domains=graphene.List(graphene.NonNull(EnforcementDomain), required=True,
                              description="The domains it covers; each of the officer's "
                                          "agency (DOMAIN_NOT_IN_AGENCY)."),
        valid_from=Date(required=True, description="First day it is valid "
                        "(Asia/Shanghai)."),
        valid_until=_valid_until("certificate")),
    "renew_certificate": _input(
        "RenewCertificateInput", "A later end of validity for the officer's current "
        "certificate.", **_officer(), **_when(), valid_until=_valid_until("renewed "
                                                                          "certificate")),
    "suspend_certificate": _input(
        "SuspendCertificateInput", "Suspend (暂扣) the officer's certificate: not qualified "
        "until reinstated.", **_officer(), **_when(), **_reason("suspended")),
    "reinstate_certificate": _input(
        "ReinstateCertificateInput", "Give back a suspended certificate.", **_officer(),
        **_when(), **_reason("reinstated")),
    "revoke_certificate": _input(
        "RevokeCertificateInput", "Revoke (吊销) the officer's certificate for good; a new "
        "one only after the waiting period.", **_officer(), **_when(), **_reason("revoked")),
    "record_annual_review": _input(
        "AnnualReviewInput", "A passed annual review (年度审验) of the officer's current "
        "certificate: the next one falls due a year later.", **_officer(), **_when()),
}
_BY = ("certification_admin only (of the officer's agency when the token names one; "
       "another agency's officer is FORBIDDEN).")
DESCRIPTIONS = {
    "register_officer": "Register an enforcement officer (执法人员). " + _BY + " Errors: "
                        "INVALID_INPUT, INVALID_ID_NUMBER, DUPLICATE_ID_NUMBER, "
                        "DUPLICATE_OFFICER.",
    "record_exam_result": "Record an exam result (公共/专业法律知识考试). " + _BY + " Errors: "
                          "INVALID_INPUT, NOT_FOUND.",
    "issue_certificate": "Issue an enforcement certificate (行政执法证). " + _BY + " Errors: "
                         "INVALID_INPUT, NOT_FOUND, EXAMS_NOT_PASSED, DOMAIN_NOT_IN_AGENCY, "
                         "DUPLICATE_CERTIFICATE_NO, REVOCATION_WAITING_PERIOD.",
    "renew_certificate": "Extend the current certificate's validity. " + _BY + " Errors: "
                         "INVALID_INPUT, NOT_FOUND, NO_CERTIFICATE, INVALID_TRANSITION.",
    "suspend_certificate": "Suspend (暂扣) the current certificate. " + _BY + " Errors: "
                           "INVALID_INPUT, NOT_FOUND, NO_CERTIFICATE, INVALID_TRANSITION.",
    "reinstate_certificate": "Reinstate a suspended certificate. " + _BY + " Errors: "
                             "INVALID_INPUT, NOT_FOUND, NO_CERTIFICATE, INVALID_TRANSITION.",
    "revoke_certificate": "Revoke (吊销) the current certificate. " + _BY + " Errors: "
                          "INVALID_INPUT, NOT_FOUND, NO_CERTIFICATE, INVALID_TRANSITION.",
    "record_annual_review": "Record a passed annual review (年度审验). " + _BY + " Errors: "
                            "INVALID_INPUT, NOT_FOUND, NO_CERTIFICATE, INVALID_TRANSITION.",
}



class Mutation(graphene.ObjectType):
    register_officer = _command("register_officer", DESCRIPTIONS["register_officer"])
    record_exam_result = _command("record_exam", DESCRIPTIONS["record_exam_result"])
    issue_certificate = _command("issue_certificate", DESCRIPTIONS["issue_certificate"])
    renew_certificate = _command("renew_certificate", DESCRIPTIONS["renew_certificate"])
    suspend_certificate = _command("suspend_certificate", DESCRIPTIONS["suspend_certificate"])
    reinstate_certificate = _command("reinstate_certificate",
                                     DESCRIPTIONS["reinstate_certificate"])
    revoke_certificate = _command("revoke_certificate", DESCRIPTIONS["revoke_certificate"])
    record_annual_review = _command("record_annual_review",
                                    DESCRIPTIONS["record_annual_review"])
