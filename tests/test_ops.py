"""Production operations: gunicorn config, entrypoint, health probe, image and compose
checks, backups. Everything runs the real scripts and binaries in subprocesses."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from uuid import uuid4

import compose
import psycopg
import pytest
from django.conf import settings

REPO = Path(settings.BASE_DIR)
BIN = Path(sys.executable).parent
COMPOSE = Path(compose.__file__).with_name("docker-compose")
REAL_SECRET = "x" * 20 + "-a-real-random-production-secret-key-0123456789"
on_postgresql = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="backups are PostgreSQL dumps: run with DATABASE_URL=postgres://...",
)


def clean_env(**extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "DATABASE_URL", "REDIS_URL", "NEWSROOM_", "WEB_", "GUNICORN_")
        )
    }
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    env.update({key: str(value) for key, value in extra.items()})
    return env


def run(cmd, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(part) for part in cmd],
        cwd=REPO,
        env=env if env is not None else clean_env(),
        capture_output=True,
        text=True,
        timeout=kwargs.pop("timeout", 180),
        check=False,
        **kwargs,
    )


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn_config(**env) -> dict:
    result = run(
        [BIN / "gunicorn", "--config", "docker/gunicorn.conf.py", "--print-config"],
        env=clean_env(**env),
    )
    assert result.returncode == 0, result.stderr
    return {
        name: value.strip()
        for name, _, value in (
            line.partition("=") for line in result.stdout.splitlines() if "=" in line
        )
        for name in [name.strip()]
    }


# --- gunicorn ------------------------------------------------------------------------


def test_gunicorn_config_takes_workers_from_web_concurrency():
    config = gunicorn_config(WEB_CONCURRENCY=3)

    assert config["workers"] == "3"
    assert config["wsgi_app"] == "newsroom.wsgi:application"


def test_gunicorn_defaults_to_two_workers_per_cpu_plus_one():
    config = gunicorn_config()

    assert config["workers"] == str(len(os.sched_getaffinity(0)) * 2 + 1)


def test_gunicorn_recycles_workers_logs_to_stdout_and_trusts_only_the_proxy():
    config = gunicorn_config(FORWARDED_ALLOW_IPS="10.180.53.0/24")

    assert config["max_requests"] == "1000"
    assert config["max_requests_jitter"] == "100"
    assert config["timeout"] == "30"
    assert config["accesslog"] == "-"
    assert config["errorlog"] == "-"
    assert config["forwarded_allow_ips"] == "['10.180.53.0/24']"
    assert config["control_socket_disable"] == "True"
    assert gunicorn_config()["forwarded_allow_ips"] == "['127.0.0.1', '::1']"


# --- entrypoint ----------------------------------------------------------------------


def test_entrypoint_runs_the_command_once_the_database_answers(tmp_path):
    env = clean_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")

    result = run(["docker/entrypoint.sh", "python", "-c", "print('serving')"], env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "serving"


def test_entrypoint_refuses_the_env_example_placeholders(tmp_path):
    env = clean_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_SECRET_KEY="change-me",
    )

    result = run(["docker/entrypoint.sh", "python", "-c", "print('serving')"], env)

    assert result.returncode == 64
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "serving" not in result.stdout


def test_entrypoint_gives_up_on_an_unreachable_database_with_a_clear_message():
    env = clean_env(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed_port()}/newsroom",
        DB_WAIT_SECONDS=2,
    )
    started = time.monotonic()

    result = run(["docker/entrypoint.sh", "python", "-c", "print('serving')"], env)

    assert result.returncode != 0
    assert "database not reachable" in result.stderr
    assert "serving" not in result.stdout
    assert time.monotonic() - started < 30


def test_entrypoint_migrates_on_start_only_when_asked(tmp_path):
    database = tmp_path / "db.sqlite3"
    count_tables = (
        "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("
        "\"select count(*) from sqlite_master where name='django_migrations'\""
        ").fetchone()[0])"
    )
    command = ["docker/entrypoint.sh", "python", "-c", count_tables, database]

    plain = run(command, clean_env(DATABASE_URL=f"sqlite:///{database}"))
    migrated = run(
        command,
        clean_env(DATABASE_URL=f"sqlite:///{database}", DJANGO_MIGRATE_ON_START=1),
    )

    assert plain.stdout.strip() == "0"
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.splitlines()[-1] == "1"


@on_postgresql
def test_entrypoint_waits_for_a_database_that_comes_up_late(pg_admin):
    name = f"late_{uuid4().hex[:10]}"
    env = clean_env(DATABASE_URL=pg_admin.url(name), DB_WAIT_SECONDS=30)
    process = subprocess.Popen(
        ["docker/entrypoint.sh", "python", "-c", "print('serving')"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The database is created only once the entrypoint says it is waiting for it.
        said = ""
        while "waiting for the database" not in said and process.poll() is None:
            said += process.stderr.readline()
        assert process.poll() is None, said
        pg_admin.execute(f"CREATE DATABASE {name}")
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
        pg_admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    assert process.returncode == 0, said + stderr
    assert stdout.strip() == "serving"


# --- the image's health probe -----------------------------------------------------------


def test_health_probe_passes_against_a_serving_site(live_server):
    env = clean_env(
        HEALTHCHECK_URL=f"{live_server.url}/healthz", DJANGO_ALLOWED_HOSTS="localhost"
    )

    result = run([sys.executable, "docker/healthcheck.py"], env)

    assert result.returncode == 0, result.stderr


def test_health_probe_fails_when_nothing_answers():
    env = clean_env(HEALTHCHECK_URL=f"http://127.0.0.1:{closed_port()}/healthz")

    result = run([sys.executable, "docker/healthcheck.py"], env)

    assert result.returncode == 1
    assert "healthcheck:" in result.stderr


# --- Dockerfile and compose checks (what .ci/run runs) ---------------------------------


def broken_copy(tmp_path, name, old, new) -> Path:
    text = (REPO / name).read_text()
    assert old in text
    target = tmp_path / name
    target.write_text(text.replace(old, new, 1))
    return target


def test_hadolint_passes_the_dockerfile():
    result = run([BIN / "hadolint", "Dockerfile"])

    assert result.returncode == 0, result.stdout


def test_hadolint_fails_a_dockerfile_with_add_and_a_named_user(tmp_path):
    broken = broken_copy(tmp_path, "Dockerfile", "USER 10001:10001", "USER app")
    broken.write_text(broken.read_text().replace("COPY . .", "ADD . ."))

    result = run([BIN / "hadolint", broken])

    assert result.returncode == 1
    assert "DL3020" in result.stdout  # ADD instead of COPY


def test_dockerfile_rules_pass_and_catch_a_root_image_without_healthcheck(tmp_path):
    assert run([sys.executable, "tools/check_dockerfile.py"]).returncode == 0
    broken = broken_copy(tmp_path, "Dockerfile", "USER 10001:10001\n", "")
    text = re.sub(r"HEALTHCHECK [^\n]*\\\n[^\n]*\n", "", broken.read_text())
    broken.write_text(text.replace("--no-dev ", ""))

    result = run([sys.executable, "tools/check_dockerfile.py", broken])

    assert result.returncode == 1
    assert "no USER" in result.stdout
    assert "no HEALTHCHECK" in result.stdout
    assert "--no-dev" in result.stdout


def test_compose_file_is_valid_against_the_compose_spec():
    result = run([sys.executable, "tools/validate_compose.py", "docker-compose.yml"])

    assert result.returncode == 0, result.stdout


def test_compose_spec_validation_catches_a_misspelt_condition(tmp_path):
    broken = broken_copy(
        tmp_path,
        "docker-compose.yml",
        "condition: service_completed_successfully",
        "condition: service_completed_ok",
    )

    result = run([sys.executable, "tools/validate_compose.py", broken])

    assert result.returncode == 1
    assert "depends_on/migrate/condition" in result.stdout


def compose_config(compose_file: Path, env_file: Path):
    return run(
        [COMPOSE, "-f", compose_file, "--env-file", env_file, "config", "-q"],
        env=clean_env(),
    )


def test_compose_config_accepts_the_env_example():
    result = compose_config(REPO / "docker-compose.yml", REPO / ".env.example")

    assert result.returncode == 0, result.stderr


def test_compose_config_stops_when_a_required_secret_is_missing(tmp_path):
    shutil.copy(REPO / "docker-compose.yml", tmp_path)
    env_file = tmp_path / "env"
    env_file.write_text(
        re.sub(
            r"^POSTGRES_PASSWORD=.*$",
            "POSTGRES_PASSWORD=",
            (REPO / ".env.example").read_text(),
            flags=re.MULTILINE,
        )
    )

    result = compose_config(tmp_path / "docker-compose.yml", env_file)

    assert result.returncode == 1
    assert "set POSTGRES_PASSWORD in .env" in result.stderr


def test_compose_config_catches_an_undeclared_volume(tmp_path):
    broken = broken_copy(
        tmp_path,
        "docker-compose.yml",
        "- s3data:/data",
        "- uploads:/data",
    )

    result = compose_config(broken, REPO / ".env.example")

    assert result.returncode == 1
    assert "uploads" in result.stderr


def test_nginx_accepts_the_proxy_configuration():
    if not shutil.which("nginx"):
        if os.environ.get("CI"):
            pytest.fail("CI installs nginx; it is missing")
        pytest.skip("nginx is not installed (apt-get install nginx)")

    result = run([sys.executable, ".ci/smoke_production.py", "--nginx-test"])

    assert result.returncode == 0, result.stdout
    assert "test is successful" in result.stdout


def env_names_read_by(path: str) -> set[str]:
    text = (REPO / path).read_text()
    return set(
        re.findall(
            r"(?:os\.environ\.get|env_bool|env_int|env_list)\(\s*\"(\w+)\"", text
        )
        + re.findall(r"os\.environ\[\"(\w+)\"\]", text)
        + re.findall(r"\$\{(\w+):[-?=]", text)
    )


def test_every_setting_is_in_env_example_and_the_readme():
    names = (
        env_names_read_by("newsroom/settings.py")
        | env_names_read_by("docker/gunicorn.conf.py")
        | env_names_read_by("docker/entrypoint.sh")
        | env_names_read_by("docker-compose.yml")
    ) - {"DJANGO_SETTINGS_MODULE"}  # fixed by the image, not an operator's choice
    example = (REPO / ".env.example").read_text()
    readme = (REPO / "README.md").read_text()

    missing_example = {
        name for name in names if not re.search(rf"^(# )?{name}=", example, re.M)
    }
    missing_readme = {name for name in names if f"`{name}`" not in readme}
    assert not missing_example, f"not in .env.example: {sorted(missing_example)}"
    assert not missing_readme, f"not in README: {sorted(missing_readme)}"


# --- backups (PostgreSQL) --------------------------------------------------------------


class PgAdmin:
    """Creates and drops scratch databases next to the test database."""

    def __init__(self, config):
        self.config = config

    def url(self, name: str) -> str:
        config = self.config
        password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
        host = config.get("HOST") or "127.0.0.1"
        port = config.get("PORT") or 5432
        return f"postgres://{config['USER']}{password}@{host}:{port}/{name}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        with psycopg.connect(self.url(database), autocommit=True) as connection:
            connection.execute(sql)


@pytest.fixture(scope="module")
def pg_admin():
    return PgAdmin(settings.DATABASES["default"])


@pytest.fixture(scope="module")
def site(pg_admin, tmp_path_factory):
    """A migrated demo newsroom in its own database, as a host would run it.

    Shared by the backup tests to save a migrate and a seed each; every test leaves
    it as it found it (a restore gives back the same content).
    """
    name = f"{settings.DATABASES['default']['NAME']}_ops_{uuid4().hex[:8]}"
    pg_admin.execute(f"CREATE DATABASE {name}")
    tmp_path = tmp_path_factory.mktemp("site")
    media = tmp_path / "media"
    media.mkdir()
    env = clean_env(
        DATABASE_URL=pg_admin.url(name),
        DJANGO_MEDIA_ROOT=media,
        BACKUP_DIR=tmp_path / "backups",
        NEWSROOM_TASK_BACKEND="database",
    )
    for command in (["migrate", "--noinput"], ["seed_demo"]):
        result = run([sys.executable, "manage.py", *command], env)
        assert result.returncode == 0, result.stderr
    yield env
    pg_admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def content(env) -> str:
    result = run(
        [sys.executable, "manage.py", "dumpdata", "articles", "taggit", "auth.user"]
        + ["--indent", "1"],
        env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def files(env) -> dict[str, bytes]:
    root = Path(env["DJANGO_MEDIA_ROOT"])
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def backup(env) -> Path:
    result = run(["scripts/backup.sh"], env)
    assert result.returncode == 0, result.stderr
    return Path(re.search(r"^backup: (\S+)", result.stdout, re.M)[1])


@on_postgresql
def test_backup_wipe_and_restore_give_back_the_same_stories_and_files(site):
    stories, pictures = content(site), files(site)
    assert '"model": "articles.article"' in stories
    assert any(name.startswith("images/") for name in pictures)
    saved = backup(site)
    assert sorted(path.name for path in saved.iterdir()) == [
        "SHA256SUMS",
        "db.dump",
        "media.tar.gz",
    ]

    with psycopg.connect(site["DATABASE_URL"], autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        connection.execute("CREATE TABLE leftover (id int)")
    media = Path(site["DJANGO_MEDIA_ROOT"])
    shutil.rmtree(media)
    media.mkdir()
    (media / "stray.txt").write_text("not in the backup")
    assert run([sys.executable, "manage.py", "dumpdata", "articles"], site).returncode
    restored = run(["scripts/restore.sh", "--yes", saved], site)

    assert restored.returncode == 0, restored.stderr
    assert content(site) == stories
    assert files(site) == pictures
    with psycopg.connect(site["DATABASE_URL"]) as connection:
        tables = connection.execute(
            "SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'"
        ).fetchone()[0]
    assert tables == 0
    unapplied = run([sys.executable, "manage.py", "migrate", "--check"], site)
    assert unapplied.returncode == 0, unapplied.stdout


@on_postgresql
def test_restore_refuses_a_damaged_backup_and_changes_nothing(site):
    saved = backup(site)
    with (saved / "media.tar.gz").open("ab") as archive:
        archive.write(b"bit rot")
    stories, pictures = content(site), files(site)

    result = run(["scripts/restore.sh", "--yes", saved], site)

    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert content(site) == stories
    assert files(site) == pictures


@on_postgresql
def test_restore_asks_before_replacing_anything(site):
    saved = backup(site)

    result = run(["scripts/restore.sh", saved], site, stdin=subprocess.DEVNULL)

    assert result.returncode == 1
    assert "--yes" in result.stderr


@on_postgresql
def test_backup_keeps_only_the_newest_backups(site, tmp_path):
    backups = tmp_path / "backups"
    for stamp in ("20240101T000000Z", "20250101T000000Z"):
        (backups / stamp).mkdir(parents=True)
    (backups / "keep-me-not-a-backup").mkdir()

    newest = backup({**site, "BACKUP_DIR": str(backups), "BACKUP_KEEP": "2"})

    assert sorted(path.name for path in backups.iterdir()) == sorted(
        ["20250101T000000Z", newest.name, "keep-me-not-a-backup"]
    )


def test_backup_refuses_a_sqlite_site(tmp_path):
    env = clean_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")

    result = run(["scripts/backup.sh"], env)

    assert result.returncode == 1
    assert "not a PostgreSQL URL" in result.stderr


def test_make_has_backup_and_restore_targets():
    result = run(["make", "-n", "backup", "restore", "BACKUP=backups/x"])

    assert result.returncode == 0, result.stderr
    assert "scripts/backup.sh" in result.stdout
    assert "scripts/restore.sh" in result.stdout
