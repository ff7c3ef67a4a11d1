"""The console on loopback: its weight on the wire, how soon the dashboard shows, and one
page of a 5,000-officer list.

1. Bytes of JavaScript the first route (the dashboard, /console/) loads, from the build's
   manifest: the entry, its static imports, the dashboard's lazy chunk and its imports
   (gzip, as served). Goal <= 350 KB; the report route's ECharts is not among them.
2. Dashboard first meaningful content: from navigation start to the dashboard's heading
   shown with its cards' data loaded (no GraphQL request in flight), in Debian's
   Chromium (headless), median of 20, cold (a fresh browser context each time: empty
   cache) and warm (the same tab again: hashed assets from its cache). Baseline: the same
   measure on a static page (one HTML file with a heading, Python's http.server on
   loopback). Goal <= 1 s cold.
3. One page (20 rows, from the middle) of the officer list over 5,000 officers, through
   the gateway (GraphQL officerPage with offset and total), median of 20. Baseline: GET
   /healthz from the same client (the gateway's HTTP floor). Goal <= 300 ms.

Certification, operations, draws and the gateway run as their own processes on a private
broker vhost and a throwaway database; the 5,000 officers (certified, Chinese names,
Xinyang ID numbers) are written straight into the certification database, shaped as the
service stores them (the domain's own records), which is how much faster than 5,000 RPCs.

    .venv/bin/python bench/bench_console.py      (after `make console`; needs chromium)
"""
from __future__ import annotations

import datetime as dt
import http.server
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

from _support import ROOT, report

DIST = ROOT / "console" / "dist"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
OFFICERS = int(os.environ.get("BENCH_CONSOLE_OFFICERS", 5000))
RUNS = int(os.environ.get("BENCH_CONSOLE_RUNS", 20))
PAGE = ("query($o: Int) { officerPage(offset: $o, limit: 20) { totalCount "
        "nodes { id name agency status certificate { number status validUntil } } } }")
# The dashboard's first meaningful content: its heading, and no request in flight.
READY = """() => { const h = document.querySelector('main h1');
    if (h && window.__inflight === 0 && document.querySelector('main .ant-card')) {
        window.__fmc = window.__fmc || performance.now(); return true; }
    return false; }"""
STATIC_READY = """() => { if (document.querySelector('h1')) {
    window.__fmc = window.__fmc || performance.now(); return true; } return false; }"""


# ---------------------------------------------------------------- 1. bytes on the wire
def chunks(manifest: dict, key: str, seen: set) -> set:
    if key in seen:
        return seen
    seen.add(key)
    for imported in manifest[key].get("imports", []):
        chunks(manifest, imported, seen)
    return seen


def weight() -> list[dict]:
    manifest = json.loads((DIST / ".vite" / "manifest.json").read_text())
    entry = next(k for k, v in manifest.items() if v.get("isEntry"))
    first = chunks(manifest, "src/pages/Dashboard.tsx", chunks(manifest, entry, set()))
    files = {manifest[k]["file"] for k in first if manifest[k]["file"].endswith(".js")}
    gz = sum((DIST / f"{name}.gz").stat().st_size for name in files)
    raw = sum((DIST / name).stat().st_size for name in files)
    echarts = any("echarts" in name for name in files)
    return [
        {"name": "first route JS (gzip)", "value": gz / 1024, "unit": "KiB",
         "goal": f"<= 350 KB: {'met' if gz <= 350 * 1000 else 'MISSED'}"
                 f"{'' if not echarts else ' (ECharts in it!)'}", "better": "lower"},
        {"name": "first route JS (uncompressed)", "value": raw / 1024, "unit": "KiB",
         "better": "lower"},
        {"name": "first route JS files", "value": len(files), "unit": "files",
         "better": "lower"},
    ]


