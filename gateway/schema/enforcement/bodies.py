"""Enforcement bodies (the agency, its township / sub-district bodies), the powers
delegated to them, the officers they hold, and the four lists of inclusive supervision.

Certification administrators and planners maintain bodies and powers; everyone signed in
reads them. Each agency's register lives in its own service.
"""
from __future__ import annotations

import graphene

from gateway.schema.base import (Agency, enum_of, enum_value, forbidden, mutation, payload_type,
                                 plain, requires)
from gateway.schema.enforcement import support
from gateway.schema.paging import connection, field, from_list
from gateway.schema.scalars import Date, DateTime
from services.common.errors import DomainError
from services.contracts.vocabulary import BODY_KINDS, LIST_KINDS, agency_of, agency_of_body

SIGNED_IN = ("planner", "certification_admin", "accountability_officer",
             "enforcement_officer", "cross_agency")
MAINTAINERS = ("certification_admin", "planner")
BodyKind = enum_of("EnforcementBodyKind", BODY_KINDS,
                   "AGENCY: the agency itself; TOWNSHIP 乡镇 / SUB_DISTRICT 街道 under it.")
SupervisionList = enum_of("SupervisionList", LIST_KINDS,
                          "不予处罚 / 从轻处罚 / 减轻处罚 / 免予行政强制 (the four lists).")


def _agency(description="The agency (执法机构) whose register is meant: CULTURE or TRANSPORT; "
            "each keeps its own bodies and powers."):
    return Agency(required=True, description=description)


def bodies_of(info, agency) -> dict:
    """The agency's bodies by id, one call per request (they are a few dozen)."""
    key = f"enforcement.bodies.{enum_value(agency)}"
    if key not in info.context.cache:
        info.context.cache[key] = {b["id"]: b for b in support.service(info, agency)
                                   .list_bodies()}
    return info.context.cache[key]


def _powers_of(info, agency) -> list:
    key = f"enforcement.powers.{enum_value(agency)}"
    if key not in info.context.cache:
        info.context.cache[key] = support.service(info, agency).list_powers({})
    return info.context.cache[key]


class EnforcementPower(graphene.ObjectType):
    """A power delegated to a body for one violation, with its delegation record."""
    id = graphene.ID(required=True,
                     description="The delegated power's id (it names its agency).")
    agency = graphene.Field(Agency, required=True,
                            description="The agency that delegated it.")
    body = graphene.Field(lambda: EnforcementBody, required=True,
                          description="The body that holds the power.")
    violation_code = graphene.String(required=True,
                                     description="The violation the body may file cases for (the "
                                                 "agency catalogue's code).")
    effective_from = Date(required=True,
                 description="The first civil date (Asia/Shanghai) it is in "
                             "force.")
    effective_until = Date(description="Its last day in force; null: until ended.")
    delegated_from = graphene.ID(required=True, description="The delegating body (the agency).")
    document_no = graphene.String(required=True, description="The delegation's document.")
    granted_at = DateTime(required=True,
                          description="When the delegation was recorded.")
    ended_reason = graphene.String(description="Why it was ended early; null unless ended with a "
                                               "reason.")

    def resolve_body(root, info):
        return bodies_of(info, root["agency"]).get(root["body_id"])


class EnforcementBody(graphene.ObjectType):
    """An enforcement body (执法主体): the agency itself, or a township (乡镇) or sub-district (街道) body
    under it that holds powers delegated to it and the officers assigned to it."""
    id = graphene.ID(required=True, description="The agency's own body has the agency's code.")
    agency = graphene.Field(Agency, required=True,
                            description="The agency the body belongs to.")
    name = graphene.String(required=True,
                           description="The body's official name, e.g. 浉河区老城街道办事处.")
    kind = graphene.Field(BodyKind, required=True,
                          description="AGENCY for the agency itself, else TOWNSHIP or "
                                      "SUB_DISTRICT.")
    parent_id = graphene.ID(description="The body it sits under (the agency's code); null for the "
                                        "agency itself.")
    area = graphene.String(description="The district or area it serves, e.g. 浉河区; empty "
                                       "when not recorded.")
    registered_at = DateTime(description="When the body was registered; null for the agency "
                                         "itself.")
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), description=(
        "Officers assigned to it; null for the agency (every officer not assigned elsewhere)."))
    statutory_violation_codes = graphene.List(
        graphene.NonNull(graphene.String), required=True,
        description="Powers held by law (the agency's catalogue); empty for other bodies.")
    powers = graphene.List(
        graphene.NonNull(EnforcementPower), required=True,
        in_force_on=Date(description="Only powers in force on this civil date "
                         "(Asia/Shanghai); absent: all, ended ones too."),
        description="The penalty powers delegated to it (权力下放); empty for the agency.")

    def resolve_powers(root, info, in_force_on=None):
        found = [p for p in _powers_of(info, root["agency"]) if p["body_id"] == root["id"]]
        if in_force_on is not None:
            day = in_force_on.isoformat()
            found = [p for p in found if p["effective_from"] <= day
                     and (p["effective_until"] is None or day <= p["effective_until"])]
        return found


