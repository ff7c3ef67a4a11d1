"""Enforcement bodies (the agency, its township / sub-district bodies), the powers
delegated to them, the officers they hold, and the four lists of inclusive supervision.

Certification administrators and planners maintain bodies and powers; everyone signed in
reads them. Each agency's register lives in its own service.
"""
from __future__ import annotations

import graphene

from gateway.schema.base import (Agency, UserError, enum_of, enum_value, forbidden, payload_errors,
                                 plain, requires)
from gateway.schema.enforcement import support
from gateway.schema.paging import connection, field, from_list
from services.contracts.vocabulary import BODY_KINDS, LIST_KINDS, agency_of, agency_of_body

SIGNED_IN = ("planner", "certification_admin", "accountability_officer",
             "enforcement_officer", "cross_agency")
MAINTAINERS = ("certification_admin", "planner")
BodyKind = enum_of("EnforcementBodyKind", BODY_KINDS,
                   "AGENCY: the agency itself; TOWNSHIP 乡镇 / SUB_DISTRICT 街道 under it.")
SupervisionList = enum_of("SupervisionList", LIST_KINDS,
                          "不予处罚 / 从轻处罚 / 减轻处罚 / 免予行政强制 (the four lists).")
_agency = Agency(required=True)


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
    id = graphene.ID(required=True)
    agency = graphene.Field(Agency, required=True)
    body = graphene.Field(lambda: EnforcementBody, required=True)
    violation_code = graphene.String(required=True)
    effective_from = support.when("effective_from", date=True, required=True)
    effective_until = support.when("effective_until", date=True,
                                   description="Its last day in force; null: until ended.")
    delegated_from = graphene.ID(required=True, description="The delegating body (the agency).")
    document_no = graphene.String(required=True, description="The delegation's document.")
    granted_at = support.when("granted_at", required=True)
    ended_reason = graphene.String()

    def resolve_body(root, info):
        return bodies_of(info, root["agency"]).get(root["body_id"])


class EnforcementBody(graphene.ObjectType):
    id = graphene.ID(required=True, description="The agency's own body has the agency's code.")
    agency = graphene.Field(Agency, required=True)
    name = graphene.String(required=True)
    kind = graphene.Field(BodyKind, required=True)
    parent_id = graphene.ID()
    area = graphene.String()
    registered_at = support.when("registered_at")
    officer_ids = graphene.List(graphene.NonNull(graphene.ID), description=(
        "Officers assigned to it; null for the agency (every officer not assigned elsewhere)."))
    statutory_violation_codes = graphene.List(
        graphene.NonNull(graphene.String), required=True,
        description="Powers held by law (the agency's catalogue); empty for other bodies.")
    powers = graphene.List(graphene.NonNull(EnforcementPower), required=True,
                           in_force_on=graphene.Date(), description="Delegated powers.")

    def resolve_powers(root, info, in_force_on=None):
        found = [p for p in _powers_of(info, root["agency"]) if p["body_id"] == root["id"]]
        if in_force_on is not None:
            day = in_force_on.isoformat()
            found = [p for p in found if p["effective_from"] <= day
                     and (p["effective_until"] is None or day <= p["effective_until"])]
        return found


class SupervisionListEntry(graphene.ObjectType):
    agency = graphene.Field(Agency, required=True)
    list = graphene.Field(SupervisionList, required=True)
    title = graphene.String(required=True)
    violation_code = graphene.String(required=True)
    violation = graphene.String(required=True)
    valid_from = support.when("valid_from", date=True, required=True)
    valid_until = support.when("valid_until", date=True)
    condition = graphene.String(required=True)


class OfficerBodyAssignment(graphene.ObjectType):
    officer_id = graphene.ID(required=True)
    agency = graphene.Field(Agency, required=True)
    body = graphene.Field(EnforcementBody, required=True)
    previous_body_id = graphene.ID(required=True)

    def resolve_body(root, info):
        return bodies_of(info, root["agency"]).get(root["body_id"])


BodyConnection = connection(EnforcementBody)
PowerConnection = connection(EnforcementPower)
SupervisionListConnection = connection(SupervisionListEntry)


def _payload(name, key, node):
    return type(name, (graphene.ObjectType,), {
        key: graphene.Field(node), "errors": graphene.List(graphene.NonNull(UserError),
                                                           required=True)})


