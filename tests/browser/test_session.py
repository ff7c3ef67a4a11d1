"""(f) The session ends in the middle of a form: the console sends the user to sign in
again and back to the same form, as it was, and the form then goes through."""
import datetime as dt

import pytest

from tests.integration.cert_support import valid_id

pytestmark = pytest.mark.e2e


def test_an_expired_token_mid_form_returns_to_the_same_form_after_signing_in(
        console_app, start_services, token):
    start_services("certification")
    page = console_app.open("/officers/new", role="certification_admin", agency="CULTURE")
    page.get_by_label("姓名", exact=True).fill("吴敏")
    number = valid_id("41150219920315002")
    page.get_by_label("公民身份号码", exact=True).fill(number)
    # The tab's token runs out while the form is open (an expired one takes its place).
    expired = token("certification_admin", agency="CULTURE", ttl_seconds=60,
                    now=dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1))
    page.evaluate("t => sessionStorage.setItem('jointops.token', t)", expired)
    page.get_by_role("button", name="登 记").or_(page.get_by_role("button", name="登记")).click()
    console_app.wait_path("^/console/sign-in$")
    page.get_by_text("登录已过期，请重新登录").wait_for()

    fresh = token("certification_admin", agency="CULTURE")
    page.goto(f"{console_app.base}/console/sign-in?expired=1#token={fresh}")
    console_app.wait_path("^/console/officers/new$")
    page.locator("main h1", has_text="登记执法人员").wait_for()
    page.wait_for_function("() => document.querySelector('#name')?.value === '吴敏'")
    assert page.get_by_label("公民身份号码", exact=True).input_value() == number
    page.get_by_role("button", name="登 记").or_(page.get_by_role("button", name="登记")).click()
    page.locator("main h1", has_text="吴敏").wait_for()
