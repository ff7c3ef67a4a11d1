"""(c) An anonymous visitor opens the published draws, picks one and verifies it."""
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from tests.integration.test_draws import revealed, seed

pytestmark = pytest.mark.e2e


def test_an_anonymous_visitor_verifies_a_published_draw(console_app, start_services,
                                                        service_config):
    start_services("certification", "culture", "draws")
    with ClusterRpcProxy(service_config) as rpc:
        seed(rpc)
        draw = revealed(rpc, "public", title="2026年第5批双随机抽查")
    page = console_app.open("/public/draws")  # no token
    page.get_by_role("link", name="2026年第5批双随机抽查").click()
    console_app.wait_path(f"^/console/public/draws/{draw['id']}$")
    page.get_by_role("button", name="验 证").or_(page.get_by_role("button", name="验证")).click()
    result = page.get_by_test_id("verification")
    result.wait_for()
    assert "验证通过" in result.inner_text()
    assert console_app.missing_keys() == []
