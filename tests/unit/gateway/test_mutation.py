"""`gateway.schema.base.mutation`, the one way the gateway builds a mutation: what a caller
gets back for a change made, a business refusal, an agency refusal and a missing role."""
from types import SimpleNamespace

import graphene
import pytest

from gateway.auth import Principal
from gateway.schema.base import errors_field, mutation, payload_type
from services.common.errors import DomainError


class Thing(graphene.ObjectType):
    """A thing."""
    id = graphene.ID(required=True, description="Its id.")


ThingPayload = payload_type("ThingPayload", "thing", Thing, "thing")


class PairPayload(graphene.ObjectType):
    """A payload of two fields besides `errors`."""
    thing = graphene.Field(Thing, description="The thing.")
    secret = graphene.String(description="Shown once.")
    errors = errors_field()


class Things:
    """A stand-in for `info.context.services.things`, answering as the service would."""

    def __init__(self):
        self.calls = []

    def make(self, data, who):
        self.calls.append((data, who))
        if data["id"] == "taken":
            raise DomainError("DUPLICATE", "thing taken exists", ["input", "id"])
        if data["id"] == "theirs":
            raise DomainError("FORBIDDEN", "another agency's thing")
        return {"id": data["id"]}


class ThingInput(graphene.InputObjectType):
    """A thing to make."""
    id = graphene.ID(required=True, description="Its id.")


def _make(services, who, input):
    return services.things.make(dict(input), who)


class Mutation(graphene.ObjectType):
    make_thing = mutation(ThingPayload, roles=("planner",), description="Make a thing.",
                          call=_make, input=ThingInput(required=True, description="It."))
    make_their_thing = mutation(ThingPayload, roles=("planner",), top_level_forbidden=True,
                                description="Make a thing, agency-checked.", call=_make,
                                input=ThingInput(required=True, description="It."))
    make_pair = mutation(PairPayload, roles=None, description="Anyone makes a pair.",
                         call=lambda services, who, id: {"thing": {"id": id},
                                                         "secret": f"for {who}"},
                         id=graphene.ID(required=True, description="Its id."))


class Query(graphene.ObjectType):
    ok = graphene.Boolean(description="Present because a schema needs a query.")


SCHEMA = graphene.Schema(query=Query, mutation=Mutation)
PLANNER = Principal("p1", frozenset({"planner"}), "CULTURE")


def run(query, principal=PLANNER):
    things = Things()
    context = SimpleNamespace(principal=principal, services=SimpleNamespace(things=things))
    result = SCHEMA.execute(query, context_value=context)
    return result, things.calls


def test_the_answer_fills_the_payload_key_and_the_service_gets_the_caller():
    result, calls = run('mutation { makeThing(input: {id: "t1"}) { thing { id } '
                        'errors { code } } }')
    assert result.errors is None
    assert result.data == {"makeThing": {"thing": {"id": "t1"}, "errors": []}}
    assert calls == [({"id": "t1"}, {"sub": "p1", "roles": ["planner"], "agency": "CULTURE"})]


def test_a_refusal_is_a_user_error_with_its_code_message_and_field():
    result, _ = run('mutation { makeThing(input: {id: "taken"}) { thing { id } '
                    'errors { code message field } } }')
    assert result.errors is None
    assert result.data == {"makeThing": {"thing": None, "errors": [
        {"code": "DUPLICATE", "message": "thing taken exists", "field": ["input", "id"]}]}}


@pytest.mark.parametrize("field, top_level", [("makeThing", False),
                                              ("makeTheirThing", True)])
def test_forbidden_from_the_service_is_top_level_only_where_asked(field, top_level):
    result, _ = run(f'mutation {{ {field}(input: {{id: "theirs"}}) {{ thing {{ id }} '
                    'errors { code } } }')
    if top_level:
        assert [e.extensions["code"] for e in result.errors] == ["FORBIDDEN"]
        assert result.data is None  # the payload is non-null, so the whole answer goes
    else:
        assert result.errors is None
        assert result.data[field]["errors"] == [{"code": "FORBIDDEN"}]


def test_a_caller_without_the_role_or_token_is_refused_before_any_call():
    for principal, code in [(Principal("x", frozenset({"cross_agency"})), "FORBIDDEN"),
                            (None, "UNAUTHENTICATED")]:
        result, calls = run('mutation { makeThing(input: {id: "t1"}) { errors { code } } }',
                            principal)
        assert [e.extensions["code"] for e in result.errors] == [code]
        assert calls == []


def test_a_payload_of_several_fields_is_filled_from_a_dict_and_anyone_may_call_a_public_one():
    result, _ = run('mutation { makePair(id: "p") { thing { id } secret errors { code } } }',
                    principal=None)
    assert result.errors is None
    assert result.data == {"makePair": {"thing": {"id": "p"}, "secret": "for None",
                                        "errors": []}}
