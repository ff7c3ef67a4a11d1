"""End-to-end fixtures: the real gateway over HTTP, with the services it needs."""
import pytest

from services import registry
from tests.conftest import TEST_SECRET, _free_port


@pytest.fixture
def gateway_url(container_factory, service_config):
    from gateway import qualification_cache
    from gateway.service import GatewayService

    qualification_cache.clear()  # officer ids repeat across tests' fresh databases
    port = _free_port()
    config = dict(service_config, WEB_SERVER_ADDRESS=f"127.0.0.1:{port}")
    container = container_factory(GatewayService, config)
    container.start()
    return f"http://127.0.0.1:{port}/graphql"


@pytest.fixture
def start_services(container_factory, service_config):
    """Start the named services (default: every service) in this process."""
    def start(*names):
        for name in names or registry.SERVICES:
            container = container_factory(registry.load(registry.SERVICES[name]), service_config)
            container.start()
    return start


@pytest.fixture
def token():
    from gateway.auth import mint

    def make(*roles, agency=None, sub="tester", **kwargs):
        return mint(TEST_SECRET, sub, roles or ["planner"], agency, **kwargs)
    return make


@pytest.fixture
def gql(gateway_url, token):
    """POST a query; returns the parsed JSON body (and asserts no 5xx ever)."""
    import httpx

    def call(query, variables=None, roles=("planner",), agency=None, headers=None,
             expect_status=None, sub="tester", body=None):
        hdrs = {"Authorization": f"Bearer {token(*roles, agency=agency, sub=sub, body=body)}"
                } if roles else {}
        hdrs.update(headers or {})
        r = httpx.post(gateway_url, json={"query": query, "variables": variables or {}},
                       headers=hdrs, timeout=30)
        assert r.status_code < 500, r.text
        if expect_status is not None:
            assert r.status_code == expect_status, r.text
        body = r.json()
        assert "Traceback" not in r.text
        return body
    return call
