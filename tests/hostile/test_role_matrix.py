"""The role policy in README.md (between the role-policy markers) is the test: every root
field is called with every role and with no token, and each answer is what the table says.
Denied: a top-level FORBIDDEN (UNAUTHENTICATED without a token) and no data. Allowed:
never refused for authorization (business errors for the dummy input are fine)."""
import pytest

from tests.hostile.calls import call, policy, root_fields

pytestmark = pytest.mark.e2e
AUTH_CODES = {"FORBIDDEN", "UNAUTHENTICATED"}


POLICY = policy()
FIELDS = {f"{kind}.{name}": (kind, name, field) for kind, name, field in root_fields()}


def test_the_table_names_every_root_field_once():
    assert sorted(POLICY) == sorted(FIELDS)


def _codes(body) -> list[str]:
    codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
    for payload in (body.get("data") or {}).values():  # mutation payloads' UserErrors
        if isinstance(payload, dict):
            codes += [e.get("code") for e in payload.get("errors") or []]
    return codes


@pytest.mark.parametrize("label", sorted(POLICY))
def test_each_caller_gets_what_the_policy_says(hostile, label):
    kind, name, field = FIELDS[label]
    query, variables = call(kind, name, field)
    for caller, verdict in POLICY[label].items():
        role = None if caller == "anonymous" else caller
        body = hostile.post(query, variables, role=role).json()
        codes = _codes(body)
        if verdict == "deny":
            expected = "UNAUTHENTICATED" if role is None else "FORBIDDEN"
            assert codes and codes[0] == expected, (caller, body)
            assert (body.get("data") or {}).get(name) is None, (caller, body)
        else:
            assert not AUTH_CODES & set(codes), (caller, body)
