"""GraphQL types of the draws context and the helpers its resolvers share.

The service answers JSON (ISO strings); `typed_*` turn dates and times into objects
once, because graphene's Date/DateTime scalars serialize only those.
"""
from __future__ import annotations

import datetime as dt
import graphene

from gateway.schema.base import Agency, EnforcementDomain, UserError, enum_of
from gateway.schema.certification_types import Officer
from gateway.schema.scalars import DateTime
from services.contracts.vocabulary import DRAW_KINDS, DRAW_STATUSES
from gateway.schema import paging
from gateway.schema.batching import officers
_DATES = ("inspection_date", "inspections_end", "results_due", "results_published_on")
_TIMES = ("created_at", "committed_at", "revealed_at", "performed_at")


def _typed(data: dict | None) -> dict | None:
    if data is None:
        return None
    out = dict(data)
    for key in _DATES:
        if isinstance(out.get(key), str):
            out[key] = dt.date.fromisoformat(out[key])
    for key in _TIMES:
        if isinstance(out.get(key), str):
            out[key] = dt.datetime.fromisoformat(out[key])
    return out


typed_draw = typed_published = _typed


DrawKind = enum_of("DrawKind", DRAW_KINDS,
                   "An agency's batch, or a joint operation's (mixed inspectors).")
DrawStatus = enum_of("DrawStatus", DRAW_STATUSES,
                     "A draw's step, in order.")


class TierRate(graphene.ObjectType):
    tier = graphene.String(required=True)
    rate = graphene.String(required=True)


class CategoryRate(graphene.ObjectType):
    category = graphene.String(required=True)
    tier = graphene.String(required=True)
    rate = graphene.String(required=True)


class DrawRules(graphene.ObjectType):
    tier_rates = graphene.List(graphene.NonNull(TierRate), required=True)
    category_rates = graphene.List(graphene.NonNull(CategoryRate), required=True)
    flagged_rate = graphene.String(required=True)
    min_inspectors = graphene.Int(required=True)
    max_checks_per_inspector = graphene.Int()
    joint = graphene.Boolean(required=True)

    def resolve_tier_rates(rules, info):
        return [TierRate(tier=t, rate=r) for t, r in rules["tier_rates"].items()]

    def resolve_category_rates(rules, info):
        return [CategoryRate(category=c, tier=t, rate=r)
                for c, tiers in rules["category_rates"].items() for t, r in tiers.items()]


class DrawHashes(graphene.ObjectType):
    directory = graphene.String(required=True)
    roster = graphene.String(required=True)
    rules = graphene.String(required=True)
    result = graphene.String(required=True)


class DrawCheckResult(graphene.ObjectType):
    inspection_id = graphene.ID(required=True)
    performed_at = DateTime()
    violation_found = graphene.Boolean()


class DrawAssignment(graphene.ObjectType):
    entity_id = graphene.ID(required=True)
    agency = graphene.Field(Agency, required=True)
    category = graphene.String(required=True)
    tier = graphene.String(required=True)
    flagged = graphene.Boolean(required=True)
    inspector_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)
    inspectors = graphene.List(Officer, required=True,
                               description="Batched: one certification call per page.")
    result = graphene.Field(DrawCheckResult)

    def resolve_inspectors(row, info):
        batch = officers(info)
        batch.want(row["inspector_ids"])
        return [batch.get(i) for i in row["inspector_ids"]]

    def resolve_result(row, info):
        return _typed(row.get("result"))


DrawAssignmentConnection = paging.connection(DrawAssignment)


class Draw(graphene.ObjectType):
    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    kind = graphene.Field(DrawKind, required=True)
    status = graphene.Field(DrawStatus, required=True)
    operation_id = graphene.ID()
    plan_id = graphene.ID(description="The draw plan (抽查批次) it belongs to, if any.")
    agencies = graphene.List(graphene.NonNull(Agency), required=True)
    domains = graphene.List(graphene.NonNull(EnforcementDomain), required=True)
    inspection_date = graphene.Date(required=True)
    inspections_end = graphene.Date(required=True)
    rules = graphene.Field(DrawRules, required=True)
    created_at = DateTime(required=True)
    seed_commitment = graphene.String(description="Published at commit, before the "
                                                  "directories are frozen.")
    committed_at = DateTime()
    seed = graphene.String(description="Null until the reveal.")
    revealed_at = DateTime()
    hashes = graphene.Field(DrawHashes)
    entity_count = graphene.Int()
    inspector_count = graphene.Int()
    results_due_workdays = graphene.Int(required=True)
    results_due = graphene.Date(required=True)
    results_published_on = graphene.Date()
    results_overdue = graphene.Boolean(required=True)
    assignments = paging.field(DrawAssignmentConnection)

    def resolve_assignments(draw, info, first=None, after=None, offset=None):
        return paging.page(DrawAssignmentConnection, lambda page: info.context
                           .services.draws.list_assignments(draw["id"], page),
                           first, after, offset, prime=lambda rows: officers(info).want(
                               [i for row in rows for i in row["inspector_ids"]]))


DrawConnection = paging.connection(Draw)


class PublishedDraw(graphene.ObjectType):
    draw_id = graphene.ID(required=True)
    title = graphene.String(required=True)
    status = graphene.Field(DrawStatus, required=True)
    revealed_at = DateTime()
    result_hash = graphene.String()
    document = graphene.String(required=True, description="The published-draw JSON: save it "
                               "and run `jointops draw verify FILE`.")
    results = graphene.String(description="Inspection results JSON, once published.")


class PublishedDrawSummary(graphene.ObjectType):
    """A revealed draw as the public lists it; its document is `publishedDraw(id)`."""
    draw_id = graphene.ID(required=True)
    title = graphene.String(required=True)
    status = graphene.Field(DrawStatus, required=True)
    revealed_at = DateTime()
    result_hash = graphene.String()
    entity_count = graphene.Int()
    inspector_count = graphene.Int()
    results_due = graphene.Date(required=True)
    results_published_on = graphene.Date()


PublishedDrawSummaryConnection = paging.connection(PublishedDrawSummary)


def published_summary(draw: dict) -> dict:
    return _typed({**{k: draw[k] for k in (
        "title", "status", "revealed_at", "entity_count", "inspector_count", "results_due",
        "results_published_on")}, "draw_id": draw["id"],
        "result_hash": (draw["hashes"] or {}).get("result")})


class DrawVerification(graphene.ObjectType):
    draw_id = graphene.ID(required=True)
    verified = graphene.Boolean(required=True)
    differences = graphene.List(graphene.NonNull(graphene.String), required=True)


class DrawPayload(graphene.ObjectType):
    draw = graphene.Field(Draw)
    errors = graphene.List(graphene.NonNull(UserError), required=True)
