"""GraphQL types of the draws context and the helpers its resolvers share.

The service answers JSON (dates and times as ISO strings), which the Date/DateTime
scalars serialize as they are.
"""
from __future__ import annotations

import graphene

from gateway.schema.base import errors_field
from gateway.schema.base import Agency, EnforcementDomain, UserError, enum_of
from gateway.schema.certification_types import Officer
from gateway.schema.scalars import Date, DateTime
from services.contracts.vocabulary import DRAW_KINDS, DRAW_STATUSES
from gateway.schema import paging
from gateway.schema.batching import officers


DrawKind = enum_of("DrawKind", DRAW_KINDS,
                   "An agency's batch, or a joint operation's (mixed inspectors).")
DrawStatus = enum_of("DrawStatus", DRAW_STATUSES,
                     "A draw's step, in order.")


class TierRate(graphene.ObjectType):
    """The share of a risk tier's entities a draw takes."""
    tier = graphene.String(required=True,
                           description="LOW, MEDIUM or HIGH.")
    rate = graphene.String(required=True,
                           description="Decimal share 0 to 1 as text, e.g. \"0.05\" (exact: no "
                                       "float rounding).")


class CategoryRate(graphene.ObjectType):
    """A rate for one entity category and risk tier, overriding the tier's rate."""
    category = graphene.String(required=True,
                               description="An EntityCategory name, e.g. INTERNET_CAFE.")
    tier = graphene.String(required=True,
                           description="LOW, MEDIUM or HIGH.")
    rate = graphene.String(required=True,
                           description="Decimal share 0 to 1 as text.")


class DrawRules(graphene.ObjectType):
    """How the draw picks entities and inspectors (stratified by risk, recusal applied)."""
    tier_rates = graphene.List(graphene.NonNull(TierRate), required=True,
                               description="The rate of each risk tier.")
    category_rates = graphene.List(graphene.NonNull(CategoryRate), required=True,
                                   description="Rates overriding the tier rates for particular "
                                               "categories.")
    flagged_rate = graphene.String(required=True,
                                   description="The share of FLAGGED entities drawn (\"1\": every "
                                               "one).")
    min_inspectors = graphene.Int(required=True,
                                  description="Inspectors per check, at least 2 (Administrative "
                                              "Penalty Law art. 42).")
    max_checks_per_inspector = graphene.Int(description="At most this many checks per inspector; "
                                                        "null: no cap.")
    joint = graphene.Boolean(required=True,
                             description="True for a joint operation's draw: each check mixes the "
                                         "agencies' inspectors.")

    def resolve_tier_rates(rules, info):
        return [TierRate(tier=t, rate=r) for t, r in rules["tier_rates"].items()]

    def resolve_category_rates(rules, info):
        return [CategoryRate(category=c, tier=t, rate=r)
                for c, tiers in rules["category_rates"].items() for t, r in tiers.items()]


class DrawHashes(graphene.ObjectType):
    """SHA-256 hashes (hex) of what the draw used and gave: anyone can re-run and compare."""
    directory = graphene.String(required=True,
                                description="Hash of the entity directory (检查对象名录库) as drawn "
                                            "from.")
    roster = graphene.String(required=True,
                             description="Hash of the inspector roster (执法检查人员名录库) as drawn from.")
    rules = graphene.String(required=True,
                            description="Hash of the draw's rules.")
    result = graphene.String(required=True,
                             description="Hash of the result: every entity and its inspectors.")


class DrawCheckResult(graphene.ObjectType):
    """The inspection that carried out a drawn check."""
    inspection_id = graphene.ID(required=True,
                                description="The inspection recorded for the check.")
    performed_at = DateTime(description="When it was performed.")
    violation_found = graphene.Boolean(description="Whether it found a violation.")


class DrawAssignment(graphene.ObjectType):
    """One drawn check: an entity and the inspectors drawn for it."""
    entity_id = graphene.ID(required=True,
                            description="The drawn entity.")
    agency = graphene.Field(Agency, required=True,
                            description="The agency whose directory the entity is in.")
    category = graphene.String(required=True,
                               description="The entity's category (an EntityCategory name).")
    tier = graphene.String(required=True,
                           description="The risk tier it was drawn in (LOW, MEDIUM, HIGH or "
                                       "FLAGGED).")
    flagged = graphene.Boolean(required=True,
                               description="True when drawn as a flagged entity (重点监管).")
    inspector_ids = graphene.List(graphene.NonNull(graphene.ID), required=True,
                                  description="The officers drawn to inspect it (at least "
                                              "minInspectors).")
    inspectors = graphene.List(Officer, required=True,
                               description="Batched: one certification call per page.")
    result = graphene.Field(DrawCheckResult,
                            description="The inspection that carried it out; null until recorded.")

    def resolve_inspectors(row, info):
        batch = officers(info)
        batch.want(row["inspector_ids"])
        return [batch.get(i) for i in row["inspector_ids"]]


DrawAssignmentConnection = paging.connection(DrawAssignment)


