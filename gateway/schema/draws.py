"""`draws`: double-random draws. Planners make them; cross-agency systems read them; the
published document of a revealed draw (and its verification) is readable by anyone."""
from __future__ import annotations

import graphene

from gateway.schema.base import (
    Agency, EnforcementDomain, enum_value, mutation, public_read, requires)
from gateway.schema.draws_types import (
    Draw, DrawConnection, DrawKind, DrawPayload, DrawStatus, DrawVerification, PublishedDraw,
    PublishedDrawSummaryConnection, published_summary)
from gateway.schema import paging
from gateway.schema.scalars import Date

READERS = ("planner", "cross_agency")


class TierRateInput(graphene.InputObjectType):
    """The share of a risk tier's entities to draw."""
    tier = graphene.String(required=True, description="LOW, MEDIUM or HIGH")
    rate = graphene.String(required=True, description="Decimal share, e.g. \"0.05\"")


class CategoryRateInput(graphene.InputObjectType):
    """A rate for one entity category and risk tier, overriding the tier's rate."""
    category = graphene.String(required=True,
                               description="An EntityCategory name, e.g. INTERNET_CAFE.")
    tier = graphene.String(required=True,
                           description="LOW, MEDIUM or HIGH.")
    rate = graphene.String(required=True,
                           description="Decimal share 0 to 1 as text, e.g. \"0.05\".")


class DrawRulesInput(graphene.InputObjectType):
    """How a draw picks: rates per risk tier (and category), flagged entities, inspectors per
    check."""
    tier_rates = graphene.List(graphene.NonNull(TierRateInput), required=True,
                               description="The rate of each risk tier LOW, MEDIUM and HIGH (all "
                                           "three: RULES_INCOMPLETE otherwise).")
    category_rates = graphene.List(graphene.NonNull(CategoryRateInput),
                                   description="Rates for particular categories and tiers, "
                                               "overriding the tier rates.")
    flagged_rate = graphene.String(description="Default 1: every flagged entity is drawn.")
    min_inspectors = graphene.Int(description="Default 2 (APL art. 42).")
    max_checks_per_inspector = graphene.Int(description="At most this many checks per inspector; "
                                                        "default: no cap.")


class CreateDrawInput(graphene.InputObjectType):
    """A new double-random draw: its scope (agency or joint operation, domains, dates) and rules."""
    title = graphene.String(required=True,
                            description="The draw's title (at most 200 characters).")
    operation_id = graphene.ID(description="A joint operation's draw: mixed inspectors, "
                                           "dates default to the operation's.")
    agency = graphene.Field(Agency, description="An agency batch's agency.")
    domains = graphene.List(graphene.NonNull(EnforcementDomain), required=True,
                            description="The enforcement domains whose entities and inspectors "
                                        "are drawn.")
    inspection_date = Date(description="The day the inspections start (Asia/Shanghai); "
                                       "default today.")
    inspections_end = Date(description="Default: the inspection date.")
    rules = graphene.Field(DrawRulesInput, required=True,
                           description="Draw rates and inspector rules.")
    results_due_workdays = graphene.Int(description="Default 20 working days.")
    key = graphene.String(description="Idempotency key: sending it again returns the same "
                                      "draw instead of creating another.")
    plan_id = graphene.ID(description="A draw plan (抽查批次, createDrawPlan) to make the draw "
                                      "in; the plan's agency must take part in the draw.")


def _rules(data) -> dict:
    category_rates = {}
    for row in data.get("category_rates") or ():
        category_rates.setdefault(row.category, {})[row.tier] = row.rate
    rules = {"tier_rates": {r.tier: r.rate for r in data.tier_rates},
             "category_rates": category_rates}
    for key in ("flagged_rate", "min_inspectors", "max_checks_per_inspector"):
        if data.get(key) is not None:
            rules[key] = data.get(key)
    return rules


def _create_input(data) -> dict:
    out = {"title": data.title, "operation_id": data.get("operation_id"),
           "agency": enum_value(data.get("agency")),
           "domains": [enum_value(d) for d in data.domains], "rules": _rules(data.rules),
           "results_due_workdays": data.get("results_due_workdays"), "key": data.get("key"),
           "plan_id": data.get("plan_id")}
    for key in ("inspection_date", "inspections_end"):
        out[key] = data.get(key).isoformat() if data.get(key) else None
    return out


