"""Officer credentials through the real gateway, certification and accountability:
issued by the agency's certification admin, verified offline (signature against the
published JWKS, with joserfc as any verifier would) and online (anonymously, VALID), its
bits read from the signed W3C Bitstring Status Lists as a third party would read them,
suspended and reinstated, revoked through a sanction; forged, re-signed and
compromised-key credentials not genuine, a retired key's still genuine; the public answer
never carries a reason or a full ID number."""
import base64
import dataclasses
import datetime as dt
import json
from urllib.parse import urlparse

import httpx
import pytest
from joserfc import jws
from joserfc.jwk import ECKey, KeySet
from nameko.standalone.rpc import ServiceRpcProxy

from gateway.service import GatewayService
from services.common import status_list as sl
from services.common.credential_keys import generate
from tests.conftest import TEST_KEYS, _free_port
from tests.integration.cert_support import ID_CU, certify
from tests.integration.test_accountability import sanction
from tests.support import wait_until

pytestmark = pytest.mark.e2e
ADMIN_CU = dict(roles=("certification_admin",), agency="CULTURE")
ISSUE = ("mutation($id: ID!) { issueOfficerCredential(officerId: $id) { credential { officerId "
         "token qrSvg issuedAt expiresAt } errors { code message } } }")
CHECK = ("query($t: String!) { verifyOfficerCredential(token: $t) { genuine status "
         "issuingAgency domains officerName certificateNo checkedAt } }")


@pytest.fixture
def officer(start_services, service_config):
    start_services("certification", "accountability")
    with ServiceRpcProxy("certification", service_config) as cert:
        return certify(cert, "李明华", "CULTURE", ID_CU, ["CULTURE_MARKET", "TOURISM"])


def issue(gql, officer_id, **who):
    body = gql(ISSUE, {"id": officer_id}, **(who or ADMIN_CU))
    return body["data"]["issueOfficerCredential"] if body.get("data") else body


def public_check(gateway_url, token):
    """Anonymous: no Authorization header at all."""
    r = httpx.post(gateway_url, json={"query": CHECK, "variables": {"t": token}})
    assert r.status_code == 200 and ID_CU not in r.text and "reason" not in r.text.lower()
    return r.json()["data"]["verifyOfficerCredential"]


def status_bit(gateway_url, token, purpose) -> bool:
    """Read the credential's bit as a third party: fetch the list it names (from this
    gateway), check its signature against the JWKS, decompress, read the bit."""
    base = gateway_url.rsplit("/graphql", 1)[0]
    keys = KeySet.import_key_set(httpx.get(f"{base}/.well-known/jwks.json").json())
    vc = json.loads(jws.deserialize_compact(token, keys, algorithms=["ES256"]).payload)
    entry = next(e for e in vc["credentialStatus"] if e["statusPurpose"] == purpose)
    assert entry["type"] == "BitstringStatusListEntry"
    r = httpx.get(base + urlparse(entry["statusListCredential"]).path)
    assert r.status_code == 200 and r.headers["content-type"] == "application/vc+jwt"
    listed = jws.deserialize_compact(r.text, keys, algorithms=["ES256"])
    assert listed.protected["typ"] == "vc+jwt"
    subject = json.loads(listed.payload)["credentialSubject"]
    assert subject["type"] == "BitstringStatusList" and subject["statusPurpose"] == purpose
    bits = sl.decode(subject["encodedList"])
    assert len(bits) >= 16 * 1024  # the spec's minimum: 131,072 entries
    return sl.bit(bits, int(entry["statusListIndex"]))


def test_issued_verified_offline_and_online_then_suspended_reinstated_and_revoked(
        officer, gql, gateway_url, service_config):
    issued = issue(gql, officer["id"])
    assert issued["errors"] == [], issued
    cred = issued["credential"]
    assert cred["officerId"] == officer["id"] and cred["qrSvg"].startswith("<svg")
    assert cred["expiresAt"] > cred["issuedAt"]
    # Offline: the signature alone, against the published keys; the content is masked.
    base = gateway_url.rsplit("/graphql", 1)[0]
    keys = KeySet.import_key_set(httpx.get(f"{base}/.well-known/jwks.json").json())
    vc = json.loads(jws.deserialize_compact(cred["token"], keys, algorithms=["ES256"]).payload)
    assert vc["credentialSubject"] == {"name": "李**", "agency": "CULTURE",
                                       "domains": ["CULTURE_MARKET", "TOURISM"],
                                       "certificateNo": officer["certificate"]["number"]}
    assert "VerifiableCredential" in vc["type"] and ID_CU not in cred["token"]
    # Online, by anyone.
    check = public_check(gateway_url, cred["token"])
    assert check["genuine"] and check["status"] == "VALID", check
    assert (check["issuingAgency"], check["officerName"], check["domains"]) == (
        "CULTURE", "李**", ["CULTURE_MARKET", "TOURISM"])
    assert not status_bit(gateway_url, cred["token"], "revocation")
    page = httpx.get(f"{base}/credentials/verify", params={"token": cred["token"]})
    assert page.status_code == 200 and "真实证件，状态：有效" in page.text and ID_CU not in page.text

    def move(name, reason=None):
        body = gql(f"mutation($i: {name[0].upper() + name[1:]}Input!) {{ {name}(input: $i) "
                   "{ errors { code } } }", {"i": {"officerId": officer["id"],
                                                   "reason": reason}}, **ADMIN_CU)
        assert body["data"][name]["errors"] == [], body
    move("suspendCertificate", "内部调查 internal inquiry")
    wait_until(lambda: public_check(gateway_url, cred["token"])["status"] == "SUSPENDED")
    assert status_bit(gateway_url, cred["token"], "suspension")
    move("reinstateCertificate")
    wait_until(lambda: public_check(gateway_url, cred["token"])["status"] == "VALID")
    assert not status_bit(gateway_url, cred["token"], "suspension")
    # Revoked through a sanction decided in accountability; the list shows it.
    with ServiceRpcProxy("accountability", service_config) as acc:
        sanction(acc, officer["id"], "QUALIFICATION_REVOKED")
    wait_until(lambda: status_bit(gateway_url, cred["token"], "revocation"), timeout=10)
    check = public_check(gateway_url, cred["token"])
    assert check == {**check, "genuine": True, "status": "REVOKED"}
    page = httpx.get(f"{base}/credentials/verify", params={"token": cred["token"]})
    assert "已吊销" in page.text and "内部调查" not in page.text and ID_CU not in page.text