class SupervisionListEntry(graphene.ObjectType):
    """One entry of the four lists of inclusive supervision (包容审慎监管四张清单): a violation that, under
    the stated condition, is not penalised, penalised more lightly, mitigated, or exempt from
    compulsory measures."""
    agency = graphene.Field(Agency, required=True,
                            description="The agency whose list it is.")
    list = graphene.Field(SupervisionList, required=True,
                          description="Which of the four lists: NO_PENALTY, LIGHTER, MITIGATED or "
                                      "NO_COMPULSORY.")
    title = graphene.String(required=True,
                            description="The list's Chinese title, e.g. 不予处罚清单.")
    violation_code = graphene.String(required=True,
                                     description="The violation the entry covers (the agency "
                                                 "catalogue's code).")
    violation = graphene.String(required=True,
                                description="The violation's title, in words.")
    valid_from = Date(required=True,
                      description="The first civil date (Asia/Shanghai) the entry is in "
                                  "force.")
    valid_until = Date(description="Its last civil date in force; null: until replaced.")
    condition = graphene.String(required=True,
                                description="The condition under which the entry applies, e.g. "
                                            "首次违法、危害后果轻微并及时改正.")


class OfficerBodyAssignment(graphene.ObjectType):
    """An officer's move to an enforcement body: where they belong now and where they were before."""
    officer_id = graphene.ID(required=True,
                             description="The officer who moved.")
    agency = graphene.Field(Agency, required=True,
                            description="The agency of the officer and the bodies.")
    body = graphene.Field(EnforcementBody, required=True,
                          description="The body the officer now belongs to.")
    previous_body_id = graphene.ID(required=True,
                                   description="The body they belonged to before (the agency's "
                                               "code when they had none).")

    def resolve_body(root, info):
        return bodies_of(info, root["agency"]).get(root["body_id"])


BodyConnection = connection(EnforcementBody)
PowerConnection = connection(EnforcementPower)
SupervisionListConnection = connection(SupervisionListEntry)


BodyPayload = payload_type("EnforcementBodyPayload", "body", EnforcementBody,
                           "enforcement body (执法主体)")
PowerPayload = payload_type("EnforcementPowerPayload", "power", EnforcementPower,
                            "delegated power (下放的处罚权)")
AssignmentPayload = payload_type("OfficerBodyAssignmentPayload", "assignment",
                                 OfficerBodyAssignment, "officer's body assignment")


class RegisterEnforcementBodyInput(graphene.InputObjectType):
    """A new township or sub-district enforcement body under the agency."""
    agency = _agency(description="The agency the body comes under; a maintainer with an agency on "
                                 "their token acts for that agency only.")
    name = graphene.String(required=True, description="e.g. 浉河区老城街道办事处")
    kind = BodyKind(required=True, description="TOWNSHIP or SUB_DISTRICT.")
    area = graphene.String(description="The district it serves.")


class DelegateEnforcementPowerInput(graphene.InputObjectType):
    """One penalty power delegated by the agency to a township or sub-district body, with its
    period and document."""
    agency = _agency(description="The delegating agency (the body's).")
    body_id = graphene.ID(required=True,
                          description="The receiving body: a TOWNSHIP or SUB_DISTRICT body of the "
                                      "agency (the agency itself: INVALID_INPUT); unknown: "
                                      "NOT_FOUND.")
    violation_code = graphene.String(required=True,
                                     description="The violation the power is for, from the "
                                                 "agency's catalogue (e.g. VENUE_OUTSIDE_HOURS); "
                                                 "unknown: UNKNOWN_VIOLATION.")
    effective_from = Date(required=True,
                  description="The first civil date (Asia/Shanghai) the body "
                              "holds the power.")
    effective_until = Date(description="Its last day; none: until ended.")
    document_no = graphene.String(required=True, description="e.g. 信文广旅〔2023〕15号")


