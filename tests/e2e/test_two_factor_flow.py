"""In Chromium: an editor enrols an authenticator app, then signs in with its code."""

import time

import pytest
from django.test import override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.conftest import role_user
from tests.e2e.screenshots import save_screenshots
from tests.e2e.test_content_security_policy import WATCH_VIOLATIONS, violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def app_code(device, at: float) -> str:
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    generator.time = at
    return f"{generator.token():06d}"


def password_step(page, base):
    page.goto(f"{base}/admin/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", "pw-desk-1")
    page.click("input[type=submit]")


@override_settings(NEWSROOM_REQUIRE_2FA=True)
def test_editor_enrols_then_signs_in_with_the_app_code(live_server, browser):
    role_user("desk", "Editor")
    base = live_server.url

    first = browser.new_page()
    first.add_init_script(WATCH_VIOLATIONS)
    password_step(first, base)
    expect(first.locator("h1")).to_have_text("Set up two-factor sign-in")
    qr = first.get_by_role("img", name="QR code that sets up")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 150
    save_screenshots(first, "admin-two-factor-enrol", widths=(375, 1280))
    device = TOTPDevice.objects.get(user__username="desk")
    first.get_by_role("textbox", name="Code").fill(app_code(device, time.time()))
    first.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(first.locator("h1")).to_have_text("Your recovery codes")
    expect(first.locator("#recovery-codes li")).to_have_count(10)
    first.get_by_role("link", name="I have kept my codes: continue").click()
    expect(first.locator("#site-name")).to_be_visible()
    expect(first.get_by_role("link", name="Two-factor sign-in")).to_be_visible()
    assert violations(first) == []
    first.close()

    second = browser.new_page()
    second.add_init_script(WATCH_VIOLATIONS)
    password_step(second, base)
    expect(second.locator("h1")).to_have_text("Enter your code")
    device.refresh_from_db()
    # The app's previous code: already past, so refused.
    second.get_by_role("textbox", name="Code").fill(
        app_code(device, time.time() - device.step)
    )
    second.get_by_role("button", name="Sign in").click()
    expect(second.locator(".errorlist")).to_contain_text("That code is not right")
    time.sleep(1.1)  # django-otp's back-off after one wrong code
    # The code used to enrol cannot be used twice: the app's next one, which the
    # device accepts one time step early.
    second.get_by_role("textbox", name="Code").fill(
        app_code(device, time.time() + device.step)
    )
    second.get_by_role("button", name="Sign in").click()
    expect(second.locator("#site-name")).to_be_visible()
    assert second.url == f"{base}/admin/"
    assert violations(second) == []
