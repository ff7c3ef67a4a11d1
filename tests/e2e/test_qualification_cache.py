"""The gateway keeps now-answers: a repeated check costs no service call, and a change
to the officer's record (here, from another path than this gateway) still shows at once."""
import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from tests.e2e.test_certification import api, exams, issue, register  # noqa: F401
from tests.support import wait_until

pytestmark = pytest.mark.e2e
CHECK = ("query($id: ID!) { officerQualification(officerId: $id, domain: TOURISM) "
         "{ qualified reasons } }")


def test_repeated_checks_are_served_by_the_gateway_until_the_record_changes(
        api, gql, service_config):
    oid = register(api)["officer"]["id"]
    exams(api, oid)
    issue(api, oid)
    first = gql(CHECK, {"id": oid}, roles=("cross_agency",))
    assert first["data"]["officerQualification"]["qualified"] is True
    # the issue's own events drop the entry when they arrive; after that it stays
    wait_until(lambda: gql(CHECK, {"id": oid}, roles=("cross_agency",))["extensions"][
        "serviceCalls"] == 0, timeout=3)
    again = gql(CHECK, {"id": oid}, roles=("cross_agency",))
    assert again["data"] == first["data"] and again["extensions"]["serviceCalls"] == 0
    # revoked straight through the service, so only the event can tell the gateway
    with ServiceRpcProxy("certification", service_config) as certification:
        reply = certification.revoke_certificate({"officer_id": oid, "reason": "fraud"},
                                                 {"sub": "t", "roles": ["certification_admin"],
                                                  "agency": "CULTURE"})
    assert "error" not in reply, reply
    wait_until(lambda: gql(CHECK, {"id": oid}, roles=("cross_agency",))["data"][
        "officerQualification"]["reasons"] == ["CERTIFICATE_REVOKED"], timeout=2)
