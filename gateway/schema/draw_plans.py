"""`draws`: draw plans (抽查批次), the report's batches, each grouping the draws of one
inspection plan, listed with their figures. Planners make them; readers of draws read them."""
from __future__ import annotations


import graphene

from gateway.schema import paging
from gateway.schema.base import errors_field
from gateway.schema.base import Agency, enum_value, mutation, requires
from gateway.schema.draws import READERS
from gateway.schema.scalars import DateTime
from services.contracts.vocabulary import MAX_TITLE


class DrawPlan(graphene.ObjectType):
    """抽查批次 / a draw plan, e.g. "2023年第3批"; its figures count its draws."""
    id = graphene.ID(required=True,
                     description="The plan's id.")
    title = graphene.String(required=True,
                            description="The plan's title, e.g. 2023年第3批.")
    agency = graphene.Field(Agency, required=True,
                            description="The agency whose plan it is.")
    year = graphene.Int(required=True,
                        description="The calendar year it belongs to.")
    created_by = graphene.String(required=True,
                                 description="Subject of whoever created it.")
    created_at = DateTime(required=True,
                          description="When it was created.")
    draws = graphene.Int(required=True, description="Draws made in the plan.")
    revealed_draws = graphene.Int(required=True, description="Of them revealed.")
    entities_drawn = graphene.Int(required=True, description="Entity-times (家次) of the "
                                                             "revealed draws.")
    inspectors_drawn = graphene.Int(required=True, description="Inspector assignments "
                                                               "(人次) of the revealed draws.")


DrawPlanConnection = paging.connection(DrawPlan)


class CreateDrawPlanInput(graphene.InputObjectType):
    """A new draw plan (抽查批次), e.g. 2023年第3批."""
    title = graphene.String(required=True, description=f"At most {MAX_TITLE} characters, "
                                                       "e.g. 2023年第3批.")
    agency = graphene.Field(Agency, required=True,
                            description="The agency whose plan it is.")
    year = graphene.Int(required=True,
                        description="The calendar year it belongs to (2000 to 2100).")
    key = graphene.String(description="Idempotency key: the same key, the same plan.")


class DrawPlanPayload(graphene.ObjectType):
    """The answer of createDrawPlan: the plan, or errors (nothing created)."""
    plan = graphene.Field(DrawPlan,
                          description="The plan created; null when refused.")
    errors = errors_field()


class Query(graphene.ObjectType):
    draw_plans = paging.field(DrawPlanConnection, "Newest year first, with each plan's "
                              "figures. planner and cross_agency.",
                              agency=Agency(description="Only this agency's plans."),
                              year=graphene.Int(description="Only plans of this year."))

    @requires(*READERS)
    def resolve_draw_plans(root, info, agency=None, year=None, first=None, after=None,
                           offset=None):
        filters = {"agency": enum_value(agency), "year": year}
        return paging.page(DrawPlanConnection, lambda page: info.context.services
                           .draws.list_plans(filters, page), first, after, offset)


def _plan(input) -> dict:
    return {"title": input.title, "agency": enum_value(input.agency), "year": input.year,
            "key": input.get("key")}


class Mutation(graphene.ObjectType):
    create_draw_plan = mutation(
        DrawPlanPayload, roles=("planner",),
        description="Create a draw plan (抽查批次) that groups the draws of one inspection "
                    "plan. planner only (of the plan's agency when the token names one). "
                    "Errors: INVALID_INPUT, FORBIDDEN.",
        call=lambda services, who, input: services.draws.create_plan(_plan(input), who),
        input=CreateDrawPlanInput(required=True, description="The plan's title, agency and "
                                                             "year."))
