"""(d) One journey with the keyboard only (Tab, Shift+Tab, Enter, arrow keys; no clicks):
a certification administrator opens the officers from the menu, searches by name, opens
an officer, goes back and registers a new officer (the agency chosen with the arrow
keys), and lands on the new officer's page. Every stop on the way is reachable by Tab
and visibly focused."""
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from tests.browser.data import CULTURE_NAMES, officers
from tests.integration.cert_support import valid_id

pytestmark = pytest.mark.e2e
MAX_TABS = 80

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    return {text: (el.innerText || el.value || '').trim(), id: el.id, tag: el.tagName,
            label: el.getAttribute('aria-label') || '',
            visible: box.width > 0 && box.height > 0};
}"""


def tab_to(page, want, backwards=False):
    """Press Tab (or Shift+Tab) until the focused element satisfies `want`; fail naming
    the stops passed when it is not reachable."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused = page.evaluate(FOCUSED)
        if focused and want(focused):
            assert focused["visible"], f"focused but not visible: {focused}"
            return focused
        seen.append(focused and (focused["id"] or focused["text"][:20] or focused["tag"]))
    raise AssertionError(f"not reachable with the keyboard; stops: {seen}")


def heading(page, text):
    page.locator("main h1", has_text=text).wait_for()


def test_search_open_and_register_with_the_keyboard_only(console_app, start_services,
                                                         service_config):
    start_services("certification", "operations")
    with ClusterRpcProxy(service_config) as rpc:
        officers(rpc, CULTURE_NAMES[:3], "CULTURE", "CULTURE_MARKET", "411502")
    page = console_app.open("/", role="certification_admin", agency="CULTURE")

    tab_to(page, lambda f: f["tag"] == "A" and f["text"] == "执法人员")  # the menu
    page.keyboard.press("Enter")
    heading(page, "执法人员")
    console_app.settle()

    tab_to(page, lambda f: f["id"] == "namePrefix")
    page.keyboard.type(CULTURE_NAMES[1])
    page.keyboard.press("Enter")  # submits the search form
    page.wait_for_function("n => new URLSearchParams(location.search).get('namePrefix') === n",
                           arg=CULTURE_NAMES[1])
    # the table until it shows the search's answer: the request starts a render after
    # the address changes, so "nothing in flight" alone may still see the whole roster
    page.wait_for_function("""() => document.querySelectorAll(
        '.ant-table-tbody tr.ant-table-row').length === 1""", timeout=30_000)
    console_app.settle()
    rows = page.locator(".ant-table-tbody tr.ant-table-row")
    assert rows.count() == 1 and CULTURE_NAMES[1] in rows.first.inner_text()

    tab_to(page, lambda f: f["tag"] == "A" and f["text"] == CULTURE_NAMES[1])
    page.keyboard.press("Enter")
    heading(page, CULTURE_NAMES[1])
    console_app.settle()

    tab_to(page, lambda f: f["tag"] == "A" and f["text"] == "执法人员")
    page.keyboard.press("Enter")
    heading(page, "执法人员")
    console_app.settle()
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["text"].replace(" ", "") == "登记执法人员")
    page.keyboard.press("Enter")
    heading(page, "登记执法人员")

    tab_to(page, lambda f: f["id"] == "name")
    page.keyboard.type("郑晓红")
    page.keyboard.press("Tab")  # the agency: a select, opened and chosen with the arrows
    assert page.evaluate(FOCUSED)["id"] == "agency"
    page.keyboard.press("ArrowDown")
    page.locator(".ant-select-dropdown:visible").wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.locator(".ant-select-dropdown:visible").wait_for(state="detached")
    agency = page.locator(".ant-form-item", has=page.locator("#agency"))
    assert "文化市场综合执法支队" in agency.inner_text()
    tab_to(page, lambda f: f["id"] == "idNumber")
    page.keyboard.type(valid_id("41150219880808005"))
    page.keyboard.press("Enter")  # submits the form
    heading(page, "郑晓红")
    console_app.wait_path(r"^/console/officers/(?!new$)[^/]+$")
    console_app.shot("keyboard-registered.zh-CN")
