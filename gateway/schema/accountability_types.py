"""GraphQL types of the accountability context (contract: Finding, Sanction, their
payloads and SanctionMeasure; the rest is the superset the legal-affairs staff need).

Resolvers receive the service's dicts (snake_case keys, ISO strings for times). A
finding's officer is fetched for every row of the answer in one certification call.
"""
from __future__ import annotations

import datetime as dt

import graphene
from graphene.types.resolver import dict_or_attr_resolver

from gateway.schema import paging
from gateway.schema.actors import actor_field, deprecated_author
from gateway.schema.base import UserError, enum_of
from gateway.schema.batching import officers
from gateway.schema.certification_types import Officer, _parsed
from gateway.schema.scalars import DateTime
from services.contracts.vocabulary import FINDING_SOURCES as SOURCES, LEDGER_STATUSES as STATUSES
from services.contracts.vocabulary import SANCTION_MEASURES as MEASURES

FindingSource = enum_of("FindingSource", SOURCES)
SanctionMeasure = enum_of("SanctionMeasure", MEASURES)
LedgerItemStatus = enum_of("LedgerItemStatus", STATUSES)
_time = lambda key: staticmethod(_parsed(key, dt.datetime.fromisoformat))  # noqa: E731
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
    id = graphene.ID(required=True)
    officer_id = graphene.ID(required=True)
    description = graphene.String(required=True, description="Plain text; escape it.")
    recorded_at = DateTime(required=True)
    source = graphene.Field(FindingSource, required=True)
    case_id = graphene.ID()
    inspection_id = graphene.ID()
    evidence = _Strings(description="References to the evidence (file ids, record numbers).")
    rule = graphene.String(description="The automatic rule that fired (AUTOMATIC only).")
    trigger_event_ids = _Ids(description="Events that made the automatic rule fire.")
    officer = graphene.Field(Officer, description="As certification knows the officer now.")
    recorded_by = actor_field("recorded_by", True, "Who recorded it; an automatic finding "
                              "names its rule (system:accountability.rule.<rule>).")

    resolve_id = _key("finding_id")
    resolve_recorded_at = _time("recorded_at")

    @staticmethod
    def resolve_officer(root, info):
        return officer_of(info, root["officer_id"])


class Sanction(graphene.ObjectType):
    id = graphene.ID(required=True)
    finding_id = graphene.ID(required=True)
    officer_id = graphene.ID(required=True)
    measure = graphene.Field(SanctionMeasure, required=True)
    effective_at = DateTime(required=True)
    imposed_at = DateTime(required=True)
    lifted_at = DateTime(description="Training completed / back on post.")
    imposed_by = actor_field("imposed_by", True, "Who imposed it.")
    lifted_by = actor_field("lifted_by", description="Who recorded the step that lifted it.",
                            when=lambda row: row.get("lifted_at") is not None)

    resolve_id = _key("sanction_id")
    resolve_effective_at = _time("effective_at")
    resolve_imposed_at = _time("imposed_at")
    resolve_lifted_at = _time("lifted_at")


class LedgerItem(graphene.ObjectType):
    id = graphene.ID(required=True)
    owner = graphene.String(required=True)
    description = graphene.String(required=True)
    opened_at = DateTime(required=True)
    deadline = graphene.Date(required=True, description="Civil date, in working days.")
    status = graphene.Field(LedgerItemStatus, required=True)
    finding_ids = _Ids()
    on_the_spot = graphene.Boolean(required=True)
    rectified_at = DateTime()
    rectified_by = deprecated_author("Subject of whoever rectified it")
    evidence = _Strings()
    verified_at = DateTime()
    verified_by = deprecated_author("Subject of whoever verified it")
    opened_by = actor_field("opened_by", True, "Who opened the item.")
    rectified_by_actor = actor_field("rectified_by_actor", description="Who recorded the "
                                     "rectification.", when=lambda r: r.get("rectified_at"))
    verified_by_actor = actor_field("verified_by_actor", description="Who verified it.",
                                    when=lambda r: r.get("verified_at"))
    overdue_at = DateTime(description="When it was found past its deadline.")

    resolve_id = _key("item_id")
    resolve_opened_at = _time("opened_at")
    resolve_deadline = staticmethod(_parsed("deadline", dt.date.fromisoformat))
    resolve_rectified_at = _time("rectified_at")
    resolve_verified_at = _time("verified_at")
    resolve_overdue_at = _time("overdue_at")


FindingConnection = paging.connection(Finding)
SanctionConnection = paging.connection(Sanction)
LedgerItemConnection = paging.connection(LedgerItem)


def _counts(name: str, keys) -> type:
    """One Int field per key: the breakdowns are fixed by the enums, not open lists."""
    return type(name, (graphene.ObjectType,),
                {k.lower(): graphene.Int(required=True) for k in keys})


class AccountabilityCounts(graphene.ObjectType):
    start = graphene.Date(required=True)
    end = graphene.Date(required=True, description="Inclusive.")
    findings_by_source = graphene.Field(_counts("FindingCountsBySource", SOURCES), required=True)
    sanctions_by_measure = graphene.Field(_counts("SanctionCountsByMeasure", MEASURES),
                                          required=True)
    ledger_items_by_status = graphene.Field(_counts("LedgerItemCountsByStatus", STATUSES),
                                            required=True)

    resolve_start = staticmethod(_parsed("start", dt.date.fromisoformat))
    resolve_end = staticmethod(_parsed("end", dt.date.fromisoformat))


class FindingPayload(graphene.ObjectType):
    finding = graphene.Field(Finding)
    errors = graphene.List(graphene.NonNull(UserError), required=True)


class SanctionPayload(graphene.ObjectType):
    sanction = graphene.Field(Sanction)
    errors = graphene.List(graphene.NonNull(UserError), required=True)


class LiftedSanctionsPayload(graphene.ObjectType):
    sanctions = graphene.List(graphene.NonNull(Sanction),
                              description="The sanctions this step lifted.")
    errors = graphene.List(graphene.NonNull(UserError), required=True)


class LedgerItemPayload(graphene.ObjectType):
    ledger_item = graphene.Field(LedgerItem)
    errors = graphene.List(graphene.NonNull(UserError), required=True)
