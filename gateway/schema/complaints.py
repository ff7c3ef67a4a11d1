"""Complaints about officers' conduct (投诉) over GraphQL: anyone may submit one (signed
out: from the public, anonymous unless named; signed in as staff: from staff);
legal-affairs staff acknowledge them, open findings from them and list the overdue."""
from __future__ import annotations


import graphene
from graphene import ID, Argument, Boolean, InputField, Int, List, NonNull, String

from gateway.schema.accountability_inputs import GRADED, REQUEST_KEY
from gateway.schema.accountability_types import (
    FaultForm, FindingPayload, GravityLevel, HarmLevel, _key)
from gateway.schema import paging
from gateway.schema.actors import actor_field
from gateway.schema.base import Agency, UserError, enum_of, mutation, plain, requires
from gateway.schema.scalars import Date, DateTime
from services.common.clock import local_date, utcnow
from services.contracts.vocabulary import COMPLAINT_ORIGINS, COMPLAINT_STATUSES

LEGAL = ("accountability_officer",)  # complainants' names and contacts: legal affairs only
ComplaintOrigin = enum_of("ComplaintOrigin", COMPLAINT_ORIGINS,
                          "PUBLIC: submitted without signing in; STAFF: by a signed-in user.")
ComplaintStatus = enum_of("ComplaintStatus", COMPLAINT_STATUSES,
                          "RECEIVED (受理, awaiting acknowledgment) or ACKNOWLEDGED (已告知).")


class Complaint(graphene.ObjectType):
    """A complaint about officers' conduct, as legal-affairs staff see it."""
    id = ID(required=True, description="The complaint's id.")
    origin = graphene.Field(ComplaintOrigin, required=True, description="Public or staff.")
    agency = graphene.Field(Agency, required=True, description="Whose officers it is about.")
    description = String(required=True, description="What happened. Plain text; escape it.")
    anonymous = Boolean(required=True, description="No name was given (or anonymity asked).")
    complainant = String(description="The complainant's name; null when anonymous.")
    contact = String(description="How to answer them; null when anonymous.")
    officer_ids = List(NonNull(ID), required=True, description="Officers it names, if known.")
    received_at = DateTime(required=True, description="When it was received.")
    acknowledge_by = Date(required=True, description=(
"Last day (Asia/Shanghai) to acknowledge it: 5 working days after receipt in the "
"Chinese calendar by default."))
    status = graphene.Field(ComplaintStatus, required=True, description="Where it stands.")
    overdue = Boolean(required=True, description="Still unacknowledged after acknowledgeBy.")
    acknowledged_at = DateTime(description="When it was acknowledged.")
    acknowledgment = String(description="What the complainant was told. Plain text.")
    finding_ids = List(NonNull(ID), required=True, description="Findings opened from it.")
    received_by = actor_field("received_by", True, "Who submitted it (public: "
                              "public:complainant).")
    acknowledged_by = actor_field("acknowledged_by", description="Who acknowledged it.",
                                  when=lambda r: r.get("acknowledged_at"))

    resolve_id = _key("complaint_id")

    @staticmethod
    def resolve_overdue(root, info):
        today = local_date(utcnow()).isoformat()
        return root["status"] == "RECEIVED" and today > root["acknowledge_by"]


ComplaintConnection = paging.connection(
    Complaint, "A page of complaints about officers' conduct (投诉), newest first.")


class ComplaintPayload(graphene.ObjectType):
    """The complaint written, or why not."""
    complaint = graphene.Field(Complaint, description="The complaint; null when refused.")
    errors = List(NonNull(UserError), required=True, description="Refusals (codes).")


class SubmitComplaintInput(graphene.InputObjectType):
    """A complaint about officers' conduct (投诉)."""
    agency = Agency(required=True, description="Whose officers it is about.")
    description = String(required=True, description="What happened (at most 2000 chars).")
    officer_ids = List(NonNull(ID), description="Officer ids or certificate numbers, if known "
                       "(at most 10).")
    complainant = String(description="Your name; leave empty to complain anonymously.")
    contact = String(description="Phone or e-mail to answer you (kept only when named).")
    anonymous = Boolean(description="Stay anonymous even though named.")
    request_key = String(description=REQUEST_KEY)