class Query(graphene.ObjectType):
    draw = graphene.Field(Draw, id=graphene.ID(required=True, description="The draw's id."),
                          description="One draw with its rules, hashes and assignments; "
                                      "null when unknown. planner and cross_agency.")
    draws = paging.field(
        DrawConnection, "Draws, newest first. planner and cross_agency.",
        status=DrawStatus(description="Only draws in this state."),
        kind=DrawKind(description="Only agency batches or only joint-operation draws."),
        operation_id=graphene.ID(description="Only the draws of this joint operation."))
    published_draw = graphene.Field(
        PublishedDraw, id=graphene.ID(required=True, description="The draw's id."),
        description="Public (no token needed): a revealed draw's verifiable document.")
    published_draws = paging.field(PublishedDrawSummaryConnection,
                                   "Public: revealed draws, newest first.")
    draw_verification = graphene.Field(
        DrawVerification, id=graphene.ID(required=True, description="The draw's id."),
        description="Public: the server re-runs the published draw and lists differences.")

    @requires(*READERS)
    def resolve_draw(root, info, id):
        return info.context.services.draws.get_draws([id])[0]

    @requires(*READERS)
    def resolve_draws(root, info, status=None, kind=None, operation_id=None, first=None,
                      after=None, offset=None):
        filters = {"status": enum_value(status), "kind": enum_value(kind),
                   "operation_id": operation_id}
        return paging.page(DrawConnection, lambda page: info.context.services.draws
                           .list_draws(filters, page), first, after, offset)

    @public_read
    def resolve_published_draw(root, info, id):
        return info.context.services.draws.published_draw(id)

    @public_read
    def resolve_published_draws(root, info, first=None, after=None, offset=None):
        return paging.page(PublishedDrawSummaryConnection, lambda page: info.context
                           .services.draws.list_draws({"published": True}, page),
                           first, after, offset, convert=published_summary)

    @public_read
    def resolve_draw_verification(root, info, id):
        return info.context.services.draws.verify_draw(id)


STEPS = {
    "commit_draw": "Commit the draw's seed (its hash is recorded first, so nobody can choose "
                   "the result). planner only. Errors: NOT_FOUND, FORBIDDEN, "
                   "INVALID_TRANSITION, DRAW_INFEASIBLE, RULES_INCOMPLETE.",
    "reveal_draw": "Reveal the seed and draw the entities and inspectors (双随机), with recusal "
                   "of declared conflicts. planner only. Errors: NOT_FOUND, FORBIDDEN, "
                   "INVALID_TRANSITION, SEED_MISMATCH, DRAW_INFEASIBLE.",
    "publish_results": "Publish the draw's inspection results (一公开), by default within 20 "
                       "working days of the inspections' end. planner only. Errors: "
                       "NOT_FOUND, FORBIDDEN, INVALID_TRANSITION.",
}


def _step(method):
    return mutation(DrawPayload, roles=("planner",), description=STEPS[method],
                    call=lambda services, who, id: getattr(services.draws, method)(id, who),
                    id=graphene.ID(required=True, description="The draw's id; unknown: "
                                                              "NOT_FOUND."))


class Mutation(graphene.ObjectType):
    create_draw = mutation(
        DrawPayload, roles=("planner",),
        call=lambda services, who, input: services.draws.create_draw(
            _create_input(input), who),
        input=CreateDrawInput(required=True, description="The draw's scope and rules; see "
                                                          "the input type."),
        description="Create a double-random draw (双随机抽查): an agency batch or a joint "
                    "operation's cross-department draw. planner only. Errors: INVALID_INPUT, "
                    "NOT_FOUND, FORBIDDEN, RULES_INCOMPLETE, DOMAIN_NOT_IN_SCOPE, "
                    "AGENCY_WITHOUT_DOMAIN, DATE_OUTSIDE_OPERATION, OPERATION_CLOSED, "
                    "PLAN_AGENCY_MISMATCH.")
    commit_draw = _step("commit_draw")
    reveal_draw = _step("reveal_draw")
    publish_draw_results = _step("publish_results")
