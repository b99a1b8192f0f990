"""Two-factor sign-in for staff and the throttling around it, through the admin."""

import re
from base64 import b32decode

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import role_user

ADDRESS = "10.0.0.7"


@pytest.fixture(autouse=True)
def _production_like(settings):
    settings.NEWSROOM_REQUIRE_2FA = True


def sign_in(client, user, password=None, remote=ADDRESS):
    return client.post(
        "/admin/login/?next=/admin/",
        {
            "username": user.username,
            "password": password or f"pw-{user.username}-1",
            "next": "/admin/",
        },
        REMOTE_ADDR=remote,
    )


def code_for(device, moment=None) -> str:
    """The code the person's authenticator app shows at `moment` (now)."""
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    generator.time = (moment or timezone.now()).timestamp()
    return f"{generator.token():06d}"


def enrol(client, user) -> tuple[TOTPDevice, list[str]]:
    """What a person does on the enrolment page: scan, type the code, keep the codes."""
    page = client.get("/admin/two-factor/enrol/")
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page.text)[1]
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert b32decode(secret.replace(" ", "")) == device.bin_key
    confirmed = client.post(
        "/admin/two-factor/enrol/", {"code": code_for(device), "next": "/admin/"}
    )
    assert confirmed.status_code == 302
    shown = client.get(confirmed.url)
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", shown.text)
    device.refresh_from_db()
    return device, codes


@pytest.fixture
def enrolled_editor(db):
    """A desk editor who set up the authenticator app, then signed out."""
    user = role_user("desk", "Editor")
    client = Client()
    sign_in(client, user)
    device, codes = enrol(client, user)
    # The code just used cannot be used again; later tests sign in a step later.
    return user, device, codes


def later_code(device, steps=1) -> tuple[str, object]:
    moment = timezone.now() + timezone.timedelta(seconds=device.step * steps)
    return code_for(device, moment), moment


def test_editor_without_a_second_factor_cannot_reach_the_admin(client, db):
    editor = role_user("desk", "Editor")

    signed_in = sign_in(client, editor)
    assert signed_in.status_code == 302
    for address in [
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/add/",
        "/admin/auth/user/",
    ]:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith("/admin/two-factor/enrol/?next=")


def test_enrolment_shows_a_server_made_qr_code_and_the_secret(client, db):
    editor = role_user("desk", "Editor")
    sign_in(client, editor)

    page = client.get("/admin/two-factor/enrol/")

    assert page.status_code == 200
    assert "<svg" in page.text
    assert 'aria-label="QR code that sets up' in page.text
    assert "no-store" in page.headers["Cache-Control"]
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    # Reloading keeps the secret the phone may already have scanned.
    client.get("/admin/two-factor/enrol/")
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_enrolment_gives_recovery_codes_once_and_opens_the_admin(client, db):
    editor = role_user("desk", "Editor")
    sign_in(client, editor)

    device, codes = enrol(client, editor)

    assert device.confirmed
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200
    again = client.get("/admin/two-factor/recovery-codes/")
    assert again.status_code == 302
    assert codes[0] not in client.get(again.url).text
    assert LogEntry.objects.filter(
        object_id=str(editor.pk),
        change_message="Enrolled an authenticator app for two-factor sign-in",
    ).exists()


def test_a_wrong_enrolment_code_is_refused_and_nothing_is_turned_on(client, db):
    editor = role_user("desk", "Editor")
    sign_in(client, editor)
    client.get("/admin/two-factor/enrol/")
    device = TOTPDevice.objects.get(user=editor)

    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    refused = client.post("/admin/two-factor/enrol/", {"code": wrong})

    assert refused.status_code == 200
    assert "That code is not right" in refused.text
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302


def test_enrolled_editor_signs_in_with_password_then_code(enrolled_editor):
    editor, device, _ = enrolled_editor
    client = Client()

    signed_in = sign_in(client, editor)
    held = client.get("/admin/articles/article/")
    assert held.status_code == 302
    assert held.url == "/admin/two-factor/code/?next=%2Fadmin%2Farticles%2Farticle%2F"

    code, moment = later_code(device)
    with time_machine.travel(moment):
        form = client.get(held.url)
        assert 'autocomplete="one-time-code"' in form.text
        verified = client.post(
            "/admin/two-factor/code/",
            {"code": code, "next": "/admin/articles/article/"},
        )
        assert signed_in.status_code == 302
        assert verified.status_code == 302
        assert verified.url == "/admin/articles/article/"
        assert client.get("/admin/articles/article/").status_code == 200


def test_a_wrong_code_is_refused_and_logged(enrolled_editor):
    editor, device, _ = enrolled_editor
    client = Client()
    sign_in(client, editor)

    code, moment = later_code(device)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    with time_machine.travel(moment):
        refused = client.post("/admin/two-factor/code/", {"code": wrong})

        assert refused.status_code == 200
        assert "That code is not right" in refused.text
        assert client.get("/admin/").status_code == 302
    assert LogEntry.objects.filter(
        object_id=str(editor.pk), change_message="Wrong second-factor code"
    ).exists()


