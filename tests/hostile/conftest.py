"""Hostile-input fixtures: ONE real stack for the whole package (every service and the
gateway in this process, a private vhost on the test broker, the session's MongoDB),
loaded with the demo data, so personal data exists to leak and every resolver has
something to read. Every response a cross-agency or anonymous caller gets through
`hostile.post` is scanned for personal data."""
import services.common.runtime  # noqa: F401,I001

import re
from urllib.parse import urlparse

import httpx
import pymongo
import pytest
from nameko.containers import ServiceContainer
from nameko.standalone.rpc import ClusterRpcProxy

from gateway.auth import ROLES, mint
from services import registry
from services.certification.domain.idnumber import check_digit
from services.common.config import load
from services.demo.cli import contexts
from services.runner import declare_topology, nameko_config
from tests.conftest import TEST_CREDENTIAL_KEYS, TEST_SECRET, _free_port

# A full Chinese resident ID number: 17 digits and a check character (not inside a hash).
FULL_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{17})([\dX])(?![0-9A-Za-z])")
PUBLIC_CALLERS = (None, "cross_agency")   # who must never see personal data


class Hostile:
    """The running stack and a client that checks what it may: no 5xx, no traceback,
    and no personal data in any answer to a cross-agency or anonymous caller."""

    def __init__(self, url, amqp_uri, config, secrets):
        self.url, self.amqp_uri, self.config = url, amqp_uri, config
        self.secrets = secrets          # full ID numbers and natural persons' names
        self.http = httpx.Client(timeout=30)
        self.scanned = 0

    def token(self, role, agency="CULTURE", **kwargs):
        agency = None if role == "cross_agency" else agency
        return mint(TEST_SECRET, f"hostile-{role}", [role], agency, **kwargs)

    def post(self, query, variables=None, role="cross_agency", agency="CULTURE", token=None):
        headers = {}
        if token or role:
            headers["Authorization"] = f"Bearer {token or self.token(role, agency)}"
        r = self.http.post(self.url, json={"query": query, "variables": variables or {}},
                           headers=headers)
        self.check(r, role if token is None else "custom")
        return r

    def check(self, response, role):
        text = response.text
        assert response.status_code < 500, text[:500]
        assert "Traceback" not in text and 'File "' not in text, text[:500]
        if role in PUBLIC_CALLERS:
            self.scanned += 1
            leaked = [s for s in self.secrets if s in text] + [
                a + b for a, b in FULL_ID_NUMBER.findall(text) if check_digit(a) == b]
            assert not leaked, f"personal data reached a {role or 'anonymous'} caller: {leaked}"


def _personal_data(mongo_uri, prefix) -> set:
    """What must never reach a cross-agency caller: every officer's and natural person's
    full ID number, and the names of natural persons who are parties to a case."""
    client = pymongo.MongoClient(mongo_uri)
    secrets = {o["id_number"] for o in client[f"{prefix}_certification"].officers.find()}
    for agency in ("culture", "transport"):
        db = client[f"{prefix}_{agency}"]
        for name in db.list_collection_names():
            for doc in db[name].find({"$or": [{"party.natural_person": True},
                                              {"natural_person": True}]}):
                person = doc.get("party") or doc
                secrets.update(v for v in (person.get("name"), person.get("id_number")) if v)
    return {s for s in secrets if len(s) >= 2}


@pytest.fixture(scope="package")
def hostile(request, vhost_pipeline, mongo_uri, db_prefix):
    client = pymongo.MongoClient(mongo_uri)
    for name in client.list_database_names():
        if name.startswith(db_prefix + "_"):
            client.drop_database(name)
    broker = urlparse(request.config.getoption("RABBIT_AMQP_URI"))
    with vhost_pipeline.get() as vhost:
        amqp_uri = f"amqp://{broker.netloc}/{vhost}"
        cfg = load({"JOINTOPS_AMQP_URI": amqp_uri, "JOINTOPS_MONGO_URI": mongo_uri,
                    "JOINTOPS_JWT_SECRET": TEST_SECRET, "JOINTOPS_DB_PREFIX": db_prefix,
                    "JOINTOPS_RETRY_DELAYS_MS": "50,100",
                    "JOINTOPS_CREDENTIAL_KEYS": TEST_CREDENTIAL_KEYS})
        declare_topology(cfg)
        config = nameko_config(cfg)
        port = _free_port()
        classes = [registry.load(p) for p in registry.SERVICES.values()]
        containers = [ServiceContainer(cls, config) for cls in classes]
        containers.append(ServiceContainer(registry.load(registry.GATEWAY), dict(
            config, WEB_SERVER_ADDRESS=f"127.0.0.1:{port}")))
        try:
            for container in containers:
                container.start()
            with ClusterRpcProxy(config, timeout=60) as rpc:
                for _, module in contexts():
                    module.load(rpc)
            yield Hostile(f"http://127.0.0.1:{port}/graphql", amqp_uri, config,
                          _personal_data(mongo_uri, db_prefix))
        finally:
            for container in containers:
                container.kill()


@pytest.fixture(scope="package")
def roles():
    return ROLES