class AcknowledgeComplaintInput(graphene.InputObjectType):
    """The acknowledgment sent to the complainant (告知受理)."""
    complaint_id = ID(required=True, description="The complaint.")
    acknowledgment = String(required=True, description="What the complainant is told.")


class OpenFindingFromComplaintInput(graphene.InputObjectType):
    """A finding (source COMPLAINT) opened from a complaint, optionally graded."""
    complaint_id = ID(required=True, description="The complaint it comes from.")
    officer_id = ID(required=True, description="The officer the finding is against.")
    description = String(description="Defaults to the complaint's description.")
    case_id = ID(description="The case concerned, if any.")
    evidence = List(NonNull(String), description="References to the evidence.")
    fault_form = InputField(FaultForm, description=GRADED)
    harm = InputField(HarmLevel, description=GRADED)
    gravity = InputField(GravityLevel, description=GRADED)
    request_key = String(description=REQUEST_KEY)


class Query(graphene.ObjectType):
    complaints = graphene.Field(
        ComplaintConnection, required=True, status=Argument(ComplaintStatus, description=(
            "Only complaints in this state (RECEIVED or ACKNOWLEDGED).")), agency=Argument(Agency, description="Only about this agency."),
        origin=Argument(ComplaintOrigin, description="Only from the public or from staff."),
        **paging.arguments(),
        description="Complaints, newest first (legal-affairs staff; those of an agency see "
                    "their agency's).")
    overdue_complaints = List(
        NonNull(Complaint), required=True,
        description="Complaints still unacknowledged after their working-day deadline, "
                    "oldest due first (legal-affairs staff).")

    @requires(*LEGAL)
    def resolve_complaints(root, info, first=None, after=None, offset=None, **filters):
        own = info.context.principal.agency
        filters = plain(filters)
        if own:
            filters["agency"] = own
        return paging.page(ComplaintConnection, lambda page: info.context.services
                           .accountability.list_complaints(filters, page), first, after, offset)

    @requires(*LEGAL)
    def resolve_overdue_complaints(root, info):
        own = info.context.principal.agency
        return [c for c in info.context.services.accountability.overdue_complaints()
                if own in (None, c["agency"])]


def _legal(payload, method, input_cls, description):
    """A legal-affairs step `accountability.<method>(input, who)` on a complaint."""
    return mutation(payload, roles=LEGAL, description=description,
                    call=lambda services, who, input: getattr(services.accountability, method)(
                        plain(input, keep_none=True), who),
                    input=Argument(input_cls, required=True, description="What to record."))


class Mutation(graphene.ObjectType):
    submit_complaint = mutation(
        ComplaintPayload, roles=None,  # anyone may complain, with a token or without
        call=lambda services, who, input: services.accountability.submit_complaint(
            plain(input), who),
        input=Argument(
            SubmitComplaintInput, required=True,
            description="The complaint: about whom, what happened, and who complains."),
        description="A complaint about officers' conduct (投诉). Anyone, signed in or not: "
                    "without a token it comes from the public (anonymous unless named). "
                    "Acknowledged within 5 working days. Refused: INVALID_INPUT.")
    acknowledge_complaint = _legal(
        ComplaintPayload, "acknowledge_complaint", AcknowledgeComplaintInput,
        "Tell the complainant it was received (legal-affairs staff). Refused: NOT_FOUND, "
        "INVALID_TRANSITION (already acknowledged).")
    open_finding_from_complaint = _legal(
        FindingPayload, "open_finding_from_complaint", OpenFindingFromComplaintInput,
        "A finding (source COMPLAINT) against one officer, linked to the complaint "
        "(legal-affairs staff). Refused: NOT_FOUND (complaint, officer), INVALID_INPUT.")
