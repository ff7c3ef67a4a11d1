"""GraphQL types of the accountability context (contract: Finding, Sanction, their
payloads and SanctionMeasure; the rest is the superset the legal-affairs staff need).

Resolvers receive the service's dicts (snake_case keys, ISO strings for times). A
finding's officer is fetched for every row of the answer in one certification call.
"""
from __future__ import annotations


import graphene
from graphene.types.resolver import dict_or_attr_resolver

from gateway.schema import paging
from gateway.schema.actors import actor_field, deprecated_author
from gateway.schema.base import errors_field
from gateway.schema.base import UserError, enum_of
from gateway.schema.batching import officers
from gateway.schema.certification_types import Officer
from gateway.schema.scalars import Date, DateTime
from services.contracts.vocabulary import FINDING_SOURCES as SOURCES, LEDGER_STATUSES as STATUSES
from services.contracts.vocabulary import SANCTION_MEASURES as MEASURES
from services.contracts.vocabulary import FAULT_FORMS, GRAVITY_LEVELS, HARM_LEVELS

FindingSource = enum_of("FindingSource", SOURCES)
SanctionMeasure = enum_of("SanctionMeasure", MEASURES)
LedgerItemStatus = enum_of("LedgerItemStatus", STATUSES)
FaultForm = enum_of("FaultForm", FAULT_FORMS, "过错形式: NEGLIGENCE 过失, INTENT 故意.")
HarmLevel = enum_of("HarmLevel", HARM_LEVELS, "危害大小: NONE 无, MINOR 较小, SERIOUS 严重.")
GravityLevel = enum_of("GravityLevel", GRAVITY_LEVELS,
                       "情节轻重: MINOR 轻微, ORDINARY 一般, SERIOUS 严重.")
_key = lambda key: staticmethod(lambda root, info: dict_or_attr_resolver(  # noqa: E731
    key, None, root, info))
_Strings = lambda **kw: graphene.List(graphene.NonNull(graphene.String), required=True, **kw)  # noqa: E731
_Ids = lambda **kw: graphene.List(graphene.NonNull(graphene.ID), required=True, **kw)  # noqa: E731


def remember_officers(info, rows) -> None:
    """Rows about to be shown: their officers are fetched together when first asked for."""
    officers(info).want([r["officer_id"] for r in rows])


def officer_of(info, officer_id: str):
    return officers(info).get(officer_id)


class Finding(graphene.ObjectType):
    """A finding of illegal or improper enforcement (执法过错认定) against one officer. Readable by
    accountability_officer and certification_admin only."""
    id = graphene.ID(required=True,
                     description="The finding's id.")
    officer_id = graphene.ID(required=True,
                             description="The officer the finding is against.")
    description = graphene.String(required=True, description="What was wrong, as recorded (plain "
                                                             "text: escape it before showing as "
                                                             "HTML).")
    recorded_at = DateTime(required=True,
                           description="When it was recorded.")
    source = graphene.Field(FindingSource, required=True,
                            description="Where it came from: complaint, case review, audit, or an "
                                        "automatic rule.")
    case_id = graphene.ID(description="The enforcement case it is about; null when none.")
    inspection_id = graphene.ID(description="The inspection it is about; null when none.")
    evidence = _Strings(description="References to the evidence (file ids, record numbers).")
    rule = graphene.String(description="The automatic rule that fired (AUTOMATIC only).")
    trigger_event_ids = _Ids(description="Events that made the automatic rule fire.")
    officer = graphene.Field(Officer, description="As certification knows the officer now.")
    recorded_by = actor_field("recorded_by", True, "Who recorded it; an automatic finding "
                              "names its rule (system:accountability.rule.<rule>).")
    fault_form = graphene.Field(FaultForm, description="过错形式, when the finding was graded.")
    harm = graphene.Field(HarmLevel, description="危害大小, when the finding was graded.")
    gravity = graphene.Field(GravityLevel, description="情节轻重, when the finding was graded.")
    proposed_measure = graphene.Field(SanctionMeasure, description=(
        "The measure the grading table proposed for the grades (null: not graded). Imposing "
        "another needs a written reason (SANCTION_REASON_REQUIRED)."))
    complaint_id = graphene.ID(description="The complaint it was opened from "
                               "(openFindingFromComplaint; source COMPLAINT).")

    resolve_id = _key("finding_id")

    @staticmethod
    def resolve_officer(root, info):
        return officer_of(info, root["officer_id"])


class Sanction(graphene.ObjectType):
    """An accountability measure (问责) imposed on an officer for a finding; lifted by completed
    training or reinstatement where the measure allows."""
    id = graphene.ID(required=True,
                     description="The sanction's id.")
    finding_id = graphene.ID(required=True,
                             description="The finding it answers.")
    officer_id = graphene.ID(required=True,
                             description="The officer sanctioned.")
    measure = graphene.Field(SanctionMeasure, required=True,
                             description="The measure imposed.")
    effective_at = DateTime(required=True,
                            description="When it takes (took) effect on the officer's "
                                        "qualification.")
    imposed_at = DateTime(required=True,
                          description="When it was recorded.")
    lifted_at = DateTime(description="Training completed / back on post.")
    imposed_by = actor_field("imposed_by", True, "Who imposed it.")
    lifted_by = actor_field("lifted_by", description="Who recorded the step that lifted it.",
                            when=lambda row: row.get("lifted_at") is not None)
    proposed_measure = graphene.Field(SanctionMeasure, description=(
        "What the finding's grading proposed when this was imposed (null: not graded)."))
    departure_reason = graphene.String(description=(
        "The written reason given with it; required when the measure differs from "
        "proposedMeasure (写明理由). Plain text; escape it."))

    resolve_id = _key("sanction_id")


