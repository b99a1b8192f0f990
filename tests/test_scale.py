"""More than one web process: the system check refuses state kept in one of them."""

import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from tests.seaweed import ACCESS_KEY, SECRET_KEY

S3 = {
    "NEWSROOM_MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "newsroom-media",
    "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9",
    "AWS_ACCESS_KEY_ID": ACCESS_KEY,
    "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
}


def check(**env) -> subprocess.CompletedProcess:
    """`manage.py check` in a fresh process with exactly this environment."""
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_one_web_process_may_keep_everything_local():
    result = check(NEWSROOM_WEB_REPLICAS="1")

    assert result.returncode == 0, result.stderr


def test_several_replicas_with_a_local_cache_and_local_media_are_refused():
    result = check(NEWSROOM_WEB_REPLICAS="3")

    assert result.returncode == 1
    assert "newsroom.E001" in result.stderr
    assert "LocMemCache" in result.stderr
    assert "Set REDIS_URL" in result.stderr
    assert "newsroom.E003" in result.stderr
    assert "NEWSROOM_MEDIA_STORAGE=s3" in result.stderr


def test_several_replicas_with_redis_and_a_bucket_pass():
    result = check(
        NEWSROOM_WEB_REPLICAS="3", REDIS_URL="redis://127.0.0.1:6379/8", **S3
    )

    assert result.returncode == 0, result.stderr


def test_several_replicas_with_redis_but_local_media_are_refused():
    result = check(NEWSROOM_WEB_REPLICAS="2", REDIS_URL="redis://127.0.0.1:6379/8")

    assert result.returncode == 1
    assert "newsroom.E001" not in result.stderr
    assert "newsroom.E003" in result.stderr


@pytest.mark.parametrize(
    ("backend", "name"),
    [
        ("django.core.cache.backends.filebased.FileBasedCache", "FileBasedCache"),
        ("django.core.cache.backends.locmem.LocMemCache", "LocMemCache"),
    ],
)
@pytest.mark.django_db
def test_a_per_process_cache_is_refused_with_replicas(settings, backend, name):
    settings.NEWSROOM_WEB_REPLICAS = 2
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "/tmp/x"}}

    with pytest.raises(SystemCheckError, match=f"newsroom.E001.*{name}"):
        call_command("check")


@pytest.mark.django_db
def test_file_sessions_are_refused_with_replicas(settings):
    settings.NEWSROOM_WEB_REPLICAS = 2
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.file"

    with pytest.raises(SystemCheckError, match="newsroom.E002"):
        call_command("check")
