"""Browser tests: Playwright for Python driving Debian's Chromium against the real gateway,
services, broker and database (the e2e fixtures), with the console as built by make.

`playwright install` cannot download browsers here, so the set-up installs Debian's
`chromium` and `fonts-noto-cjk` (Chinese glyphs in screenshots) with apt-get when missing.
"""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from gateway import console
from tests.e2e.conftest import gateway_url, gql, start_services, token  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = ROOT / "console" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "var" / "console-shots"
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def _ensure_browser():
    missing = [pkg for pkg, path in (("chromium", Path(CHROMIUM)), ("fonts-noto-cjk", CJK_FONT))
               if not path.exists()]
    if not missing:
        return
    if not shutil.which("apt-get"):
        pytest.fail(f"browser tests need {missing}: install them (Debian packages)")
    print(f"\nbrowser tests: installing {' '.join(missing)} with apt-get (one time)")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True,
                   env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})


@pytest.fixture(scope="session")
def browser():
    if not (console.DIST / "index.html").is_file():
        pytest.fail("the console is not built: run `make console` (make test does)")
    _ensure_browser()
    from playwright.sync_api import sync_playwright

    manager = sync_playwright()
    pw = manager.start()
    chromium = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
    yield chromium
    chromium.close()
    # Playwright's orderly stop waits on its driver process through asyncio, which never
    # returns inside this eventlet-patched test process; the browser is closed already,
    # so ending the driver is all that is left to do.
    manager._client._transport._proc.kill()


class Console:
    """One browser context (a fresh tab's storage) on the console of this test's stack."""

    def __init__(self, browser, base, mint):
        self.base, self.mint = base, mint
        self.context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai",
                                           viewport={"width": 1280, "height": 860})
        self.context.set_default_timeout(30_000)  # a loaded 2-core machine: waits, not speed
        # Uncaught page errors, collected in the page: Playwright's Python-side event
        # waiters (page.on, wait_for_url, wait_for_load_state) never fire in this
        # eventlet-patched process, so the tests use only waits the browser side runs.
        self.context.add_init_script("""window.__errors = [];
            window.addEventListener('error', e => window.__errors.push(String(e.message)));
            window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));""")
        self.page = self.context.new_page()

    def open(self, path="/", role=None, agency=None, **token_kwargs):
        """Open /console<path>; with a role, signed in by a #token= link as make run prints."""
        fragment = ""
        if role:
            fragment = "#token=" + self.mint(role, agency=agency, **token_kwargs)
        self.page.goto(f"{self.base}/console{path}{fragment}")
        self.page.wait_for_selector("main h1")
        self.settle()
        return self.page

    def wait_path(self, pattern):
        """Wait until the location's path matches the regular expression `pattern`."""
        self.page.wait_for_function("p => new RegExp(p).test(location.pathname)", arg=pattern)

    def errors(self):
        return self.page.evaluate("window.__errors")

    def settle(self):
        """Wait until the console has no GraphQL request in flight (a bounded poll)."""
        self.page.wait_for_function("() => window.__inflight === 0", timeout=30_000)

    def language(self, lang):
        self.page.evaluate("lang => localStorage.setItem('jointops.lang', lang)", lang)

    def missing_keys(self):
        return self.page.evaluate("window.__missingKeys")

    def axe(self):
        """Serious or critical WCAG 2 A/AA violations on the page as it is now, once its
        transitions have ended (a colour caught mid-transition, as a hovered button's, is
        neither state's; spinners' endless animations are not waited for)."""
        self.page.wait_for_function("""() => document.getAnimations().every(
            a => a.effect?.getComputedTiming().endTime === Infinity)""")
        self.page.add_script_tag(path=str(AXE))
        found = self.page.evaluate("""async () => {
            const r = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']});
            return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                .map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}));
        }""")
        return found

    def shot(self, name):
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def close(self):
        self.context.close()


@pytest.fixture
def console_app(browser, gateway_url, token):  # noqa: F811
    base = gateway_url.rsplit("/graphql", 1)[0]
    app = Console(browser, base, lambda role, **kw: token(role, **kw))
    yield app
    errors = app.errors()
    app.close()
    assert not errors, f"uncaught errors in the page: {json.dumps(errors)[:500]}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser step says what the page showed then (its path, heading, the buttons
    and messages in view, requests in flight, and a screenshot in var/console-shots), so a
    failure on a loaded CI machine explains itself without a rerun."""
    report = yield
    app = item.funcargs.get("console_app") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and isinstance(app, Console):
        try:
            seen = app.page.evaluate("""() => ({
                path: location.pathname + location.search,
                heading: document.querySelector('main h1')?.innerText,
                buttons: [...document.querySelectorAll('main button')].map(b => b.innerText.trim()
                    + (b.disabled ? ' (disabled)' : '')
                    + (b.classList.contains('ant-btn-loading') ? ' (loading)' : '')),
                messages: [...document.querySelectorAll('.ant-form-item-explain-error, '
                    + '[role=alert], .ant-message-notice')].map(e => e.innerText.trim()),
                inflight: window.__inflight, errors: window.__errors})""")
            app.shot(f"failed-{item.name}")
            report.sections.append(("page at failure", json.dumps(seen, ensure_ascii=False,
                                                                  indent=1)))
        except Exception as exc:  # noqa: BLE001 - the page itself may be what broke
            report.sections.append(("page at failure", f"not readable: {exc!r}"))
    return report
