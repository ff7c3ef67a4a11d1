"""GraphiQL, as a person opening the gateway's URL in a browser gets it."""
import re

import httpx
import pytest

from gateway import graphiql

pytestmark = pytest.mark.e2e


def test_the_page_and_every_asset_it_names_are_served(gateway_url):
    page = httpx.get(gateway_url, headers={"Accept": "text/html"})
    assert page.status_code == 200 and "GraphiQL.createFetcher" in page.text
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert len(urls) == len(graphiql.ASSETS)
    base = gateway_url.rsplit("/graphql", 1)[0]
    for url in urls:
        if url.startswith("/graphiql/"):  # installed locally (make run: npm ci)
            asset = httpx.get(base + url)
            assert asset.status_code == 200 and len(asset.content) > 1000, (url, asset.text[:200])
        else:
            assert url.startswith("https://unpkg.com/")


def test_nothing_but_the_listed_assets_is_served(gateway_url):
    base = gateway_url.rsplit("/graphql", 1)[0]
    for name in ("package.json", "graphiql.js", "..%2F..%2Fpyproject.toml"):
        r = httpx.get(f"{base}/graphiql/{name}")
        assert r.status_code == 404 and "jointops" not in r.text, (name, r.text)