BodyPayload = _payload("EnforcementBodyPayload", "body", EnforcementBody)
PowerPayload = _payload("EnforcementPowerPayload", "power", EnforcementPower)
AssignmentPayload = _payload("OfficerBodyAssignmentPayload", "assignment",
                             OfficerBodyAssignment)


class RegisterEnforcementBodyInput(graphene.InputObjectType):
    agency = _agency
    name = graphene.String(required=True, description="e.g. 浉河区老城街道办事处")
    kind = BodyKind(required=True, description="TOWNSHIP or SUB_DISTRICT.")
    area = graphene.String(description="The district it serves.")


class DelegateEnforcementPowerInput(graphene.InputObjectType):
    agency = _agency
    body_id = graphene.ID(required=True)
    violation_code = graphene.String(required=True)
    effective_from = graphene.Date(required=True)
    effective_until = graphene.Date(description="Its last day; none: until ended.")
    document_no = graphene.String(required=True, description="e.g. 信文广旅〔2023〕15号")


class EndEnforcementPowerInput(graphene.InputObjectType):
    power_id = graphene.ID(required=True)
    last_day = graphene.Date(required=True)
    reason = graphene.String()


class AssignOfficerToBodyInput(graphene.InputObjectType):
    agency = _agency
    officer_id = graphene.ID(required=True)
    body_id = graphene.ID(required=True, description="The agency's code moves them back.")


def _maintain(info, agency, payload, key, call):
    """A maintainer acts for the agency on their token (any agency without one)."""
    agency = enum_value(agency)
    if info.context.principal.agency not in (None, agency):
        raise forbidden(f"you may not act for {agency}")
    return payload_errors(payload, key, lambda: call(support.service(info, agency),
                                                     support.actor(info)))


class Query(graphene.ObjectType):
    enforcement_bodies = field(BodyConnection, "The agency first, then its bodies by name.",
                               agency=_agency)
    enforcement_body = graphene.Field(EnforcementBody, id=graphene.ID(required=True))
    enforcement_powers = field(PowerConnection, "Delegated powers (权力下放).", agency=_agency,
                               body_id=graphene.ID(), violation_code=graphene.String(),
                               in_force_on=graphene.Date())
    inclusive_supervision_lists = field(
        SupervisionListConnection, "The four lists (四张清单), by list and violation.",
        agency=_agency, on=graphene.Date(description="Entries in force that day."),
        list=SupervisionList())

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


class Mutation(graphene.ObjectType):
    register_enforcement_body = graphene.Field(
        BodyPayload, required=True, input=RegisterEnforcementBodyInput(required=True),
        description="A township or sub-district body under the agency.")
    delegate_enforcement_power = graphene.Field(
        PowerPayload, required=True, input=DelegateEnforcementPowerInput(required=True),
        description="The agency delegates one power (POWER_OVERLAPS if already held then).")
    end_enforcement_power = graphene.Field(
        PowerPayload, required=True, input=EndEnforcementPowerInput(required=True),
        description="Set a delegated power's last day.")
    assign_officer_to_body = graphene.Field(
        AssignmentPayload, required=True, input=AssignOfficerToBodyInput(required=True),
        description="An officer of the agency now belongs to this body.")

    @requires(*MAINTAINERS)
    def resolve_register_enforcement_body(root, info, input):
        data = plain(dict(input))
        return _maintain(info, data.pop("agency"), BodyPayload, "body",
                         lambda svc, who: svc.register_body(data, who))

    @requires(*MAINTAINERS)
    def resolve_delegate_enforcement_power(root, info, input):
        data = plain(dict(input))
        return _maintain(info, data.pop("agency"), PowerPayload, "power",
                         lambda svc, who: svc.delegate_power(data, who))

    @requires(*MAINTAINERS)
    def resolve_end_enforcement_power(root, info, input):
        data = plain(dict(input))
        agency = agency_of(data["power_id"])
        if agency is None:
            return PowerPayload(power=None, errors=[UserError(
                code="NOT_FOUND", message=f"power {data['power_id']} does not exist",
                field=["input", "powerId"])])
        return _maintain(info, agency, PowerPayload, "power",
                         lambda svc, who: svc.end_power(data, who))

    @requires(*MAINTAINERS)
    def resolve_assign_officer_to_body(root, info, input):
        data = plain(dict(input))
        return _maintain(info, data.pop("agency"), AssignmentPayload, "assignment",
                         lambda svc, who: svc.assign_officer_to_body(data, who))