class LedgerItem(graphene.ObjectType):
    """An item of the rectification ledger (整改台账): something to put right, its owner, deadline and
    state."""
    id = graphene.ID(required=True,
                     description="The item's id.")
    owner = graphene.String(required=True,
                            description="Who must put it right (a person or a unit).")
    description = graphene.String(required=True,
                                  description="What must be put right (plain text).")
    opened_at = DateTime(required=True,
                         description="When it was opened.")
    deadline = Date(required=True, description="Last civil day (Asia/Shanghai) to "
                                               "rectify it, counted in working days from "
                                               "opening; after it the item is OVERDUE.")
    status = graphene.Field(LedgerItemStatus, required=True,
                            description="Where it stands: open, rectified, verified or overdue.")
    finding_ids = _Ids(description="The findings it answers.")
    on_the_spot = graphene.Boolean(required=True,
                                   description="True when fixed on the spot (立行立改): opened and "
                                               "rectified at once.")
    rectified_at = DateTime(description="When it was rectified; null until then.")
    rectified_by = deprecated_author("Subject of whoever rectified it")
    evidence = _Strings(description="Evidence of the rectification.")
    verified_at = DateTime(description="When it was verified; null until then.")
    verified_by = deprecated_author("Subject of whoever verified it")
    opened_by = actor_field("opened_by", True, "Who opened the item.")
    rectified_by_actor = actor_field("rectified_by_actor", description="Who recorded the "
                                     "rectification.", when=lambda r: r.get("rectified_at"))
    verified_by_actor = actor_field("verified_by_actor", description="Who verified it.",
                                    when=lambda r: r.get("verified_at"))
    overdue_at = DateTime(description="When it was found past its deadline.")

    resolve_id = _key("item_id")


FindingConnection = paging.connection(Finding, "A page of findings, newest first.")
SanctionConnection = paging.connection(Sanction, "A page of sanctions, newest first.")
LedgerItemConnection = paging.connection(LedgerItem, "A page of rectification ledger items "
                                         "(整改台账), newest first.")


def _counts(name: str, keys, what: str, enum: str) -> type:
    """One Int field per key: the breakdowns are fixed by the enums, not open lists."""
    return type(name, (graphene.ObjectType,), {
        "__doc__": f"{what} in the period, one count per {enum} value.",
        **{k.lower(): graphene.Int(required=True, description=f"{what} whose {enum} is {k}.")
           for k in keys}})


class AccountabilityCounts(graphene.ObjectType):
    """Accountability figures for a period of civil days (Asia/Shanghai)."""
    start = Date(required=True,
                 description="First civil day counted.")
    end = Date(required=True, description="Last civil day counted (inclusive).")
    findings_by_source = graphene.Field(_counts("FindingCountsBySource", SOURCES, "Findings recorded",
                                                 "FindingSource"), required=True,
                                        description="Findings recorded in the period, by source.")
    sanctions_by_measure = graphene.Field(_counts("SanctionCountsByMeasure", MEASURES,
                                                  "Sanctions taking effect", "SanctionMeasure"),
                                          required=True,
                                          description="Sanctions taking effect in the period, by "
                                                      "measure.")
    ledger_items_by_status = graphene.Field(_counts("LedgerItemCountsByStatus", STATUSES,
                                                    "Ledger items opened", "LedgerItemStatus"),
                                            required=True,
                                            description="Ledger items opened in the period, by "
                                                        "their state now.")



class FindingPayload(graphene.ObjectType):
    """The answer of recordFinding: the finding, or errors (nothing recorded)."""
    finding = graphene.Field(Finding,
                             description="The finding recorded; null when refused.")
    errors = errors_field()


class SanctionPayload(graphene.ObjectType):
    """The answer of imposeSanction: the sanction, or errors (nothing imposed)."""
    sanction = graphene.Field(Sanction,
                              description="The sanction imposed; null when refused.")
    errors = errors_field()


class LiftedSanctionsPayload(graphene.ObjectType):
    """The answer of completeTraining and reinstateToPost: the sanctions lifted, or errors."""
    sanctions = graphene.List(graphene.NonNull(Sanction),
                              description="The sanctions this step lifted.")
    errors = errors_field()


class LedgerItemPayload(graphene.ObjectType):
    """The answer of a ledger mutation: the item as it now is, or errors."""
    ledger_item = graphene.Field(LedgerItem,
                                 description="The ledger item after the change; null when "
                                             "refused.")
    errors = errors_field()