# ---------------------------------------------------------------- the stack and its data
def seed_officers(mongo_uri: str, db: str, n: int) -> None:
    """n certified officers, as the certification service stores them (the record and
    its roster row)."""
    import pymongo

    from services.certification import domain as cd
    from services.certification.documents import OfficerDocument, OfficerListing
    from services.common import xinyang

    now = dt.datetime.now(dt.timezone.utc)
    today = now.date()
    docs, rows = [], []
    for i in range(n):
        agency = "CULTURE" if i % 3 else "TRANSPORT"
        domains = ["CULTURE_MARKET"] if agency == "CULTURE" else ["ROAD_TRANSPORT"]
        born = dt.date(1965, 1, 1) + dt.timedelta(days=(i * 37) % 9000)
        record, _ = cd.register_officer(
            officer_id=f"bench-{i:05d}", name=xinyang.person_name(i % 380) + ("" if i < 380
                                                                           else str(i // 380)),
            agency=agency, id_number=xinyang.id_number(i, born), now=now)
        for exam in ("PUBLIC_LAW", "PROFESSIONAL_LAW"):
            record, _ = cd.record_exam(record, exam=exam, score=85,
                                       taken_on=today - dt.timedelta(days=60), now=now)
        record, _ = cd.issue_certificate(
            record, domains=domains, valid_from=today - dt.timedelta(days=30),
            valid_until=today + dt.timedelta(days=30 + i % 1500), sequence=i + 1, now=now)
        docs.append(OfficerDocument.from_record(record, 1).to_mongo().to_dict())
        rows.append(OfficerListing.from_record(record).to_mongo().to_dict())
    client = pymongo.MongoClient(mongo_uri)
    client[db]["officers"].insert_many(docs, ordered=False)
    # and each officer's row in the roster's read model, as the service's save writes it
    client[db][OfficerListing._meta["collection"]].insert_many(rows, ordered=False)
    client.close()


@contextmanager
def static_site():
    """One HTML page with a heading, served by Python's http.server on loopback."""
    from _support import free_port

    with tempfile.TemporaryDirectory() as root:
        Path(root, "index.html").write_text(
            "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>静态页</title>"
            "</head><body><h1>工作台</h1><p>静态页面（基线）</p></body></html>")
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a, **kw):
                super().__init__(*a, directory=root, **kw)

            def log_message(self, *a):
                pass
        handler = Quiet
        port = free_port()
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{port}/index.html"
        finally:
            server.shutdown()


# ---------------------------------------------------------------- 2. the browser
def first_content(browser, url: str, ready: str, warm: bool) -> list[float]:
    """Milliseconds from navigation start to `ready`, RUNS times: cold (a fresh context
    each time) or warm (one context: one load to fill the cache, then RUNS more)."""
    times = []
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai") if warm else None
    if warm:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(ready, polling="raf", timeout=30_000)
    for _ in range(RUNS):
        if not warm:
            context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
            page = context.new_page()
        page.goto(url)
        page.wait_for_function(ready, polling="raf", timeout=30_000)
        times.append(page.evaluate("window.__fmc"))
        if not warm:
            context.close()
        else:
            page.goto("about:blank")
    if warm:
        context.close()
    return times


def median_ms(values) -> float:
    return statistics.median(values)


def main() -> None:
    import uuid

    from bench_load import SECRET, running
    from bench_sanction_propagation import vhost
    from playwright.sync_api import sync_playwright

    from gateway.auth import mint

    rows = weight()
    prefix = "benchconsole" + uuid.uuid4().hex[:6]
    with ExitStack() as stack:
        from _support import mongo_server

        mongo_uri = stack.enter_context(mongo_server())
        amqp_uri = stack.enter_context(vhost())
        url, env, _ = stack.enter_context(running(
            amqp_uri, mongo_uri, ("certification", "operations", "draws", "gateway"),
            JOINTOPS_DB_PREFIX=prefix))
        seeded = time.perf_counter()
        seed_officers(mongo_uri, f"{prefix}_certification", OFFICERS)
        print(f"seeded {OFFICERS} officers in {time.perf_counter() - seeded:.1f} s", flush=True)
        base = url.rsplit("/graphql", 1)[0]
        token = mint(SECRET, "bench-console", ["certification_admin"], "CULTURE", 3600)
        http = httpx.Client(timeout=30, headers={"Authorization": f"Bearer {token}"})

        def timed(call):
            started = time.perf_counter()
            call()
            return (time.perf_counter() - started) * 1000

        def one_page(offset):
            body = http.post(url, json={"query": PAGE, "variables": {"o": offset}}).json()
            assert body["data"]["officerPage"]["totalCount"] == OFFICERS, body
        one_page(0)  # warm the service's parsed-record cache, as a day's use does
        pages = [timed(lambda k=k: one_page(OFFICERS // 2 + 20 * k)) for k in range(RUNS)]
        print(f"list pages measured: {median_ms(pages):.0f} ms", flush=True)
        floor = [timed(lambda: http.get(f"{base}/healthz")) for _ in range(RUNS)]

        site = stack.enter_context(static_site())
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            console = f"{base}/console/#token={token}"
            first_content(browser, console, READY, warm=False)  # the stack's first touch
            cold = first_content(browser, console, READY, warm=False)
            print(f"cold: {median_ms(cold):.0f} ms", flush=True)
            warm = first_content(browser, console, READY, warm=True)
            static_cold = first_content(browser, site, STATIC_READY, warm=False)
            static_warm = first_content(browser, site, STATIC_READY, warm=True)
            browser.close()
        # Reported before the stack stops: a slow shutdown must not lose the figures.
        cold_ms = median_ms(cold)
        page_ms = median_ms(pages)
        rows += [
            {"name": f"dashboard first meaningful content, cold, median of {RUNS}",
             "value": cold_ms, "unit": "ms", "baseline": median_ms(static_cold),
             "baseline_name": "static page, cold", "better": "lower",
             "goal": f"<= 1000 ms: {'met' if cold_ms <= 1000 else 'MISSED'}"},
            {"name": f"dashboard first meaningful content, warm, median of {RUNS}",
             "value": median_ms(warm), "unit": "ms", "baseline": median_ms(static_warm),
             "baseline_name": "static page, warm", "better": "lower"},
            {"name": f"officer list page (20 of {OFFICERS}, from the middle), median of {RUNS}",
             "value": page_ms, "unit": "ms", "baseline": median_ms(floor),
             "baseline_name": "GET /healthz", "better": "lower",
             "goal": f"<= 300 ms: {'met' if page_ms <= 300 else 'MISSED'}"},
        ]
        report("bench_console", rows)


if __name__ == "__main__":
    if "--weight" in sys.argv[1:]:
        report("bench_console", weight())
    else:
        main()
