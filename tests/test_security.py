"""Headers, content security policy, login throttling and request caps."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

READER_PAGES = [
    "/",
    "/story/a-visible-story/",
    "/section/europe/",
    "/tag/nato/",
    "/author/tom/",
]


@pytest.fixture
def reader_site(make_article, make_section, make_author):
    section = make_section(name="Europe", slug="europe")
    author = make_author(name="Tom", slug="tom")
    make_article(
        slug="a-visible-story", section=section, authors=[author], tags=["NATO"]
    )


def policy(response, header="Content-Security-Policy"):
    directives = {}
    for part in response.headers[header].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", [*READER_PAGES, "/no-such-page/"])
def test_reader_pages_send_a_strict_nonce_based_policy(client, reader_site, url):
    response = client.get(url)
    csp = policy(response)

    assert csp["default-src"] == ["'self'"]
    # Django adds the nonce only when the page used it for an inline block.
    assert csp["script-src"][0] == "'self'"
    assert all(source.startswith("'nonce-") for source in csp["script-src"][1:])
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["object-src"] == ["'none'"]


@pytest.mark.parametrize("url", [*READER_PAGES, "/no-such-page/", "/admin/login/"])
def test_security_headers_on_reader_admin_and_error_pages(client, reader_site, url):
    response = client.get(url)

    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_server_error_page_carries_the_policy_and_headers(db, settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.ROOT_URLCONF = "tests.urls_failing"
    response = Client(raise_request_exception=False).get("/boom/")

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert policy(response)["default-src"] == ["'self'"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_admin_keeps_scripts_nonce_only_and_allows_inline_styles(editor_client):
    csp = policy(editor_client.get("/admin/articles/article/add/"))

    assert "'unsafe-inline'" not in csp["script-src"]
    assert csp["script-src"][1].startswith("'nonce-")
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["frame-ancestors"] == ["'none'"]


def login(client, username, password, forwarded_for=None, remote="10.0.0.7"):
    extra = {"REMOTE_ADDR": remote}
    if forwarded_for:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        **extra,
    )


@pytest.fixture
def desk_user(db):
    return get_user_model().objects.create_user(
        "desk", "desk@example.org", "right-password-1", is_staff=True
    )


def test_wrong_passwords_lock_the_account_for_that_address(client, desk_user, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        assert login(client, "desk", "wrong").status_code in (200, 429)

    locked = login(client, "desk", "right-password-1")
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.text
    assert "_auth_user_id" not in client.session

    other_address = login(Client(), "desk", "right-password-1", remote="10.0.0.99")
    assert other_address.status_code == 302


def test_lockout_ends_after_the_cool_off(client, desk_user, settings):
    import time_machine
    from django.utils import timezone

    settings.AXES_FAILURE_LIMIT = 2
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        login(client, "desk", "wrong")
        login(client, "desk", "wrong")
        assert login(client, "desk", "right-password-1").status_code == 429
    with time_machine.travel(
        start + settings.AXES_COOLOFF_TIME + timezone.timedelta(seconds=1)
    ):
        assert login(client, "desk", "right-password-1").status_code == 302


def test_unlock_command_lets_the_editor_in_again(client, desk_user, settings):
    settings.AXES_FAILURE_LIMIT = 2
    login(client, "desk", "wrong")
    login(client, "desk", "wrong")
    assert login(client, "desk", "right-password-1").status_code == 429

    call_command("axes_reset_username", "desk")

    assert login(client, "desk", "right-password-1").status_code == 302


def test_forged_forwarded_for_from_an_untrusted_client_changes_nothing(
    client, desk_user, settings
):
    settings.AXES_FAILURE_LIMIT = 2
    login(client, "desk", "wrong", forwarded_for="203.0.113.1")
    login(client, "desk", "wrong", forwarded_for="203.0.113.2")

    # A new forged address does not escape the lock on the real one.
    forged = login(client, "desk", "right-password-1", forwarded_for="198.51.100.9")
    assert forged.status_code == 429


def test_forwarded_for_from_the_trusted_proxy_names_the_client(
    client, desk_user, settings
):
    settings.AXES_FAILURE_LIMIT = 2
    proxy = "127.0.0.1"
    login(client, "desk", "wrong", forwarded_for="203.0.113.1", remote=proxy)
    login(client, "desk", "wrong", forwarded_for="203.0.113.1", remote=proxy)

    assert (
        login(
            client, "desk", "right-password-1", "203.0.113.1", remote=proxy
        ).status_code
        == 429
    )
    # A different reader behind the same proxy is not locked out with them; a value
    # the client prepended itself is ignored in favour of what the proxy appended.
    other = login(
        Client(), "desk", "right-password-1", "203.0.113.1, 198.51.100.7", remote=proxy
    )
    assert other.status_code == 302


def test_oversized_body_is_refused_before_it_is_read(client, settings):
    settings.NEWSROOM_MAX_REQUEST_BYTES = 1024
    response = client.generic(
        "POST",
        "/admin/login/",
        b"x" * 10,
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )

    assert response.status_code == 413
    assert "limited to" in response.text