class EndEnforcementPowerInput(graphene.InputObjectType):
    """A delegated power to end, and its last day."""
    power_id = graphene.ID(required=True,
                           description="The delegated power's id (it names its agency); unknown: "
                                       "NOT_FOUND.")
    last_day = Date(required=True,
                    description="The last civil date (Asia/Shanghai) the power is in "
                                "force; within the delegation's period (it may only "
                                "shorten it).")
    reason = graphene.String(description="Why the delegation ends (at most 500 characters); "
                                         "optional.")


class AssignOfficerToBodyInput(graphene.InputObjectType):
    """An officer of the agency to move to one of its enforcement bodies."""
    agency = _agency(description="The agency of the officer and the body; a maintainer with an "
                                 "agency on their token acts for that agency only.")
    officer_id = graphene.ID(required=True,
                             description="The officer's id; an officer not of this agency: "
                                         "NOT_FOUND.")
    body_id = graphene.ID(required=True, description="The agency's code moves them back.")


def _maintain(payload, method, agency=lambda data: data.pop("agency"), **field):
    """A maintainer's write `<agency's service>.<method>(input, who)`; the agency comes from
    the input, and a maintainer acts for the agency on their token (any without one)."""
    def call(services, who, input):
        data = plain(dict(input))
        target = enum_value(agency(data))
        if who["agency"] not in (None, target):
            raise forbidden(f"you may not act for {target}")
        return getattr(support.client(services, target), method)(data, who)
    return mutation(payload, roles=MAINTAINERS, call=call, **field)


def _power_agency(data):
    """The agency that delegated a power, from its id (NOT_FOUND for an id of no agency)."""
    agency = agency_of(data["power_id"])
    if agency is None:
        raise DomainError("NOT_FOUND", f"power {data['power_id']} does not exist",
                          ["input", "powerId"])
    return agency


def _circumstance():
    from gateway.schema.enforcement.case_types import Circumstance   # it imports this module
    return Circumstance


class CircumstanceRange(graphene.ObjectType):
    """The fine a decision may impose for one discretion circumstance (裁量情节), and whether
    the lists in force allow that circumstance for the violation."""
    circumstance = graphene.Field(_circumstance, required=True,
                                  description="MITIGATED 减轻, LIGHTER 从轻, STANDARD 一般 or "
                                              "HEAVIER 从重.")
    min = graphene.Int(required=True, description="The lowest fine allowed, in yuan.")
    max = graphene.Int(required=True, description="The highest fine allowed, in yuan.")
    list = graphene.Field(SupervisionList,
                          description="The list the violation must be on for this "
                                      "circumstance (LIGHTER or MITIGATED); null: none needed.")
    allowed = graphene.Boolean(required=True, description=(
        "False when the circumstance needs a list the violation is not on that day: a "
        "decision using it is refused (NOT_ON_LIGHTER_LIST / NOT_ON_MITIGATED_LIST)."))


class ViolationDiscretion(graphene.ObjectType):
    """What a decision on one violation may be on a given day: the discretion ranges (裁量
    基准) of the agency catalogue and the lists of inclusive supervision in force."""
    agency = graphene.Field(Agency, required=True, description="The agency whose catalogue "
                                                               "it is.")
    violation_code = graphene.String(required=True, description="The violation (the agency "
                                                                "catalogue's code).")
    on = Date(required=True,
              description="The civil date (Asia/Shanghai) the lists were read for.")
    title = graphene.String(required=True, description="The violation's title, in words.")
    legal_basis = graphene.String(required=True, description="The provision it breaks and "
                                                             "the one penalising it.")
    ranges = graphene.List(graphene.NonNull(CircumstanceRange), required=True,
                           description="One range per circumstance, mildest first.")
    no_penalty_listed = graphene.Boolean(required=True, description=(
        "On the 不予处罚 list that day: a first-violation waiver "
        "(NO_PENALTY_FIRST_VIOLATION) may be decided; otherwise it is refused with "
        "NOT_ON_NO_PENALTY_LIST."))
    no_compulsory_listed = graphene.Boolean(required=True, description=(
        "On the 免予行政强制 list that day: compulsory measures are refused."))


