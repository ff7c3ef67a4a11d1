"""Certification administrators' day-to-day work through the gateway: the certificate
lifecycle mutations, paged and filtered officer lists, and an officer's full history."""
import json

import pytest

from tests.e2e.test_certification import ADMIN_CU, api, exams, issue, register  # noqa: F401
from tests.integration.cert_support import ID_CU, ID_CU2, ID_TR, day

pytestmark = pytest.mark.e2e
LIST = """query($f: OfficerFilter, $first: Int, $after: String) {
  officers(filter: $f, first: $first, after: $after) {
    edges { cursor node { name idNumber certificate { validUntil status nextReviewDue } } }
    pageInfo { hasNextPage endCursor } } }"""


def step(api, mutation, oid, **data):
    kind = mutation[0].upper() + mutation[1:]
    name = {"recordAnnualReview": "AnnualReviewInput"}.get(mutation, f"{kind}Input")
    out = api(mutation, name, {"officerId": oid, **data})
    assert out["errors"] == [], out
    return out["officer"]


def reasons(gql, oid):
    q = "query($id: ID!) { officerQualification(officerId: $id, domain: TOURISM) { reasons } }"
    return gql(q, {"id": oid})["data"]["officerQualification"]["reasons"]


def test_certificate_lifecycle_through_the_gateway(api, gql):
    oid = register(api)["officer"]["id"]
    exams(api, oid)
    issue(api, oid, valid=(-30, 20))
    assert step(api, "renewCertificate", oid, validUntil=day(400))["certificate"][
        "validUntil"] == day(400)
    step(api, "suspendCertificate", oid, reason="complaint under review")
    assert reasons(gql, oid) == ["CERTIFICATE_SUSPENDED"]
    step(api, "reinstateCertificate", oid)
    assert reasons(gql, oid) == []
    step(api, "recordAnnualReview", oid)
    step(api, "revokeCertificate", oid, reason="fraud")
    assert reasons(gql, oid) == ["CERTIFICATE_REVOKED"]
    history = gql("query($id: ID!) { officerHistory(officerId: $id) { officer { idNumber } "
                  "entries { kind effectiveAt data } } }", {"id": oid}, **ADMIN_CU)
    entries = history["data"]["officerHistory"]["entries"]
    assert [e["kind"] for e in entries][-5:] == [
        "CERTIFICATE_RENEWED", "CERTIFICATE_SUSPENDED", "CERTIFICATE_REINSTATED",
        "ANNUAL_REVIEW_RECORDED", "CERTIFICATE_REVOKED"]
    assert json.loads(entries[-1]["data"])["reason"] == "fraud"
    assert history["data"]["officerHistory"]["officer"]["idNumber"] == ID_CU
    refused = gql("query($id: ID!) { officerHistory(officerId: $id) { entries { kind } } }",
                  {"id": oid}, roles=("planner",))
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_officer_lists_are_paged_and_filtered(api, gql):
    ids = {}
    for name, agency, id_number in [("Li Ming", "CULTURE", ID_CU), ("Li Na", "CULTURE", ID_CU2),
                                    ("Lin Tao", "TRANSPORT", ID_TR)]:
        admin = {"agency": agency, "roles": ("certification_admin",)}
        ids[name] = register(api, name, agency, id_number, who=admin)["officer"]["id"]
    exams(api, ids["Li Ming"])
    issue(api, ids["Li Ming"], valid=(-30, 20))
    exams(api, ids["Li Na"])
    issue(api, ids["Li Na"], domains=["RADIO_TV"], valid=(-30, 200))

    def listed(flt, first=10, after=None, **who):
        body = gql(LIST, {"f": flt, "first": first, "after": after}, **(who or ADMIN_CU))
        assert "errors" not in body, body
        return body["data"]["officers"]

    first = listed({"namePrefix": "Li"}, first=2)
    assert [e["node"]["name"] for e in first["edges"]] == ["Li Ming", "Li Na"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = listed({"namePrefix": "Li"}, first=2, after=first["pageInfo"]["endCursor"])
    assert [e["node"]["name"] for e in rest["edges"]] == ["Lin Tao"]
    assert rest["pageInfo"]["hasNextPage"] is False
    assert [e["node"]["name"] for e in listed({"namePrefix": "Li "})["edges"]] == ["Li Ming",
                                                                                   "Li Na"]
    assert listed({"namePrefix": "L.*"})["edges"] == []  # text, not a pattern
    assert [e["node"]["name"] for e in listed({"agency": "TRANSPORT"})["edges"]] == ["Lin Tao"]
    assert [e["node"]["name"] for e in listed({"domain": "TOURISM"})["edges"]] == ["Li Ming"]
    expiring = listed({"expiringWithinDays": 30})["edges"]
    assert [(e["node"]["name"], e["node"]["certificate"]["validUntil"]) for e in expiring] == [
        ("Li Ming", day(20))]
    step(api, "suspendCertificate", ids["Li Na"])
    assert [e["node"]["name"] for e in listed({"status": "ACTIVE", "agency": "CULTURE"})[
        "edges"]] == ["Li Ming", "Li Na"]
    masked = listed({"agency": "TRANSPORT"})["edges"][0]["node"]["idNumber"]
    assert masked != ID_TR and masked.endswith(ID_TR[-2:])
    bad = gql(LIST, {"f": {}, "first": 1000}, **ADMIN_CU)
    assert bad["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    cross = gql(LIST, {"f": {}}, roles=("cross_agency",))
    assert cross["errors"][0]["extensions"]["code"] == "FORBIDDEN"