def test_a_used_code_cannot_be_replayed(enrolled_editor):
    editor, device, _ = enrolled_editor
    code, moment = later_code(device)
    with time_machine.travel(moment):
        first = Client()
        sign_in(first, editor)
        assert first.post("/admin/two-factor/code/", {"code": code}).status_code == 302
        second = Client()
        sign_in(second, editor)
        replayed = second.post("/admin/two-factor/code/", {"code": code})

    assert replayed.status_code == 200
    assert second.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(enrolled_editor):
    editor, _, codes = enrolled_editor
    first = Client()
    sign_in(first, editor)

    # Typed as printed, with a space and capitals, it still counts.
    typed = f"{codes[0][:4].upper()} {codes[0][4:]}"
    used = first.post("/admin/two-factor/code/", {"code": typed, "next": "/admin/"})
    assert used.status_code == 302
    assert first.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=editor).count() == 9
    assert LogEntry.objects.filter(
        object_id=str(editor.pk),
        change_message="Signed in with a recovery code (9 left)",
    ).exists()

    second = Client()
    sign_in(second, editor)
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=5)):
        again = second.post("/admin/two-factor/code/", {"code": codes[0]})
    assert again.status_code == 200
    assert "That code is not right" in again.text
    assert second.get("/admin/").status_code == 302


def test_new_recovery_codes_replace_the_old_ones(enrolled_editor):
    editor, device, old_codes = enrolled_editor
    client = Client()
    sign_in(client, editor)
    client.post("/admin/two-factor/code/", {"code": old_codes[1]})

    made = client.post("/admin/two-factor/recovery-codes/")
    new_codes = re.findall(
        r"<li><code>([a-z2-7]+)</code></li>", client.get(made.url).text
    )

    assert len(new_codes) == 10
    tokens = set(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    )
    assert tokens == set(new_codes)
    assert not tokens & set(old_codes)


