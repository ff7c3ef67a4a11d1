"""Bodies, their delegated powers and their officers: the register a filing is checked
against (the rules are in domain/bodies.py), and the four lists as the catalogue holds
them."""
from __future__ import annotations

from services.common.clock import as_stored, local_date, utcnow
from services.common.errors import InvalidInput, NotFound
from services.enforcement import ids, inputs, repository, views
from services.enforcement.domain import bodies as b
from services.enforcement.domain import lists

MAX_ROWS = 1000


def _body_doc(doc) -> b.Body:
    return b.Body.from_dict(views.plain(doc))


def all_bodies(docs, agency, catalogue) -> dict[str, b.Body]:
    """The agency and every stored body under it, by id (a few dozen at most)."""
    found = {d["_id"]: _body_doc(d) for d in docs.Body._get_collection().find()}
    return {agency: b.agency_body(catalogue), **found}


def load_body(docs, agency, catalogue, body_id, field=("input", "bodyId")) -> b.Body:
    if body_id == agency:
        return b.agency_body(catalogue)
    return _body_doc(repository.raw(docs.Body, body_id, "body", field))


def powers_of(docs, body_id: str, violation_code: str | None = None) -> list[b.Power]:
    query = {"body_id": body_id, **({"violation_code": violation_code}
                                    if violation_code else {})}
    return [b.Power.from_dict(views.plain(d))
            for d in docs.Power._get_collection().find(query)]


def membership(docs, officer_ids) -> dict[str, str]:
    found = docs.Membership._get_collection().find({"_id": {"$in": list(officer_ids)}})
    return {d["_id"]: d["body_id"] for d in found}


def filing_body(docs, agency, catalogue, actor, officer_ids) -> b.Body:
    """The body a filing acts for: the token's `body` claim, else the officers' body."""
    claimed = (actor or {}).get("body")
    if claimed is not None and not isinstance(claimed, str):
        raise InvalidInput("body must be a body id", ["body"])
    return b.filing_body(claimed, all_bodies(docs, agency, catalogue),
                         membership(docs, officer_ids), officer_ids, agency)


# ---- RPCs
def register_body(docs, store, agency, catalogue, data) -> dict:
    data = inputs.obj(data)
    body, raised = b.new_body(
        ids.new_id(agency, ids.BODY), catalogue,
        inputs.text(data.get("name"), "name", max_len=200),
        inputs.text(data.get("kind"), "kind", max_len=20),
        inputs.text(data.get("area"), "area", False, 200) or "", utcnow())
    with store.transaction() as uow:
        uow.insert(docs.Body(**body.to_dict()))
        uow.emit_all(raised)
    return body_view(docs, catalogue, body)


def delegate_power(docs, store, agency, catalogue, data) -> dict:
    data = inputs.obj(data)
    body = load_body(docs, agency, catalogue,
                     inputs.text(data.get("body_id"), "bodyId", max_len=100))
    code = inputs.text(data.get("violation_code"), "violationCode", max_len=64)
    last = data.get("effective_until")
    power, raised = b.delegate(
        ids.new_id(agency, ids.POWER), body, catalogue, code,
        inputs.day(data.get("effective_from"), "effectiveFrom"),
        inputs.day(last, "effectiveUntil") if last else None,
        inputs.text(data.get("document_no"), "documentNo", max_len=100),
        powers_of(docs, body.id, code), utcnow())
    with store.transaction() as uow:
        uow.insert(docs.Power(**power.to_dict()))
        uow.emit_all(raised)
    return power_view(power)


def end_power(docs, store, data) -> dict:
    data = inputs.obj(data)
    stored = repository.raw(docs.Power, inputs.text(data.get("power_id"), "powerId",
                                                    max_len=100), "power",
                            ("input", "powerId"))
    power = b.Power.from_dict(views.plain(stored))
    raised = b.end_power(power, inputs.day(data.get("last_day"), "lastDay"),
                         inputs.text(data.get("reason"), "reason", False, 500), utcnow())
    version = stored.get("version", 0)
    with store.transaction() as uow:
        uow.save(docs.Power(**power.to_dict(), version=version + 1),
                 expect_version=version)
        uow.emit_all(raised)
    return power_view(power)


