"""The read replica router, against a real PostgreSQL streaming replica.

A primary and a replica (pg_basebackup) are started on free ports; a process of its
own (tests/replica_probe.py) runs requests with both query logs captured.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests import pg_replica

REPO = settings.BASE_DIR


@pytest.fixture(scope="module")
def replica_site():
    """Environment for a migrated newsroom on a primary with a streaming replica."""
    if not pg_replica.available():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {pg_replica.NO_POSTGRES}")
        pytest.skip(pg_replica.NO_POSTGRES)
    with pg_replica.running_pair() as pair:
        created = subprocess.run(
            [
                "psql",
                pair.url("primary", "postgres"),
                "-qc",
                "CREATE DATABASE newsroom",
            ],
            capture_output=True,
            text=True,
        )
        assert created.returncode == 0, created.stderr
        env = {
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DATABASE_URL": pair.url("primary", "newsroom"),
            "DATABASE_REPLICA_URL": pair.url("replica", "newsroom"),
            "NEWSROOM_PAGE_CACHE": "0",
        }
        migrated = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert migrated.returncode == 0, migrated.stderr
        yield env


@pytest.fixture(scope="module")
def probe(replica_site):
    result = subprocess.run(
        [sys.executable, "tests/replica_probe.py"],
        cwd=REPO,
        env=replica_site,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    # The figures for the closing note; shown with `pytest -s`.
    sys.stdout.write(
        f"\nreplica lag: {seen['lag_after_insert'] * 1000:.1f} ms after an insert, "
        f"{seen['lag_after_resume'] * 1000:.1f} ms to replay a held-back edit; "
        f"pg_stat_replication {seen['pg_stat_replication']}\n"
    )
    return seen


def test_an_anonymous_reader_is_served_from_the_replica(probe):
    page = probe["anonymous_story"]
    assert page["status"] == 200
    assert page["replica"] > 0
    assert page["primary"] == 0
    assert page["set_cookie"] == []  # reader pages stay cookie-free


def test_signed_in_users_and_the_admin_use_the_primary(probe):
    for name in ("editor_story", "editor_admin"):
        assert probe[name]["status"] == 200
        assert probe[name]["primary"] > 0
        assert probe[name]["replica"] == 0


def test_writes_go_to_the_primary(probe):
    assert probe["edit"]["status"] == 302
    assert probe["edit"]["primary"] > 0
    assert probe["edit"]["replica"] == 0


def test_a_reader_who_just_changed_something_reads_their_write(probe):
    # The replica was held back: only the primary has the edit.
    assert probe["other_reader_while_replica_paused"]["replica"] > 0
    assert probe["other_reader_while_replica_paused"]["sees_edit"] is False
    same = probe["same_reader_after_edit"]
    assert same["status"] == 200
    assert same["sees_edit"] is True
    assert same["primary"] > 0
    assert same["replica"] == 0
    assert int(probe["pin_max_age"]) == 15


def test_the_replica_catches_up_and_serves_the_edit(probe):
    after = probe["other_reader_after_catch_up"]
    assert after["sees_edit"] is True
    assert after["replica"] > 0
    assert after["primary"] == 0
    assert probe["lag_after_insert"] < 5
    assert [state for state, _ in probe["pg_stat_replication"]] == ["streaming"]


def test_without_a_replica_url_there_is_one_database_and_no_router():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s;"
            "print(sorted(s.DATABASES), s.DATABASE_ROUTERS,"
            " any('db_router' in m for m in s.MIDDLEWARE))",
        ],
        cwd=REPO,
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["['default']", "[]", "False"]
