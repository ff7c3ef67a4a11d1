"""The console as a browser fetches it from the gateway: the app at /console/, deep links,
gzip, cache lifetimes; development sign-in refused unless JOINTOPS_DEV_LOGIN=1."""
import dataclasses
import gzip
import re

import httpx
import pytest

from gateway import console
from tests.conftest import _free_port

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(
    not (console.DIST / "index.html").is_file(), reason="console not built (make console)")]


def base(gateway_url):
    return gateway_url.rsplit("/graphql", 1)[0]


def test_the_app_deep_links_and_hashed_assets_are_served_compressed_and_cached(gateway_url):
    root = base(gateway_url)
    assert httpx.get(root + "/").headers["location"] == "/console/"
    index = httpx.get(root + "/console/", headers={"Accept-Encoding": "gzip"})
    assert index.status_code == 200 and '<html lang="zh-CN">' in index.text
    assert index.headers["content-encoding"] == "gzip" and index.headers["cache-control"] == "no-cache"
    deep = httpx.get(root + "/console/officers/no-such-officer")
    assert deep.status_code == 200 and deep.text == index.text
    script = re.search(r'src="(/console/assets/[^"]+\.js)"', index.text).group(1)
    packed = httpx.get(root + script, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert "immutable" in packed.headers["cache-control"]
    plain = httpx.get(root + script, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.content == gzip.decompress(
        (console.DIST / script.removeprefix("/console/")).with_suffix(".js.gz").read_bytes())
    assert plain.headers["content-type"].startswith("text/javascript")


def test_nothing_outside_the_build_is_served(gateway_url):
    root = base(gateway_url)
    for path in ("../package.json", "..%2F..%2Fpyproject.toml", "assets/../../vite.config.ts"):
        r = httpx.get(f"{root}/console/{path}")
        assert "jointops-console" not in r.text and "defineConfig" not in r.text, path


def test_development_sign_in_is_refused_unless_enabled(gateway_url):
    root = base(gateway_url)
    assert httpx.get(root + "/auth/dev-login").json()["enabled"] is False
    r = httpx.post(root + "/auth/dev-login", json={"role": "planner"})
    assert r.status_code == 403
    assert r.json()["errors"][0]["extensions"]["code"] == "DEV_LOGIN_DISABLED"


def test_development_sign_in_mints_a_token_for_the_picked_role(container_factory,
                                                               service_config):
    from gateway.service import GatewayService

    port = _free_port()
    cfg = dataclasses.replace(service_config["JOINTOPS"], dev_login=True)
    container_factory(GatewayService, dict(service_config, JOINTOPS=cfg,
                                           WEB_SERVER_ADDRESS=f"127.0.0.1:{port}")).start()
    url = f"http://127.0.0.1:{port}/auth/dev-login"
    minted = httpx.post(url, json={"role": "certification_admin", "agency": "TRANSPORT"})
    assert minted.status_code == 200
    from gateway.auth import authenticate
    principal = authenticate(f"Bearer {minted.json()['token']}", cfg.jwt_secret)
    assert principal.roles == {"certification_admin"} and principal.agency == "TRANSPORT"
    bad = httpx.post(url, json={"role": "root"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["extensions"]["code"] == \
        "INVALID_INPUT"
