"""Backups of a site whose pictures live in a bucket: dump, wipe, restore, same objects.

Against a real S3 server (SeaweedFS) and a PostgreSQL scratch database, through the
operator's own commands (scripts/backup.sh, scripts/restore.sh, scripts/bucket.py).
"""

import hashlib
import re
import sys
from pathlib import Path
from uuid import uuid4

import psycopg
import pytest
from django.conf import settings

from tests.test_ops import PgAdmin, clean_env, on_postgresql, run

pytestmark = on_postgresql


@pytest.fixture(scope="module")
def s3_site(s3_server, tmp_path_factory):
    """A migrated demo newsroom in its own database, its pictures in a fresh bucket.

    Shared by the tests here to save a migrate and a seed; each leaves it as it was.
    """
    tmp_path = tmp_path_factory.mktemp("s3site")
    admin = PgAdmin(settings.DATABASES["default"])
    name = f"{settings.DATABASES['default']['NAME']}_s3ops_{uuid4().hex[:8]}"
    bucket = f"newsroom-{uuid4().hex[:12]}"
    admin.execute(f"CREATE DATABASE {name}")
    env = clean_env(
        DATABASE_URL=admin.url(name),
        BACKUP_DIR=tmp_path / "backups",
        BACKUP_PYTHON=sys.executable,
        NEWSROOM_TASK_BACKEND="database",
        **s3_server.environment(bucket),
    )
    created = run([sys.executable, "scripts/bucket.py", "create"], env)
    assert created.returncode == 0, created.stderr
    assert f"bucket {bucket} created" in created.stdout
    for command in (["migrate", "--noinput"], ["seed_demo"]):
        result = run([sys.executable, "manage.py", *command], env)
        assert result.returncode == 0, result.stderr
    result = run([sys.executable, "manage.py", "regenerate_renditions", "1"], env)
    assert result.returncode == 0, result.stderr
    yield env, s3_server.client(), bucket
    admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def objects(client, bucket) -> dict[str, tuple[str, str, str]]:
    """{key: (sha256, content type, cache policy)} of every object in the bucket."""
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for entry in page.get("Contents", ()):
            head = client.get_object(Bucket=bucket, Key=entry["Key"])
            found[entry["Key"]] = (
                hashlib.sha256(head["Body"].read()).hexdigest(),
                head["ContentType"],
                head.get("CacheControl", ""),
            )
    return found


def stories(env) -> str:
    result = run([sys.executable, "manage.py", "dumpdata", "articles"], env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_backup_wipe_and_restore_give_back_the_same_objects(s3_site):
    env, client, bucket = s3_site
    before, content = objects(client, bucket), stories(env)
    assert any(key.startswith("images/") for key in before)
    assert any(key.startswith("renditions/") for key in before)
    assert {policy for _, _, policy in before.values()} == {
        "public, max-age=31536000, immutable"
    }

    result = run(["scripts/backup.sh"], env)
    assert result.returncode == 0, result.stderr
    saved = Path(re.search(r"^backup: (\S+)", result.stdout, re.M)[1])
    assert sorted(path.name for path in saved.iterdir()) == [
        "SHA256SUMS",
        "db.dump",
        "media.tar.gz",
        "objects.json",
    ]

    # Wipe: the schema, every object, and a stray object the backup never had.
    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    for key in before:
        client.delete_object(Bucket=bucket, Key=key)
    client.put_object(Bucket=bucket, Key="images/stray.jpg", Body=b"not backed up")

    restored = run(["scripts/restore.sh", "--yes", saved], env)

    assert restored.returncode == 0, restored.stderr
    assert f"bucket {bucket} restored" in restored.stdout
    assert objects(client, bucket) == before
    assert stories(env) == content


def test_restore_refuses_a_damaged_bucket_archive_and_changes_nothing(s3_site):
    env, client, bucket = s3_site
    saved = Path(
        re.search(r"^backup: (\S+)", run(["scripts/backup.sh"], env).stdout, re.M)[1]
    )
    before = objects(client, bucket)
    (saved / "objects.json").write_text("{}")

    restored = run(["scripts/restore.sh", "--yes", saved], env)

    assert restored.returncode != 0
    assert "checksums do not match" in restored.stderr
    assert objects(client, bucket) == before
