"""/healthz: 200 while the database answers (the cache is reported, not required),
503 otherwise, never cached.

Outages are real, not mocked: a subprocess runs Django against a closed port.
"""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings

PROBE = """
import django, json
django.setup()
from django.test import Client
response = Client().get({path!r}, HTTP_HOST="news.example.org")
print(json.dumps({{"status": response.status_code, "location": response.get("Location"),
                   "body": response.content.decode()}}))
"""
REAL_SECRET = "x" * 20 + "-a-real-random-production-secret-key-0123456789"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_in_subprocess(path, tmp_path, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "NEWSROOM_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DJANGO_ALLOWED_HOSTS="news.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'health.sqlite3'}",
    )
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(path=path)],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def test_healthz_answers_200_when_database_and_cache_answer(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_is_never_cached(client, db):
    response = client.get("/healthz")

    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "no-cache" in cache_control
    assert "max-age=0" in cache_control


def test_healthz_answers_head_and_refuses_writes(client, db):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_healthz_says_503_when_the_database_is_unreachable(tmp_path):
    result = get_in_subprocess(
        "/healthz",
        tmp_path,
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed_port()}/newsroom",
    )

    assert result["status"] == 503
    assert json.loads(result["body"]) == {
        "status": "unavailable",
        "database": "unavailable",
        "cache": "ok",
    }


def test_healthz_says_degraded_but_up_when_redis_is_unreachable(tmp_path):
    # Pages render uncached without Redis, so the proxy must keep sending readers.
    result = get_in_subprocess(
        "/healthz", tmp_path, REDIS_URL=f"redis://127.0.0.1:{closed_port()}/0"
    )

    assert result["status"] == 200
    assert json.loads(result["body"]) == {
        "status": "degraded",
        "database": "ok",
        "cache": "unavailable",
    }


def test_healthz_answers_200_with_the_redis_cache(tmp_path):
    if not redis_answers() and not os.environ.get("CI"):
        pytest.skip("no Redis on 127.0.0.1:6379 (CI always has one)")

    result = get_in_subprocess(
        "/healthz", tmp_path, REDIS_URL="redis://127.0.0.1:6379/14"
    )

    assert result["status"] == 200, result["body"]
    assert json.loads(result["body"])["cache"] == "ok"


def test_production_redirects_pages_to_https_but_not_healthz(tmp_path):
    production = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": REAL_SECRET}

    page = get_in_subprocess("/", tmp_path, **production)
    health = get_in_subprocess("/healthz", tmp_path, **production)

    assert page["status"] == 301
    assert page["location"] == "https://news.example.org/"
    assert health["status"] == 200