class Query(graphene.ObjectType):
    enforcement_bodies = field(
        BodyConnection, "The agency's enforcement bodies (执法主体): the agency first, then its "
        "township and sub-district bodies by name. Every signed-in role.", agency=_agency())
    enforcement_body = graphene.Field(
        EnforcementBody, id=graphene.ID(required=True, description="The body's id (the "
                                        "agency's own body has the agency's code)."),
        description="One enforcement body; null when unknown. Every signed-in role.")
    enforcement_powers = field(
        PowerConnection, "Penalty powers the agency delegated to its bodies (权力下放), ended "
        "ones included unless inForceOn is given. Every signed-in role.", agency=_agency(),
        body_id=graphene.ID(description="Only powers delegated to this body."),
        violation_code=graphene.String(description="Only powers for this violation (the "
                                       "agency catalogue's code)."),
        in_force_on=Date(description="Only powers in force on this civil date "
                         "(Asia/Shanghai)."))
    inclusive_supervision_lists = field(
        SupervisionListConnection, "The four lists of inclusive supervision (四张清单: 不予处罚, "
        "从轻, 减轻, 免予行政强制), by list and violation. Every signed-in role.",
        agency=_agency(), on=Date(description="Only entries in force that civil date "
                                  "(Asia/Shanghai); absent: every entry."),
        list=SupervisionList(description="Only entries of this list."))
    violation_discretion = graphene.Field(
        ViolationDiscretion, agency=_agency("The agency whose catalogue is meant."),
        violation_code=graphene.String(required=True, description="The violation (the agency "
                                       "catalogue's code, e.g. NETCAFE_ADMITS_MINORS)."),
        on=Date(description="The civil date (Asia/Shanghai) of the decision; absent: "
                "today."),
        description="The discretion a decision on the violation has that day: the fine range "
                    "per circumstance and the lists that allow or refuse it (the decision "
                    "form shows it before submitting). planner, enforcement_officer and "
                    "accountability_officer. Errors: UNKNOWN_VIOLATION, INVALID_INPUT.")

    @requires(*SIGNED_IN)
    def resolve_enforcement_bodies(root, info, agency, first=None, after=None, offset=None):
        return from_list(BodyConnection, list(bodies_of(info, agency).values()), first, after,
                         offset)

    @requires(*SIGNED_IN)
    def resolve_enforcement_body(root, info, id):
        agency = agency_of_body(id)
        return bodies_of(info, agency).get(id) if agency else None

    @requires(*SIGNED_IN)
    def resolve_enforcement_powers(root, info, agency, first=None, after=None, offset=None,
                                   **filters):
        found = support.service(info, agency).list_powers(plain(filters))
        return from_list(PowerConnection, found, first, after, offset)

    @requires(*SIGNED_IN)
    def resolve_inclusive_supervision_lists(root, info, agency, first=None, after=None,
                                            offset=None, on=None, list=None):
        found = support.service(info, agency).supervision_lists(
            on.isoformat() if on else None, enum_value(list))
        return from_list(SupervisionListConnection, found, first, after, offset)


    @requires(*support.READERS)
    def resolve_violation_discretion(root, info, agency, violation_code, on=None):
        return support.service(info, agency).violation_discretion(
            violation_code, on.isoformat() if on else None)


class Mutation(graphene.ObjectType):
    register_enforcement_body = _maintain(
        BodyPayload, "register_body", input=RegisterEnforcementBodyInput(
            required=True, description="The new body: its agency, name, kind and area."),
        description="Register a township (乡镇) or sub-district (街道) body under the agency. "
                    "certification_admin and planner, for the agency on their token (any "
                    "agency without one; another agency: FORBIDDEN). Errors: INVALID_INPUT.")
    delegate_enforcement_power = _maintain(
        PowerPayload, "delegate_power", input=DelegateEnforcementPowerInput(
            required=True, description="The body, the violation, the period and the "
                                       "delegation's document."),
        description="The agency delegates the penalty power for one violation to one of its "
                    "township or sub-district bodies (权力下放). certification_admin and "
                    "planner, for the agency on their token. Errors: NOT_FOUND (body), "
                    "INVALID_INPUT (the agency itself, no document number, last day before "
                    "the first), UNKNOWN_VIOLATION, POWER_OVERLAPS (already held then).")
    end_enforcement_power = _maintain(
        PowerPayload, "end_power", _power_agency, input=EndEnforcementPowerInput(
            required=True, description="The power and its new last day."),
        description="Set a delegated power's last day (it may only shorten the delegation). "
                    "certification_admin and planner, for the power's agency. Errors: "
                    "NOT_FOUND, INVALID_INPUT (last day outside the delegation), "
                    "CONCURRENT_UPDATE (changed meanwhile: retry).")
    assign_officer_to_body = _maintain(
        AssignmentPayload, "assign_officer_to_body", input=AssignOfficerToBodyInput(
            required=True, description="The officer and the body they move to."),
        description="An officer of the agency now belongs to this body (the agency's own "
                    "body: back to the default); cases they file are then the body's. "
                    "certification_admin and planner, for the agency on their token. Errors: "
                    "NOT_FOUND (body, or an officer not of this agency), INVALID_INPUT.")