def test_a_change_that_comes_by_time_alone_reaches_the_list_within_a_second(
        officer, gql, gateway_url, service_config):
    """A suspension decided now to take effect in 3 s: nothing changes before, and the
    certification timer moves the bit once it is in force (as it does at expiry)."""
    token = issue(gql, officer["id"])["credential"]["token"]
    effective = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=3)
    with ServiceRpcProxy("certification", service_config) as cert:
        assert "ok" in cert.suspend_certificate({"officer_id": officer["id"],
                                                 "effective_at": effective.isoformat()})
    assert public_check(gateway_url, token)["status"] == "VALID"
    wait_until(lambda: status_bit(gateway_url, token, "suspension"), timeout=10)
    assert dt.datetime.now(dt.timezone.utc) >= effective
    assert public_check(gateway_url, token)["status"] == "SUSPENDED"


def test_only_the_officers_agency_admin_issues(officer, gql):
    body = gql(ISSUE, {"id": officer["id"]}, roles=("certification_admin",),
               agency="TRANSPORT")
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert body["data"] is None
    assert issue(gql, "no-such-officer")["errors"][0]["code"] == "NOT_FOUND"


def _resign(token, key, **changes) -> str:
    """The token's payload (optionally changed), signed by `key` under its own kid."""
    vc = json.loads(jws.deserialize_compact(token, KeySet.import_key_set(TEST_KEYS),
                                            algorithms=["ES256"]).payload)
    vc["credentialSubject"].update(changes)
    return jws.serialize_compact({"alg": "ES256", "kid": key.kid, "typ": "vc+jwt"},
                                 json.dumps(vc).encode(), key)


def test_forged_resigned_compromised_and_retired(officer, gql, gateway_url, container_factory,
                                                  service_config):
    token = issue(gql, officer["id"])["credential"]["token"]
    header, payload, signature = token.split(".")
    vc = json.loads(jws.deserialize_compact(token, KeySet.import_key_set(TEST_KEYS),
                                            algorithms=["ES256"]).payload)
    vc["credentialSubject"]["domains"] = ["CULTURE_MARKET", "TOURISM", "RADIO_TV"]
    forged = ".".join([header, base64.urlsafe_b64encode(json.dumps(vc).encode()).decode()
                       .rstrip("="), signature])
    stranger = ECKey.import_key(generate("test-active"))  # our kid, someone else's key
    status_list = httpx.get(gateway_url.replace("/graphql", "/credentials/status/revocation-1"))
    for fake in (forged, _resign(token, stranger), status_list.text, "not a token", ""):
        check = public_check(gateway_url, fake)
        assert check == {**check, "genuine": False, "status": "UNKNOWN", "domains": [],
                         "officerName": None, "certificateNo": None}, fake[:40]
    # Keys rotated (the issuing key retired) and one key compromised: a gateway replica
    # configured so verifies the old credential, and nothing signed by the compromised key.
    retired = {**TEST_KEYS["keys"][0], "status": "retired"}
    compromised = generate("test-compromised", "compromised")
    rotated = json.dumps({"keys": [retired, generate("test-new"), compromised]})
    cfg = dataclasses.replace(service_config["JOINTOPS"], credential_keys=rotated)
    port = _free_port()
    container_factory(GatewayService, dict(service_config, JOINTOPS=cfg,
                                           WEB_SERVER_ADDRESS=f"127.0.0.1:{port}")).start()
    other = f"http://127.0.0.1:{port}/graphql"
    check = public_check(other, token)
    assert check == {**check, "genuine": True, "status": "VALID"}
    by_compromised = _resign(token, ECKey.import_key(compromised))
    assert public_check(other, by_compromised)["genuine"] is False
    published = httpx.get(f"http://127.0.0.1:{port}/.well-known/jwks.json").json()
    assert sorted(k["kid"] for k in published["keys"]) == ["test-active", "test-new"]
    assert all("d" not in k and "status" not in k for k in published["keys"])
