"""The role policy in README.md (between the role-policy markers) is the test: every root
field is called with every role and with no token, and each answer is what the table says.
Denied: a top-level FORBIDDEN (UNAUTHENTICATED without a token) and no data. Allowed:
never refused for authorization (business errors for the dummy input are fine)."""
from pathlib import Path

import pytest

from gateway.auth import ROLES
from tests.hostile.calls import call, root_fields

pytestmark = pytest.mark.e2e
README = Path(__file__).resolve().parents[2] / "README.md"
AUTH_CODES = {"FORBIDDEN", "UNAUTHENTICATED"}


def policy() -> dict:
    """{"Query.officer": {"planner": "allow", ..., "anonymous": "deny"}} from README.md."""
    text = README.read_text()
    block = text[text.index("<!-- role-policy:start -->"):text.index("<!-- role-policy:end -->")]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in block.splitlines() if line.startswith("|")]
    header, body = rows[0], [r for r in rows[1:] if not set("".join(r)) <= set("-: ")]
    assert header[1:] == [*ROLES, "anonymous"], header
    table = {}
    for row in body:
        assert len(row) == len(header), row
        assert set(row[1:]) <= {"allow", "deny"}, row
        table[row[0].strip("`")] = dict(zip(header[1:], row[1:]))
    return table


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
