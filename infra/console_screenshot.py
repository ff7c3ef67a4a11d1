"""The README's picture of the console (docs/console.png), taken from a running stack with
the demo data loaded (`make run`): a planner of the culture detachment on the demo's summer
operation, its teams of demo officers and the team builder, in Chinese.

    make run                                           (in another terminal)
    .venv/bin/python -m infra.console_screenshot [--url http://127.0.0.1:8000] [--out PATH]

The token is minted with JOINTOPS_JWT_SECRET (make run's development secret when unset).
Needs Debian's chromium (the browser tests install it).
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
OPERATION = "暑期旅游包车市场联合整治行动"  # services/operations/demo.py
SIZE = {"width": 1280, "height": 876}
FIND = "{ jointOperations(first: 100) { edges { node { id name } } } }"


def main() -> None:
    from playwright.sync_api import sync_playwright

    from gateway.auth import mint
    from services.cli.dev import DEV_SECRET

    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--url", default="http://127.0.0.1:8000", help="the gateway")
    args.add_argument("--out", default=str(ROOT / "docs" / "console.png"))
    opts = args.parse_args()
    token = mint(os.environ.get("JOINTOPS_JWT_SECRET") or DEV_SECRET, "readme-shot",
                 ["planner"], "CULTURE", 600)
    found = httpx.post(f"{opts.url}/graphql", json={"query": FIND}, timeout=30,
                       headers={"Authorization": f"Bearer {token}"}).json()
    ids = [e["node"]["id"] for e in found["data"]["jointOperations"]["edges"]
           if e["node"]["name"] == OPERATION]
    if not ids:
        raise SystemExit(f"no operation {OPERATION!r}: is the demo data loaded (make run)?")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai",
                                   viewport=SIZE).new_page()
        page.goto(f"{opts.url}/console/operations/{ids[0]}#token={token}")
        page.locator("main h1", has_text=OPERATION).wait_for(timeout=30_000)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=opts.out)
        browser.close()
    print(f"wrote {opts.out}")


if __name__ == "__main__":
    main()