class Draw(graphene.ObjectType):
    """A double-random draw (双随机抽查): entities and inspectors drawn at random with a committed seed,
    then published (一公开). planner and cross_agency read it."""
    id = graphene.ID(required=True,
                     description="The draw's id.")
    title = graphene.String(required=True,
                            description="The draw's title.")
    kind = graphene.Field(DrawKind, required=True,
                          description="An agency batch or a joint operation's draw.")
    status = graphene.Field(DrawStatus, required=True,
                            description="Where the draw stands: created, committed, revealed, "
                                        "results published.")
    operation_id = graphene.ID(description="The joint operation it was drawn for; null for an "
                                           "agency batch.")
    plan_id = graphene.ID(description="The draw plan (抽查批次) it belongs to, if any.")
    agencies = graphene.List(graphene.NonNull(Agency), required=True,
                             description="The agencies whose entities and inspectors are drawn.")
    domains = graphene.List(graphene.NonNull(EnforcementDomain), required=True,
                            description="The enforcement domains drawn from.")
    inspection_date = Date(required=True,
                           description="The day the inspections start.")
    inspections_end = Date(required=True,
                           description="The last day of the inspections; results are due "
                                       "counting from it.")
    rules = graphene.Field(DrawRules, required=True,
                           description="The rules the draw applies.")
    created_at = DateTime(required=True,
                          description="When it was created.")
    seed_commitment = graphene.String(description="Published at commit, before the "
                                                  "directories are frozen.")
    committed_at = DateTime(description="When the seed was committed; null before.")
    seed = graphene.String(description="Null until the reveal.")
    revealed_at = DateTime(description="When the seed was revealed and the draw made; null "
                                       "before.")
    hashes = graphene.Field(DrawHashes,
                            description="Hashes of the inputs and the result; null until "
                                        "revealed.")
    entity_count = graphene.Int(description="How many entities were drawn; null until revealed.")
    inspector_count = graphene.Int(description="How many inspector assignments (person-times) "
                                               "were drawn; null until revealed.")
    results_due_workdays = graphene.Int(required=True,
                                        description="Working days after inspectionsEnd within "
                                                    "which results must be published (default "
                                                    "20).")
    results_due = Date(required=True,
                       description="The last day results may be published on time "
                                   "(Asia/Shanghai, working days).")
    results_published_on = Date(description="The day results were published; null until "
                                            "then.")
    results_overdue = graphene.Boolean(required=True,
                                       description="True when results are not published and "
                                                   "resultsDue has passed.")
    assignments = paging.field(DrawAssignmentConnection,
                               description="The drawn checks, in the draw's order.")

    def resolve_assignments(draw, info, first=None, after=None, offset=None):
        return paging.page(DrawAssignmentConnection, lambda page: info.context
                           .services.draws.list_assignments(draw["id"], page),
                           first, after, offset, prime=lambda rows: officers(info).want(
                               [i for row in rows for i in row["inspector_ids"]]))


DrawConnection = paging.connection(Draw)


class PublishedDraw(graphene.ObjectType):
    """A revealed draw as published to everyone (no token needed): the verifiable document."""
    draw_id = graphene.ID(required=True,
                          description="The draw's id.")
    title = graphene.String(required=True,
                            description="The draw's title.")
    status = graphene.Field(DrawStatus, required=True,
                            description="REVEALED or RESULTS_PUBLISHED.")
    revealed_at = DateTime(description="When it was revealed.")
    result_hash = graphene.String(description="SHA-256 (hex) of the result, as in the document.")
    document = graphene.String(required=True, description="The published-draw JSON: save it "
                               "and run `jointops draw verify FILE`.")
    results = graphene.String(description="Inspection results JSON, once published.")


class PublishedDrawSummary(graphene.ObjectType):
    """A line of the public list of revealed draws."""
    draw_id = graphene.ID(required=True,
                          description="The draw's id.")
    title = graphene.String(required=True,
                            description="The draw's title.")
    status = graphene.Field(DrawStatus, required=True,
                            description="REVEALED or RESULTS_PUBLISHED.")
    revealed_at = DateTime(description="When it was revealed.")
    result_hash = graphene.String(description="SHA-256 (hex) of the result.")
    entity_count = graphene.Int(description="How many entities were drawn.")
    inspector_count = graphene.Int(description="How many inspector assignments were drawn.")
    results_due = Date(required=True,
                       description="The last day results may be published on time.")
    results_published_on = Date(description="The day results were published; null until "
                                            "then.")


PublishedDrawSummaryConnection = paging.connection(PublishedDrawSummary)


def published_summary(draw: dict) -> dict:
    return {**{k: draw[k] for k in (
        "title", "status", "revealed_at", "entity_count", "inspector_count", "results_due",
        "results_published_on")}, "draw_id": draw["id"],
        "result_hash": (draw["hashes"] or {}).get("result")}


class DrawVerification(graphene.ObjectType):
    """The server's re-run of a published draw: does it give the published result?"""
    draw_id = graphene.ID(required=True,
                          description="The draw verified.")
    verified = graphene.Boolean(required=True,
                                description="True when re-running the draw from its published "
                                            "inputs gives the published result.")
    differences = graphene.List(graphene.NonNull(graphene.String), required=True,
                                description="What differs, one line each; empty when verified.")


class DrawPayload(graphene.ObjectType):
    """The answer of a draw mutation: the draw as it now is, or errors (nothing changed)."""
    draw = graphene.Field(Draw,
                          description="The draw after the mutation; null when refused.")
    errors = errors_field()
