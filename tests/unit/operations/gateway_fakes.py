"""The operations GraphQL module executed in-process against fake services that count
calls: pure and fast, so authorization and batching are checked without a broker."""
import datetime as dt

import graphene
from graphql import execute, parse

from gateway.auth import Principal
from gateway.context import RequestContext
from gateway.schema import operations
from services.common.errors import DomainError
from tests.support import fake_clients

SCHEMA = graphene.Schema(query=type("Query", (operations.Query, graphene.ObjectType), {}),
                         mutation=type("Mutation", (operations.Mutation, graphene.ObjectType), {}))
START = dt.datetime(2026, 10, 1, tzinfo=dt.timezone.utc)


def operation(op_id="JO-1", teams=2, members=2, status="DRAFT"):
    team_list = [{"name": f"T{t}", "understaffed": [], "members": [
        {"officer_id": f"{op_id}-o{t}-{m}", "agency": "CULTURE", "domain": "CULTURE_MARKET"}
        for m in range(members)]} for t in range(teams)]
    return {"operation_id": op_id, "name": "National Day", "legal_basis": "Plan 7",
            "lead_agency": "CULTURE", "agencies": ["CULTURE", "TRANSPORT"], "status": status,
            "starts_at": START.isoformat(), "ends_at": (START + dt.timedelta(days=7)).isoformat(),
            "areas": [], "objectives": [], "teams": team_list, "tasks": [], "alerts": [],
            "planned_at": None, "launched_at": None, "closed_at": None, "cancel_reason": None,
            "progress": {"by_team": {}, "by_agency": {}, "total": {
                "planned": 0, "done": 0, "with_findings": 0}}}


class Fake:
    """An RPC proxy: each method answers from `answers` (a value, a callable or a
    DomainError to refuse with), wrapped as @command replies are."""

    def __init__(self, log, **answers):
        self._log, self._answers = log, answers

    def __getattr__(self, method):
        def call(*args, **kwargs):
            self._log.append((method, args, kwargs))
            answer = self._answers[method]
            answer = answer(*args, **kwargs) if callable(answer) else answer
            return {"error": answer.to_dict()} if isinstance(answer, DomainError) else {"ok": answer}
        return call


def certification(log):
    return Fake(log, get_officers=lambda ids, viewer: [
        {"id": i, "name": f"Officer {i}", "agency": "CULTURE", "status": "ACTIVE",
         "certificate": None} for i in ids],
        check_qualifications=lambda checks: [
            {"officer_id": c["officer_id"], "domain": c["domain"], "at": START.isoformat(),
             "qualified": True, "reasons": [], "certificate_no": None} for c in checks])


def run(query, roles=("planner",), agency=None, variables=None, **services):
    """Execute; returns (result, calls) with calls the (service, method) pairs made."""
    log = []
    proxies = {"certification": certification(log), **{
        name: Fake(log, **answers) for name, answers in services.items()}}
    ctx = RequestContext(Principal("tester", frozenset(roles), agency), fake_clients(proxies),
                         "corr", None)
    result = execute(SCHEMA.graphql_schema, parse(query), context_value=ctx,
                     variable_values=variables)
    return result, [m for m, _, _ in log], log


def codes(result):
    # a GraphQLError's code, or a DomainError's (which the gateway's HTTP layer reports)
    return [e.extensions.get("code") if e.extensions else getattr(e.original_error, "code", None)
            for e in result.errors or []]
