import io
import os
import shutil
import types
from datetime import timedelta
from uuid import uuid4

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Article, Author, Byline, Image, Section

# Playwright's sync API runs an event loop in the test thread; the ORM must still work.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def find_chromium() -> str | None:
    """The browser the e2e tests drive: CHROMIUM_PATH when set, else the system one.

    A CHROMIUM_PATH that names no executable means "no browser", never a silent
    fallback to another one.
    """
    if "CHROMIUM_PATH" in os.environ:
        candidates = [os.environ["CHROMIUM_PATH"]]
    else:
        candidates = [shutil.which("chromium"), "/usr/bin/chromium"]
    return next(
        (path for path in candidates if path and os.access(path, os.X_OK)), None
    )


CHROMIUM = find_chromium()
NO_CHROMIUM = (
    "browser tests skipped: no Chromium found; "
    "`apt-get install chromium` or set CHROMIUM_PATH=/path/to/chromium"
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


_skipped_browser_tests = pytest.StashKey[int]()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Without a browser, e2e tests skip on a developer's machine and fail CI.

    Runs after `-m`/`-k` deselection, so `-m "not e2e"` never asks for a browser.
    """
    browser_tests = [item for item in items if item.get_closest_marker("e2e")]
    if CHROMIUM or not browser_tests:
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(
            f"CI=true and no Chromium found for {len(browser_tests)} browser tests: "
            "`apt-get install chromium` or set CHROMIUM_PATH=/path/to/chromium"
        )
    config.stash[_skipped_browser_tests] = len(browser_tests)
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))


def pytest_terminal_summary(terminalreporter, config):
    from tests import varnish

    skipped = config.stash.get(_skipped_browser_tests, 0)
    if skipped:
        terminalreporter.write_line(f"{skipped} {NO_CHROMIUM}", yellow=True)
    if varnish.skipped:
        terminalreporter.write_line(
            f"{varnish.skipped} {varnish.NO_VARNISH}", yellow=True
        )


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    # A test's writes never commit, so the page cache would never hear of them; the
    # tests of the page cache itself (test_page_cache.py) turn it on.
    settings.NEWSROOM_PAGE_CACHE = False


@pytest.fixture
def origin():
    """A test web server for Varnish to cache, whose answers each test chooses."""
    from tests.varnish import Origin, serving

    with serving(Origin()) as server:
        yield server


@pytest.fixture
def varnish(origin):
    """The port of a real varnishd in front of ``origin``."""
    from tests.varnish import running_varnish

    with running_varnish(origin.server_address[1]) as port:
        yield port


@pytest.fixture
def site_varnish(live_server, settings):
    """Varnish in front of the live test server, purged by the app after commit."""
    from tests.varnish import PURGE_TOKEN, running_varnish

    with running_varnish(live_server.thread.port) as port:
        settings.NEWSROOM_PURGE_BACKENDS = [
            {
                "BACKEND": "articles.purge_backends.VarnishPurge",
                "OPTIONS": {"url": f"http://127.0.0.1:{port}", "token": PURGE_TOKEN},
            }
        ]
        yield port


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


def jpeg_bytes(size=(1600, 900), color=(40, 90, 140)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


@pytest.fixture
def make_section(db):
    def make(**fields):
        fields.setdefault("name", f"Section {uuid4().hex[:6]}")
        fields.setdefault("slug", f"section-{uuid4().hex[:8]}")
        return Section.objects.create(**fields)

    return make


@pytest.fixture
def make_author(db):
    def make(**fields):
        fields.setdefault("name", "Elena Vasquez")
        fields.setdefault("slug", f"author-{uuid4().hex[:8]}")
        return Author.objects.create(**fields)

    return make


@pytest.fixture
def make_image(db):
    def make(**fields):
        fields.setdefault("alt_text", "Grey warships in a harbour at dawn")
        fields.setdefault("credit", "Newsroom illustration")
        fields.setdefault(
            "file", SimpleUploadedFile("harbour.jpg", jpeg_bytes(), "image/jpeg")
        )
        # Through the upload pipeline, as in the admin: normalised, measured.
        return Image.objects.create_from_upload(fields.pop("file"), **fields)

    return make


@pytest.fixture
def make_article(db):
    def make(*, authors=(), tags=(), **fields):
        fields.setdefault("headline", "Council approves defence budget")
        fields.setdefault("slug", f"story-{uuid4().hex[:8]}")
        fields.setdefault("dek", "A short standfirst for the story.")
        fields.setdefault("body", "<p>The body of the story.</p>")
        fields.setdefault("status", Article.Status.PUBLISHED)
        if fields["status"] == Article.Status.PUBLISHED:
            fields.setdefault("publish_at", timezone.now() - timedelta(minutes=1))
        article = Article.objects.create(**fields)
        for position, author in enumerate(authors):
            Byline.objects.create(article=article, author=author, position=position)
        if tags:
            article.tags.add(*tags)
        return article

    return make


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "chief", "chief@example.org", "pw-chief-1"
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publishable(make_section, make_author, make_image):
    """Admin form fields that satisfy the publication checklist."""
    return {
        "section": make_section(name="Europe").pk,
        "lead_image": make_image().pk,
        "bylines-0-author": make_author(name="Aylin Demir").pk,
    }


def ensure_roles():
    """The role groups as the migration makes them.

    A transactional test (browser tests) empties every table when it ends, groups
    included; the permissions come back by themselves, the groups do not.
    """
    import importlib

    from django.contrib.auth.models import Group, Permission

    roles = importlib.import_module("articles.migrations.0004_roles").ROLES
    for role, by_app in roles.items():
        group, created = Group.objects.get_or_create(name=role)
        if created:
            for app_label, codenames in by_app.items():
                group.permissions.add(
                    *Permission.objects.filter(
                        content_type__app_label=app_label, codename__in=codenames
                    )
                )


def role_user(username, role):
    """A staff login in one of the newsroom's roles, made by the migration's groups."""
    from django.contrib.auth.models import Group

    ensure_roles()
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", f"pw-{username}-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def reporter(db):
    return role_user("reporter", "Reporter")


@pytest.fixture
def other_reporter(db):
    return role_user("reporter2", "Reporter")


@pytest.fixture
def desk_editor(db):
    return role_user("desk", "Editor")


_s3_start_error = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def s3_server(pytestconfig):
    """A real S3 server (SeaweedFS) for the session; skips without it, fails CI."""
    from tests import seaweed

    failure = pytestconfig.stash.get(_s3_start_error, None)
    if failure is None:
        try:
            with seaweed.running_seaweedfs() as server:
                yield server
                return
        except (FileNotFoundError, RuntimeError) as error:
            failure = str(error)
            pytestconfig.stash[_s3_start_error] = failure
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and no S3 server: {failure}")
    pytest.skip(seaweed.NO_WEED if "weed" in failure else failure.splitlines()[0])


@pytest.fixture
def s3_media(settings, s3_server):
    """Media in a fresh bucket on the S3 server, configured as settings.py does it."""
    bucket = f"newsroom-{uuid4().hex[:12]}"
    client = s3_server.client()
    client.create_bucket(Bucket=bucket)
    for name, value in s3_server.environment(bucket).items():
        if name.startswith("AWS_"):
            setattr(settings, name, value)
    settings.AWS_QUERYSTRING_AUTH = False
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_S3_FILE_OVERWRITE = False
    settings.AWS_S3_SIGNATURE_VERSION = "s3v4"
    settings.AWS_S3_ADDRESSING_STYLE = "path"
    settings.AWS_S3_OBJECT_PARAMETERS = {
        "CacheControl": "public, max-age=31536000, immutable"
    }
    settings.MEDIA_URL = f"http://{settings.AWS_S3_CUSTOM_DOMAIN}/"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "newsroom.storage.MediaStorage"},
    }
    yield types.SimpleNamespace(
        bucket=bucket, client=client, server=s3_server, url=settings.MEDIA_URL
    )
    keys = [
        {"Key": entry["Key"]}
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        for entry in page.get("Contents", ())
    ]
    for start in range(0, len(keys), 1000):
        client.delete_objects(
            Bucket=bucket, Delete={"Objects": keys[start : start + 1000]}
        )
    client.delete_bucket(Bucket=bucket)
