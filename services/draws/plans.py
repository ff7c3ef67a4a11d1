"""Draw plans (抽查批次) and the draws' annual figures, as the draws service stores them."""
from __future__ import annotations

import hashlib
import uuid

from pymongo.errors import DuplicateKeyError

from services.common import paging
from services.common.clock import as_utc, check_year, utcnow, year_bounds
from services.common.paging import Page
from services.common.errors import NotFound
from services.draws import views
from services.draws.documents import DrawDoc, DrawPlanDoc
from services.draws.domain import plans
from services.draws.domain.lifecycle import REVEALED, RESULTS_PUBLISHED
from services.draws.domain.scope import JOINT_OPERATION

# what the figures read of a stored draw
FIGURE_FIELDS = {"status": 1, "kind": 1, "plan_id": 1, "entity_count": 1,
                 "rules.min_inspectors": 1}


def _record(doc: DrawPlanDoc) -> plans.DrawPlan:
    return plans.DrawPlan(doc.id, doc.title, doc.agency, doc.year, doc.created_by,
                          as_utc(doc.created_at))


def load(plan_id) -> plans.DrawPlan:
    doc = DrawPlanDoc.objects(id=str(plan_id)).first()
    if doc is None:
        raise NotFound("draw plan", plan_id, ["input", "planId"])
    return _record(doc)


def create(svc, data: dict, actor: dict) -> dict:
    data = data if isinstance(data, dict) else {}
    key = data.get("key")  # a client's idempotency key: the same key, the same plan
    plan_id = "PLN-" + (hashlib.sha256(f"plan:{key}".encode()).hexdigest() if key
                        else uuid.uuid4().hex)[:12].upper()
    plan = plans.create_plan(plan_id, data.get("title"), data.get("agency"), data.get("year"),
                             actor, utcnow())
    try:
        with svc.store.transaction() as uow:
            uow.insert(DrawPlanDoc(id=plan.id, title=plan.title, agency=plan.agency,
                                   year=plan.year, created_by=plan.created_by,
                                   created_at=plan.created_at))
    except DuplicateKeyError:
        plan = load(plan_id)
    return views.plan(plan, figures([plan.id])[plan.id])


def figures(plan_ids: list[str]) -> dict[str, dict]:
    """plan id -> its figures, one query for all of them."""
    rows: dict[str, list] = {i: [] for i in plan_ids}
    for draw in DrawDoc._get_collection().find({"plan_id": {"$in": plan_ids}}, FIGURE_FIELDS):
        rows[draw["plan_id"]].append(draw)
    return {i: plans.totals(found) for i, found in rows.items()}


def list_plans(filters: dict | None, request: Page) -> dict:
    """Newest year first; filters: agency, year (exact values only)."""
    filters, query = filters or {}, {}
    if filters.get("agency") is not None:
        query["agency"] = str(filters["agency"])
    if filters.get("year") is not None:
        query["year"] = check_year(filters["year"])
    docs = DrawPlanDoc.objects(**query).order_by("-year", "-created_at", "id")

    def rows(skip, limit):
        page = [_record(d) for d in docs.skip(skip).limit(limit)]
        found = figures([p.id for p in page])
        return [views.plan(p, found[p.id]) for p in page]
    return paging.positions(request, docs.count(), rows)


def annual_figures(year, agency) -> dict:
    """Draws revealed in the year in which `agency` takes part (a joint operation's draw
    counts for every agency in it), their plans, entity-times and inspector-times."""
    start, end = year_bounds(check_year(year))
    revealed = list(DrawDoc._get_collection().find(
        {"revealed_at": {"$gte": start, "$lt": end}, "scope.agencies": str(agency),
         "status": {"$in": [REVEALED, RESULTS_PUBLISHED]}}, FIGURE_FIELDS))
    totals = plans.totals(revealed)
    return {"year": year, "agency": agency,
            "draw_batches": len({d["plan_id"] for d in revealed if d.get("plan_id")}),
            "draws": totals["revealed_draws"], "entities_drawn": totals["entities_drawn"],
            "inspectors_drawn": totals["inspectors_drawn"],
            "cross_department_draws": sum(d.get("kind") == JOINT_OPERATION for d in revealed)}