def assign_officer(docs, store, agency, catalogue, certification, data) -> dict:
    """Move an officer to a body of this agency (the agency itself: back to default)."""
    data = inputs.obj(data)
    officer = inputs.text(data.get("officer_id"), "officerId", max_len=100)
    body = load_body(docs, agency, catalogue,
                     inputs.text(data.get("body_id"), "bodyId", max_len=100))
    known = certification.get_officers([officer])[0]
    if known is None or known.get("agency") != agency:
        raise NotFound(f"{agency} officer", officer, ["input", "officerId"])
    previous = membership(docs, [officer]).get(officer, agency)
    now = utcnow()
    raised = b.assign_officer(officer, body, previous, now)
    coll = docs.Membership._get_collection()
    with store.transaction() as uow:
        if body.kind == b.AGENCY:
            uow.run(lambda s: coll.delete_one({"_id": officer}, session=s))
        else:
            uow.save(docs.Membership(id=officer, body_id=body.id, assigned_at=as_stored(now)))
        uow.emit_all(raised)
    return {"officer_id": officer, "agency": agency, "body_id": body.id,
            "previous_body_id": previous}


def list_bodies(docs, agency, catalogue) -> list[dict]:
    found = sorted(all_bodies(docs, agency, catalogue).values(),
                   key=lambda x: (x.kind != b.AGENCY, x.name))
    return [body_view(docs, catalogue, x) for x in found]


def get_bodies(docs, agency, catalogue, wanted) -> list[dict | None]:
    known = all_bodies(docs, agency, catalogue)
    return [body_view(docs, catalogue, known[i]) if i in known else None
            for i in inputs.strings(wanted, "ids", MAX_ROWS)]


def list_powers(docs, filters) -> list[dict]:
    """Delegated powers, by body and violation; `in_force_on` keeps those in force that
    day. The agency's own powers (its catalogue) come with its body, not here."""
    filters = inputs.obj(filters, "filter")
    query = {k: inputs.text(filters[k], k, max_len=100)
             for k in ("body_id", "violation_code") if filters.get(k)}
    found = [b.Power.from_dict(views.plain(d)) for d in
             docs.Power._get_collection().find(query).sort(
                 [("body_id", 1), ("violation_code", 1), ("effective_from", 1)])
             .limit(MAX_ROWS)]
    day = filters.get("in_force_on")
    if day:
        on = inputs.day(day, "inForceOn")
        found = [p for p in found if p.in_force(on)]
    return [power_view(p) for p in found]


def list_entries(agency, catalogue, day=None, list_kind=None) -> list[dict]:
    on = inputs.day(day, "on") if day else None
    kind = inputs.choice(list_kind, "list", lists.LIST_KINDS, False)
    return [{"agency": agency, "list": e.list, "title": lists.TITLES[e.list],
             "violation_code": e.violation_code,
             "violation": catalogue.violations[e.violation_code].title,
             "valid_from": e.valid_from.isoformat(),
             "valid_until": e.valid_until.isoformat() if e.valid_until else None,
             "condition": e.condition} for e in lists.in_force(catalogue, on, kind)]


def violation_discretion(agency, catalogue, violation_code, day=None) -> dict:
    """What a decision on `violation_code` may be on `day` (today by default): the fine
    range of each circumstance, and whether the lists in force allow it (从轻 and 减轻 need
    the violation on their list; a first-violation waiver needs it on 不予处罚)."""
    on = inputs.day(day, "on") if day else local_date(utcnow())
    violation = catalogue.violation(inputs.text(violation_code, "violationCode"))
    ranges = []
    for circumstance, (low, high) in violation.ranges.items():
        kind = lists.CIRCUMSTANCE_LIST.get(circumstance)
        ranges.append({"circumstance": circumstance, "min": low, "max": high,
                       "list": kind, "allowed": kind is None or
                       lists.listed(catalogue, kind, violation.code, on) is not None})
    return {"agency": agency, "violation_code": violation.code, "on": on.isoformat(),
            "title": violation.title, "legal_basis": violation.legal_basis, "ranges": ranges,
            "no_penalty_listed": lists.listed(catalogue, lists.NO_PENALTY,
                                              violation.code, on) is not None,
            "no_compulsory_listed": lists.listed(catalogue, lists.NO_COMPULSORY,
                                                 violation.code, on) is not None}


def body_view(docs, catalogue, body: b.Body) -> dict:
    out = body.to_dict()
    coll = docs.Membership._get_collection()
    out["officer_ids"] = sorted(d["_id"] for d in coll.find({"body_id": body.id}, {"_id": 1})) \
        if body.kind != b.AGENCY else None    # the agency's officers: every other one
    out["statutory_violation_codes"] = sorted(catalogue.violations) \
        if body.kind == b.AGENCY else []
    return out


def power_view(power: b.Power) -> dict:
    return power.to_dict()
