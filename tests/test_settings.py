"""Settings read the environment once at import, so each case runs in its own process."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

PROBE = "import django; django.setup(); from django.conf import settings as s; print({expr})"
REAL_SECRET = "x" * 20 + "-a-real-random-production-secret-key-0123456789"


def run_settings(expr, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "NEWSROOM_"))
    }
    environment.update(DJANGO_SETTINGS_MODULE="newsroom.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", PROBE.format(expr=expr)],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_embedded_default_is_sqlite_with_debug_on():
    result = run_settings("s.DATABASES['default']['ENGINE'], s.DEBUG")

    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout
    assert "True" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("s.DEBUG", DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_the_dev_secret_and_short_secrets():
    assert (
        run_settings("1", DJANGO_DEBUG="0", DJANGO_SECRET_KEY="short").returncode != 0
    )


def test_database_url_selects_postgresql():
    result = run_settings(
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']",
        DATABASE_URL="postgres://newsroom:pw@db.internal:5432/news",
    )

    assert "postgresql" in result.stdout
    assert "news" in result.stdout


def test_time_zone_is_configurable():
    result = run_settings("s.TIME_ZONE", DJANGO_TIME_ZONE="Europe/Istanbul")

    assert result.stdout.strip() == "Europe/Istanbul"


def test_production_is_secure_and_passes_check_deploy():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_URL", "NEWSROOM_"))
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=REAL_SECRET,
        DJANGO_ALLOWED_HOSTS="news.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_reader_pages_show_times_in_the_newsroom_time_zone(
    client, settings, make_article
):
    from datetime import UTC, datetime

    settings.TIME_ZONE = "Europe/Istanbul"
    story = make_article(publish_at=datetime(2026, 1, 15, 9, 30, tzinfo=UTC))

    page = client.get(story.get_absolute_url()).text

    assert "15 January 2026, 12:30" in page
    assert 'datetime="2026-01-15T12:30:00+03:00"' in page


def test_postgresql_prepares_repeated_queries_unless_a_pooler_forbids_it():
    options = "s.DATABASES['default']['OPTIONS']"
    url = "postgres://newsroom:pw@db.internal:5432/news"
    default = run_settings(options, DATABASE_URL=url)
    behind_pooler = run_settings(
        options, DATABASE_URL=url, DJANGO_DB_PREPARE_THRESHOLD="off"
    )

    assert "'server_side_binding': True" in default.stdout, default.stderr
    assert "'prepare_threshold': 5" in default.stdout
    assert "prepare_threshold" not in behind_pooler.stdout, behind_pooler.stderr
    assert "server_side_binding" not in behind_pooler.stdout


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)
def test_a_reader_page_asked_again_and_again_runs_prepared_statements(
    client, make_article
):
    story = make_article(headline="Frigate leaves port", tags=["NATO"])
    for _ in range(6):
        assert client.get(story.get_absolute_url()).status_code == 200

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        (prepared,) = cursor.fetchone()

    assert prepared > 0