def test_second_factor_failures_count_towards_the_lockout(enrolled_editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    editor, device, _ = enrolled_editor
    client = Client()
    code, moment = later_code(device)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"

    with time_machine.travel(moment):
        sign_in(client, editor)
        client.post("/admin/two-factor/code/", {"code": wrong}, REMOTE_ADDR=ADDRESS)
        client.post("/admin/two-factor/code/", {"code": wrong}, REMOTE_ADDR=ADDRESS)
        third = client.post(
            "/admin/two-factor/code/", {"code": wrong}, REMOTE_ADDR=ADDRESS
        )
        assert third.status_code == 429
        assert "Too many failed sign-ins" in third.text
        # Signed out, and the right password is now refused too from that address.
        assert "_auth_user_id" not in client.session
        assert sign_in(client, editor).status_code == 429


def test_a_right_password_does_not_wipe_the_count_of_wrong_codes(
    enrolled_editor, settings
):
    """Otherwise whoever stole the password could sign in again between guesses."""
    settings.AXES_FAILURE_LIMIT = 3
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    editor, device, _ = enrolled_editor
    code, moment = later_code(device)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"

    with time_machine.travel(moment):
        for _ in range(3):
            client = Client()
            assert sign_in(client, editor).status_code == 302
            client.post("/admin/two-factor/code/", {"code": wrong}, REMOTE_ADDR=ADDRESS)
        assert sign_in(Client(), editor).status_code == 429


def test_many_addresses_guessing_one_username_are_stopped(client, db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.NEWSROOM_LOGIN_USERNAME_FAILURE_LIMIT = 6
    editor = role_user("desk", "Editor")

    for machine in range(6):
        # Two guesses from each address: under the per-address limit every time.
        for _ in range(2):
            sign_in(Client(), editor, "guess", remote=f"203.0.113.{machine + 1}")

    fresh_address = sign_in(Client(), editor, remote="198.51.100.50")
    assert fresh_address.status_code == 429


def test_the_per_username_lock_ends_after_the_cool_off(db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.NEWSROOM_LOGIN_USERNAME_FAILURE_LIMIT = 4
    editor = role_user("desk", "Editor")
    start = timezone.now()

    with time_machine.travel(start, tick=False):
        for machine in range(4):
            sign_in(Client(), editor, "guess", remote=f"203.0.113.{machine + 1}")
        assert sign_in(Client(), editor).status_code == 429
    # The attacker keeps guessing during the lock; that does not make it longer.
    with time_machine.travel(start + timezone.timedelta(minutes=20), tick=False):
        for machine in range(4):
            sign_in(Client(), editor, "guess", remote=f"203.0.113.{machine + 1}")
    after = start + settings.AXES_COOLOFF_TIME + timezone.timedelta(seconds=1)
    with time_machine.travel(after, tick=False):
        assert sign_in(Client(), editor).status_code == 302


def test_reset_command_lets_an_editor_who_lost_the_phone_enrol_again(
    enrolled_editor,
):
    editor, _, codes = enrolled_editor
    admin = get_user_model().objects.create_superuser(
        "boss", "boss@example.org", "pw-boss-1"
    )

    call_command("reset_two_factor", "desk", "--by", "boss")

    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()
    entry = LogEntry.objects.get(
        object_id=str(editor.pk),
        change_message="Second factor reset by an administrator",
    )
    assert entry.user == admin
    client = Client()
    sign_in(client, editor)
    assert client.get("/admin/").url.startswith("/admin/two-factor/enrol/")
    assert client.post("/admin/two-factor/code/", {"code": codes[2]}).status_code == 302
    assert client.get("/admin/").status_code == 302


def test_reset_command_refuses_an_unknown_login_and_a_non_admin(db):
    role_user("desk", "Editor")
    role_user("reporter", "Reporter")
    get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-boss-1")

    with pytest.raises(CommandError, match="No login called “nobody”"):
        call_command("reset_two_factor", "nobody", "--by", "boss")
    with pytest.raises(CommandError, match="administrator"):
        call_command("reset_two_factor", "desk", "--by", "reporter")


def test_reporter_may_go_without_a_second_factor(client, db):
    reporter = role_user("reporter", "Reporter")
    sign_in(client, reporter)

    assert client.get("/admin/").status_code == 200
    assert "Two-factor sign-in" in client.get("/admin/").text


def test_reporter_who_opted_in_must_use_it(db):
    reporter = role_user("reporter", "Reporter")
    first = Client()
    sign_in(first, reporter)
    enrol(first, reporter)

    second = Client()
    sign_in(second, reporter)

    assert second.get("/admin/").url.startswith("/admin/two-factor/code/")


def test_unverified_login_cannot_open_a_draft_preview(client, make_article, db):
    editor = role_user("desk", "Editor")
    draft = make_article(status="draft")
    sign_in(client, editor)

    response = client.get(f"/preview/{draft.pk}/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/two-factor/enrol/")


def test_with_the_setting_off_editors_are_not_asked(client, db, settings):
    settings.NEWSROOM_REQUIRE_2FA = False
    editor = role_user("desk", "Editor")
    sign_in(client, editor)

    assert client.get("/admin/").status_code == 200


def test_the_code_page_does_not_send_a_user_elsewhere(enrolled_editor):
    editor, _, codes = enrolled_editor
    client = Client()
    sign_in(client, editor)

    response = client.post(
        "/admin/two-factor/code/",
        {"code": codes[3], "next": "https://evil.example.net/"},
    )

    assert response.status_code == 302
    assert response.url == "/admin/"


def test_pages_need_a_password_sign_in_first(client, db):
    response = client.get("/admin/two-factor/code/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_second_factor_is_required_by_default_in_production_only():
    from tests.test_settings import REAL_SECRET, run_settings

    production = run_settings(
        "s.NEWSROOM_REQUIRE_2FA", DJANGO_DEBUG="0", DJANGO_SECRET_KEY=REAL_SECRET
    )
    demo = run_settings("s.NEWSROOM_REQUIRE_2FA")
    turned_off = run_settings(
        "s.NEWSROOM_REQUIRE_2FA",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=REAL_SECRET,
        NEWSROOM_REQUIRE_2FA="0",
    )
    turned_on = run_settings("s.NEWSROOM_REQUIRE_2FA", NEWSROOM_REQUIRE_2FA="1")

    assert production.stdout.strip() == "True", production.stderr
    assert demo.stdout.strip() == "False", demo.stderr
    assert turned_off.stdout.strip() == "False", turned_off.stderr
    assert turned_on.stdout.strip() == "True", turned_on.stderr


def test_admin_never_shows_someone_elses_secret_or_recovery_codes(enrolled_editor):
    editor, device, codes = enrolled_editor
    boss = get_user_model().objects.create_superuser(
        "boss", "boss@example.org", "pw-boss-1"
    )
    client = Client()
    client.force_login(boss)
    client.get("/admin/")
    enrol(client, boss)

    device_page = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/")
    config = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/config/")
    static = client.get(
        f"/admin/otp_static/staticdevice/{editor.staticdevice_set.get().pk}/change/"
    )

    assert device_page.status_code == 200
    assert device.key not in device_page.text
    assert config.status_code == 403
    assert static.status_code == 200
    assert not any(code in static.text for code in codes)


def test_a_reset_ends_what_sessions_the_old_phone_verified(enrolled_editor):
    editor, _, codes = enrolled_editor
    get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-boss-1")
    old_session = Client()
    sign_in(old_session, editor)
    old_session.post("/admin/two-factor/code/", {"code": codes[4]})
    assert old_session.get("/admin/").status_code == 200

    call_command("reset_two_factor", "desk", "--by", "boss")

    assert old_session.get("/admin/").url.startswith("/admin/two-factor/enrol/")


def test_resetting_a_login_without_a_second_factor_changes_and_logs_nothing(db):
    editor = role_user("desk", "Editor")
    get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-boss-1")

    call_command("reset_two_factor", "desk", "--by", "boss")

    assert not LogEntry.objects.filter(object_id=str(editor.pk)).exists()
