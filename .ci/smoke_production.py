"""Production smoke test on the host: what the containers run, with nginx in front.

    uv run python .ci/smoke_production.py              # the whole smoke test
    uv run python .ci/smoke_production.py --nginx-test # only `nginx -t` on the proxy config

No Docker engine runs here, so this takes the commands from the real files and runs
them on the host:

- the build context is the repository minus .dockerignore; the runtime venv is made
  with the build stage's `uv sync --locked --no-dev`; the final stage's RUN
  (collectstatic, ...) runs in it; ENTRYPOINT, CMD, ENV and HEALTHCHECK come from the
  Dockerfile; the services' commands and environment from `docker compose config` with
  an .env made from .env.example;
- app processes run as UID 10001 like the image (when started as root);
- a throwaway PostgreSQL 15 cluster on a free port (never the shared server), Redis on
  127.0.0.1:6379 in its own database number, SeaweedFS (the s3 service's start script)
  on free ports for the media bucket, nginx with the compose proxy's template.

Then it checks /healthz, pages, a hashed static file, a media file, the admin login
and the upload cap through nginx, and restarts PostgreSQL: /healthz must go 503 and
come back to 200 by itself, and pages must serve again from the same gunicorn.
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import compose
from dockerfile_parse import DockerfileParser

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests import seaweed  # noqa: E402  the tests' S3 server, compose's own start script

PG_BIN = Path(os.environ.get("SMOKE_PG_BIN", "/usr/lib/postgresql/15/bin"))
REDIS_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/13")
COMPOSE_BIN = Path(compose.__file__).with_name("docker-compose")
SITE = "news.example.org"
APP_UID = 10001
IMAGE_ROOT = "/app"
IMAGE_VENV = "/opt/venv"
TIMINGS: list[tuple[str, float]] = []


class SmokeFailure(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)
    print(f"  ok  {message}")


@contextlib.contextmanager
def phase(name: str):
    print(f"\n--- {name}", flush=True)
    started = time.monotonic()
    yield
    TIMINGS.append((name, time.monotonic() - started))


def free_port(start: int) -> int:
    for port in range(start, start + 200):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SmokeFailure(f"no free port from {start}")


def run(cmd, *, check_rc=True, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if check_rc and result.returncode != 0:
        raise SmokeFailure(
            f"{' '.join(map(str, cmd))} exited {result.returncode}\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result


# --- the image, rebuilt on the host ------------------------------------------------


def dockerignore_patterns() -> list[tuple[bool, re.Pattern]]:
    patterns = []
    for line in (REPO / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        glob = line.lstrip("!").strip("/")
        regex = ""
        i = 0
        while i < len(glob):
            if glob.startswith("**/", i):
                regex += "(?:.*/)?"
                i += 3
            elif glob.startswith("**", i):
                regex += ".*"
                i += 2
            elif glob[i] == "*":
                regex += "[^/]*"
                i += 1
            elif glob[i] == "?":
                regex += "[^/]"
                i += 1
            else:
                regex += re.escape(glob[i])
                i += 1
        # A pattern that names a directory excludes everything below it.
        patterns.append((negate, re.compile(f"^{regex}(?:/.*)?$")))
    return patterns


def in_build_context(path: str, patterns) -> bool:
    included = True
    for negate, pattern in patterns:
        if pattern.match(path):
            included = negate
    return included


def copy_build_context(app_dir: Path) -> int:
    listed = run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
    ).stdout.split("\0")
    patterns = dockerignore_patterns()
    copied = 0
    for name in filter(None, listed):
        source = REPO / name
        if not source.is_file() or not in_build_context(name, patterns):
            continue
        target = app_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        copied += 1
    return copied


class Image:
    """The final stage of the Dockerfile, translated to host paths."""

    def __init__(self, app_dir: Path, venv_dir: Path):
        self.app_dir = app_dir
        self.venv_dir = venv_dir
        parser = DockerfileParser(path=str(REPO / "Dockerfile"))
        structure = parser.structure
        last_from = max(
            i for i, item in enumerate(structure) if item["instruction"] == "FROM"
        )
        self.final = structure[last_from:]
        self.build = structure[:last_from]
        self.env = {}
        for item in self.final:
            if item["instruction"] == "ENV":
                self.env.update(self._env_pairs(item["value"]))

    @staticmethod
    def _env_pairs(value: str) -> dict:
        pairs = re.findall(r'(\w+)=("[^"]*"|\S+)', value)
        return {key: raw.strip('"') for key, raw in pairs}

    def host_path(self, text: str) -> str:
        text = re.sub(rf"{IMAGE_VENV}(?=/|\b)", str(self.venv_dir), text)
        return re.sub(rf"(?<![\w/]){IMAGE_ROOT}(?=/|\b)", str(self.app_dir), text)

    def exec_form(self, instruction: str) -> list[str]:
        values = [i["value"] for i in self.final if i["instruction"] == instruction]
        return [self.host_path(part) for part in json.loads(values[-1])]

    def build_runs(self) -> list[str]:
        return [i["value"] for i in self.build if i["instruction"] == "RUN"]

    def final_runs(self) -> list[str]:
        return [i["value"] for i in self.final if i["instruction"] == "RUN"]

    def healthcheck(self) -> list[str]:
        value = [i["value"] for i in self.final if i["instruction"] == "HEALTHCHECK"][
            -1
        ]
        return json.loads(value.split("CMD", 1)[1].strip())

    def environment(self) -> dict:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "NEWSROOM_"))
            and key not in {"VIRTUAL_ENV", "PYTHONPATH", "WEB_CONCURRENCY"}
        }
        for key, value in self.env.items():
            value = value.replace("$PATH", os.environ.get("PATH", ""))
            env[key] = self.host_path(value)
        env["HOME"] = str(self.app_dir)
        env["LD_LIBRARY_PATH"] = str(self.venv_dir.parent / "python" / "lib")
        return env


def copy_interpreter(workdir: Path) -> Path:
    """A private copy of this Python, like the image's /usr/local one.

    The host's interpreter may live where the app's UID cannot reach it (pyenv under
    /root); the copy is world-readable. Its RUNPATH still names the original, so the
    app's environment sets LD_LIBRARY_PATH to the copy's lib/.
    """
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    target = workdir / "python"
    (target / "bin").mkdir(parents=True)
    shutil.copy2(base / "bin" / version, target / "bin" / version)
    (target / "lib").mkdir()
    for library in (base / "lib").glob("libpython*"):
        shutil.copy2(library, target / "lib" / library.name, follow_symlinks=False)
    shutil.copytree(
        base / "lib" / version,
        target / "lib" / version,
        symlinks=True,
        ignore=shutil.ignore_patterns("test", "site-packages", "idlelib", "tkinter"),
    )
    (target / "lib" / version / "site-packages").mkdir()
    return target / "bin" / version


def make_runtime_venv(workdir: Path, image: Image) -> None:
    """The build stage: the locked dependencies without the dev group."""
    python = copy_interpreter(workdir)
    src = workdir / "build-src"
    src.mkdir()
    for name in ("pyproject.toml", "uv.lock", ".python-version"):
        shutil.copy2(REPO / name, src / name)
    sync = next(run_ for run_ in image.build_runs() if "uv sync" in run_)
    env = {
        **{k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"},
        "UV_PROJECT_ENVIRONMENT": str(image.venv_dir),
        "UV_PYTHON": str(python),
        "UV_PYTHON_DOWNLOADS": "never",
        # The image precompiles; here that would only cost time.
        "UV_COMPILE_BYTECODE": "0",
    }
    run(["sh", "-c", sync], cwd=src, env=env)


# --- services -------------------------------------------------------------------------


class Postgres:
    """A throwaway cluster: the shared server on 5432 is never touched."""

    def __init__(self, workdir: Path):
        self.data = workdir / "pgdata"
        self.log = workdir / "postgres.log"
        self.port = free_port(55432)
        self.password = secrets.token_hex(16)
        self.as_root = os.geteuid() == 0

    def _as_owner(self, cmd: list) -> list:
        return (
            ["runuser", "-u", "postgres", "--", *map(str, cmd)] if self.as_root else cmd
        )

    def init(self) -> None:
        self.data.mkdir()
        pwfile = self.data.parent / "pgpass"
        pwfile.write_text(self.password + "\n")
        if self.as_root:
            shutil.chown(self.data, "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
            self.log.touch()
            shutil.chown(self.log, "postgres", "postgres")
        run(
            self._as_owner(
                [
                    PG_BIN / "initdb",
                    "--pgdata",
                    self.data,
                    "--username",
                    "postgres",
                    "--pwfile",
                    pwfile,
                    "--auth-local",
                    "trust",
                    "--auth-host",
                    "scram-sha-256",
                    "--encoding",
                    "UTF8",
                    "--no-sync",
                ]
            )
        )
        pwfile.unlink()

    def start(self) -> None:
        options = (
            f"-c port={self.port} -c listen_addresses=127.0.0.1 "
            "-c unix_socket_directories='' -c fsync=off -c full_page_writes=off"
        )
        run(
            self._as_owner(
                [PG_BIN / "pg_ctl", "-D", self.data, "-l", self.log, "-o", options]
                + ["-w", "-t", "30", "start"]
            )
        )

    def stop(self) -> None:
        run(
            self._as_owner([PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w"])
            + ["stop"],
            check_rc=False,
        )

    def url(self, database: str) -> str:
        return f"postgres://postgres:{self.password}@127.0.0.1:{self.port}/{database}"

    def createdb(self, name: str) -> None:
        run(
            ["psql", self.url("postgres"), "-v", "ON_ERROR_STOP=1", "-qc"]
            + [f"CREATE DATABASE {name}"]
        )


def redis_flush() -> None:
    number = REDIS_URL.rsplit("/", 1)[-1]
    run(["redis-cli", "-n", number, "FLUSHDB"])


def compose_services(project: Path, env_file: Path) -> dict:
    result = run(
        [
            COMPOSE_BIN,
            "--project-directory",
            project,
            "-f",
            project / "docker-compose.yml",
            "--env-file",
            env_file,
            "config",
            "--format",
            "json",
        ]
    )
    return json.loads(result.stdout)["services"]


def dotenv_from_example(values: dict) -> str:
    lines = []
    for line in (REPO / ".env.example").read_text().splitlines():
        key = line.split("=", 1)[0]
        if not line.startswith("#") and "=" in line and key in values:
            line = f"{key}={values.pop(key)}"
        lines.append(line)
    lines += [f"{key}={value}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def render_proxy_template(variables: dict) -> str:
    """What the nginx image's envsubst step does with NGINX_ENVSUBST_FILTER=^PROXY_."""
    template = (REPO / "docker/nginx/templates/default.conf.template").read_text()
    rendered = re.sub(
        r"\$\{(PROXY_\w+)\}|\$(PROXY_\w+)",
        lambda m: variables[m[1] or m[2]],
        template,
    )
    return rendered


def nginx_main_conf(prefix: Path) -> str:
    """The host's stand-in for the nginx image's /etc/nginx/nginx.conf."""
    return f"""
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log notice;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    include {prefix}/conf.d/*.conf;
}}
"""


def write_nginx(prefix: Path, variables: dict) -> Path:
    (prefix / "conf.d").mkdir(parents=True)
    (prefix / "temp").mkdir()
    (prefix / "conf.d/default.conf").write_text(render_proxy_template(variables))
    main = prefix / "nginx.conf"
    main.write_text(nginx_main_conf(prefix))
    return main


def nginx_test() -> int:
    """`nginx -t` on the proxy configuration as the container renders it."""
    services = compose_services(REPO, REPO / ".env.example")
    variables = {
        key: value
        for key, value in services["proxy"]["environment"].items()
        if key.startswith("PROXY_")
    }
    # nginx resolves upstream names while testing; `varnish` exists only in compose.
    for name in ("PROXY_UPSTREAM", "PROXY_APP_UPSTREAM", "PROXY_MEDIA_UPSTREAM"):
        variables[name] = variables[name].replace("varnish:", "127.0.0.1:")
        variables[name] = variables[name].replace("web:", "127.0.0.1:")
        variables[name] = variables[name].replace("s3:", "127.0.0.1:")
    with tempfile.TemporaryDirectory(prefix="nginx-test-") as tmp:
        main = write_nginx(Path(tmp), variables)
        result = subprocess.run(
            ["nginx", "-t", "-p", tmp, "-c", str(main)],
            capture_output=True,
            text=True,
        )
    print(result.stderr.strip())
    return result.returncode


# --- HTTP -------------------------------------------------------------------------


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name: str) -> str:
        return ", ".join(v for k, v in self.headers if k.lower() == name.lower())

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def request(port, path, *, method="GET", headers=None, body=None, https=True):
    base = {"Host": SITE, "Accept-Encoding": "identity"}
    if https:
        base["X-Forwarded-Proto"] = "https"
    base.update(headers or {})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        connection.request(method, path, body=body, headers=base)
        response = connection.getresponse()
        return Response(response.status, response.getheaders(), response.read())
    finally:
        connection.close()


def wait_for(predicate, timeout: float, what: str) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(0.25)
    raise SmokeFailure(f"timed out after {timeout:.0f} s waiting for {what}")


def healthz_status(port) -> int:
    try:
        return request(port, "/healthz").status
    except OSError:
        return 0


def child_pids(pid: int) -> set[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return (
        {int(p) for p in children.read_text().split()} if children.exists() else set()
    )


# --- the smoke test ------------------------------------------------------------------


class Smoke:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.app_dir = workdir / "app"
        self.venv_dir = workdir / "venv"
        self.project_dir = workdir / "project"
        self.image = Image(self.app_dir, self.venv_dir)
        self.postgres = Postgres(workdir)
        self.web_port = free_port(18000)
        self.proxy_port = free_port(18080)
        self.varnish_port = free_port(18090)
        self.processes: dict[str, subprocess.Popen] = {}
        self.nginx_prefix = workdir / "nginx"
        self.nginx_started = False
        self.as_root = os.geteuid() == 0
        self.stack = contextlib.ExitStack()
        self.s3 = None

    # processes as the image runs them
    def app_command(self, command: list[str]) -> list[str]:
        full = self.image.exec_form("ENTRYPOINT") + command
        if self.as_root:
            return [
                "setpriv",
                f"--reuid={APP_UID}",
                f"--regid={APP_UID}",
                "--clear-groups",
                *full,
            ]
        return full

    def run_app(self, command, **kwargs):
        return run(self.app_command(command), cwd=self.app_dir, env=self.env, **kwargs)

    def spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        log = open(self.workdir / f"{name}.log", "w")
        process = subprocess.Popen(
            self.app_command(command),
            cwd=self.app_dir,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = process
        return process

    def log(self, name: str) -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop_all(self) -> None:
        if self.nginx_started:
            subprocess.run(
                [
                    "nginx",
                    "-p",
                    str(self.nginx_prefix),
                    "-c",
                    "nginx.conf",
                    "-s",
                    "quit",
                ],
                capture_output=True,
                check=False,
            )
        for process in self.processes.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.postgres.stop()
        self.stack.close()
        if getattr(self, "varnish_workdir", None):
            shutil.rmtree(self.varnish_workdir, ignore_errors=True)
        with contextlib.suppress(subprocess.SubprocessError, SmokeFailure):
            redis_flush()

    # phases
    def build_image(self) -> None:
        with phase(
            "build: context, runtime venv (uv sync --locked --no-dev), final RUN"
        ):
            copied = copy_build_context(self.app_dir)
            check(
                copied > 20,
                f"build context copied ({copied} files, .dockerignore applied)",
            )
            check(
                not (self.app_dir / "tests").exists()
                and not (self.app_dir / ".env").exists(),
                "tests/ and .env stay out of the build context",
            )
            make_runtime_venv(self.workdir, self.image)
            check(
                not (self.venv_dir / "bin/pytest").exists(),
                "runtime venv has no dev tools (no pytest)",
            )
            env = self.image.environment()
            for command in self.image.final_runs():
                command = self.image.host_path(command)
                if not self.as_root:
                    command = re.sub(r"&& chown \S+ \S+", "", command)
                if "groupadd" in command:
                    continue  # the image's user; here setpriv uses the bare UID
                run(["sh", "-c", command], cwd=self.app_dir, env=env)
            manifest = self.app_dir / "staticfiles/staticfiles.json"
            check(
                manifest.exists(),
                "collectstatic wrote the hashed manifest at build time",
            )
            for path in (self.workdir, self.app_dir):
                path.chmod(0o755)

    def configure(self) -> None:
        with phase("configure: .env from .env.example, docker compose config"):
            self.project_dir.mkdir()
            shutil.copy2(REPO / "docker-compose.yml", self.project_dir)
            env_values = {
                "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
                "POSTGRES_PASSWORD": self.postgres.password,
                "POSTGRES_USER": "postgres",
                "DJANGO_ALLOWED_HOSTS": SITE,
                "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://{SITE}",
                "WEB_CONCURRENCY": "2",
                "DB_WAIT_SECONDS": "20",
                "VARNISH_PURGE_TOKEN": secrets.token_urlsafe(24),
                "AWS_ACCESS_KEY_ID": seaweed.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY": seaweed.SECRET_KEY,
                "AWS_S3_CUSTOM_DOMAIN": f"{SITE}/media",
            }
            env_file = self.project_dir / ".env"
            env_file.write_text(dotenv_from_example(env_values))
            services = compose_services(self.project_dir, env_file)
            self.services = services
            web_env = services["web"]["environment"]
            check(
                web_env["DJANGO_DEBUG"] == "0", "compose runs web with DJANGO_DEBUG=0"
            )
            check(
                services["worker"]["environment"]["NEWSROOM_TASK_BACKEND"]
                == "database",
                "compose runs the worker on the database task backend",
            )
            check(
                web_env["NEWSROOM_MEDIA_STORAGE"] == "s3"
                and web_env["AWS_S3_ENDPOINT_URL"] == "http://s3:8333",
                "compose keeps pictures in the s3 service's bucket",
            )
            self.bucket = web_env["AWS_STORAGE_BUCKET_NAME"]
            self.s3 = self.stack.enter_context(
                seaweed.running_seaweedfs(public_bucket=self.bucket)
            )
            check(True, f"SeaweedFS S3 at {self.s3.endpoint} (docker/s3/start.sh)")
            # The host stands in for the compose network: these addresses differ.
            host_overrides = {
                "DATABASE_URL": self.postgres.url("newsroom"),
                "REDIS_URL": REDIS_URL,
                "AWS_S3_ENDPOINT_URL": self.s3.endpoint,
                "GUNICORN_BIND": f"127.0.0.1:{self.web_port}",
                "FORWARDED_ALLOW_IPS": "127.0.0.1",
                "NEWSROOM_TRUSTED_PROXIES": "127.0.0.1/32",
                "NEWSROOM_VARNISH_URLS": f"http://127.0.0.1:{self.varnish_port}",
            }
            print("  host stands in for compose:", ", ".join(sorted(host_overrides)))
            self.env = {**self.image.environment(), **web_env, **host_overrides}

    def database(self) -> None:
        with phase("database: throwaway PostgreSQL cluster, migrate service"):
            self.postgres.init()
            self.postgres.start()
            self.postgres.createdb("newsroom")
            redis_flush()
            check(
                True, f"PostgreSQL on 127.0.0.1:{self.postgres.port}, Redis {REDIS_URL}"
            )
            self.run_app(self.services["s3-bucket"]["command"])
            check(
                self.s3.client().head_bucket(Bucket=self.bucket) is not None,
                "s3-bucket job: " + " ".join(self.services["s3-bucket"]["command"]),
            )
            self.run_app(self.services["migrate"]["command"])
            check(
                True,
                "migrate service: " + " ".join(self.services["migrate"]["command"]),
            )
            self.run_app(["python", "manage.py", "seed_demo"])
            password = secrets.token_urlsafe(16)
            self.admin_password = password
            run(
                self.app_command(
                    ["python", "manage.py", "createsuperuser", "--noinput"]
                    + ["--username", "chief", "--email", "chief@example.org"]
                ),
                cwd=self.app_dir,
                env={**self.env, "DJANGO_SUPERUSER_PASSWORD": password},
            )
            check(
                True, "seed_demo and createsuperuser ran (the documented first deploy)"
            )

    def start_web(self) -> None:
        with phase("web: gunicorn (image CMD), worker, nginx (proxy template)"):
            command = self.image.exec_form("CMD")
            check(
                command == self.services["web"]["command"],
                "compose web command is the image's CMD",
            )
            self.spawn("web", command)
            probe = self.image.healthcheck()
            probe_env = {
                **self.env,
                "HEALTHCHECK_URL": f"http://127.0.0.1:{self.web_port}/healthz",
            }

            def healthy():
                if self.processes["web"].poll() is not None:
                    raise SmokeFailure("gunicorn exited:\n" + self.log("web")[-3000:])
                return (
                    subprocess.run(
                        probe, cwd=self.app_dir, env=probe_env, capture_output=True
                    ).returncode
                    == 0
                )

            took = wait_for(healthy, 60, "the image HEALTHCHECK to pass")
            check(
                True, f"image HEALTHCHECK ({' '.join(probe)}) passes after {took:.1f} s"
            )
            workers = child_pids(self.processes["web"].pid)
            check(
                len(workers) == 2,
                f"gunicorn runs WEB_CONCURRENCY=2 workers {sorted(workers)}",
            )
            if self.as_root:
                uids = {
                    int(
                        next(
                            line
                            for line in Path(f"/proc/{pid}/status")
                            .read_text()
                            .splitlines()
                            if line.startswith("Uid:")
                        ).split()[1]
                    )
                    for pid in workers
                }
                check(uids == {APP_UID}, f"gunicorn workers run as UID {APP_UID}")

            # The worker makes seed_demo's renditions while the pages are checked.
            self.spawn("worker", self.services["worker"]["command"])

            self.start_varnish()

            variables = {
                key: value
                for key, value in self.services["proxy"]["environment"].items()
                if key.startswith("PROXY_")
            }
            check(
                variables["PROXY_UPSTREAM"] == "varnish:6081"
                and variables["PROXY_APP_UPSTREAM"] == "web:8000",
                "compose proxy sends reads to varnish, forms and the admin to web",
            )
            variables.update(
                PROXY_LISTEN=f"127.0.0.1:{self.proxy_port}",
                PROXY_UPSTREAM=f"127.0.0.1:{self.varnish_port}",
                PROXY_APP_UPSTREAM=f"127.0.0.1:{self.web_port}",
                PROXY_MEDIA_UPSTREAM=self.s3.endpoint.split("//", 1)[1],
            )
            main = write_nginx(self.nginx_prefix, variables)
            run(["nginx", "-t", "-q", "-p", str(self.nginx_prefix), "-c", str(main)])
            run(["nginx", "-p", str(self.nginx_prefix), "-c", str(main)])
            self.nginx_started = True
            wait_for(lambda: healthz_status(self.proxy_port) == 200, 15, "nginx")
            check(True, f"nginx in front on 127.0.0.1:{self.proxy_port}")

    def start_varnish(self) -> None:
        """The compose varnish service: its entrypoint script and environment."""
        service = self.services["varnish"]
        check(
            service["entrypoint"] == ["/bin/sh", "/etc/varnish/newsroom/start.sh"]
            and service["environment"]["VARNISH_BACKEND_HOST"] == "web"
            and service["environment"]["VARNISH_BACKEND_PORT"] == "8000",
            "compose varnish runs docker/varnish/start.sh in front of web:8000",
        )
        # varnishd compiles the VCL as an unprivileged user: a folder it may enter.
        workdir = Path(tempfile.mkdtemp(prefix="newsroom-smoke-varnish-"))
        workdir.chmod(0o755)
        self.varnish_workdir = workdir
        env = {
            **os.environ,
            "PATH": f"{os.environ.get('PATH', '')}:/usr/sbin",
            **service["environment"],
            "VARNISH_BACKEND_HOST": "127.0.0.1",
            "VARNISH_BACKEND_PORT": str(self.web_port),
            "VARNISH_LISTEN": f"127.0.0.1:{self.varnish_port}",
            "VARNISH_WORKDIR": str(workdir),
        }
        log = open(self.workdir / "varnish.log", "w")
        self.processes["varnish"] = subprocess.Popen(
            ["/bin/sh", str(REPO / "docker/varnish/start.sh")],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

        def listening():
            if self.processes["varnish"].poll() is not None:
                raise SmokeFailure("varnishd exited:\n" + self.log("varnish")[-3000:])
            try:
                socket.create_connection(("127.0.0.1", self.varnish_port), 0.5).close()
            except OSError:
                return False
            return True

        took = wait_for(listening, 30, "varnishd to listen")
        check(True, f"varnish in front of gunicorn after {took:.1f} s")

    def pages(self) -> None:
        port = self.proxy_port
        with phase("through nginx: health, pages, static, media, admin, upload cap"):
            health = request(port, "/healthz")
            check(health.status == 200, "/healthz answers 200")
            check(
                json.loads(health.body)
                == {"status": "ok", "database": "ok", "cache": "ok"},
                f"/healthz reports database and cache ok: {health.text}",
            )
            check(
                "no-store" in health.header("Cache-Control")
                and "max-age=0" in health.header("Cache-Control"),
                f"/healthz is never cached ({health.header('Cache-Control')})",
            )
            through = request(port, "/")
            check(
                through.header("X-Cache") in {"hit", "miss"},
                f"pages come through varnish (X-Cache: {through.header('X-Cache')})",
            )
            outside_purge = request(
                port, "/", method="PURGE", headers={"xkey-purge": "home"}
            )
            check(outside_purge.status == 405, "nginx refuses PURGE from outside")
            plain = request(port, "/healthz", https=False)
            check(plain.status == 200, "/healthz is exempt from the HTTPS redirect")

            redirect = request(port, "/", https=False)
            check(
                redirect.status == 301
                and redirect.header("Location") == f"https://{SITE}/",
                "plain HTTP to a page redirects to https://",
            )

            home = request(port, "/", headers={"Accept-Encoding": "gzip"})
            check(home.status == 200, "home page 200 over the forwarded https scheme")
            check(home.header("Content-Encoding") == "gzip", "nginx gzips the HTML")
            check(
                "max-age=31536000" in home.header("Strict-Transport-Security"),
                "HSTS header on pages",
            )
            check(
                home.header("X-Content-Type-Options") == "nosniff", "nosniff on pages"
            )
            check(home.header("Server") == "nginx", "nginx hides its version")
            home = request(port, "/")
            story_path = re.search(r'href="(/story/[\w-]+/)"', home.text)
            check(story_path is not None, "home page links to stories")
            css_path = re.search(
                r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home.text
            )
            check(css_path is not None, "home page links a hashed stylesheet")

            story = request(port, story_path[1])
            check(
                story.status == 200 and "<h1" in story.text,
                f"story {story_path[1]} 200",
            )
            media_path = re.search(
                r"(/media/[\w/.-]+\.(?:jpe?g|webp|avif|png))", story.text
            )
            check(media_path is not None, "the story shows a media file")

            css = request(port, css_path[1], headers={"Accept-Encoding": "br, gzip"})
            check(css.status == 200, f"static {css_path[1]} 200")
            check(
                css.header("Content-Encoding") in {"br", "gzip"},
                f"static file compressed ({css.header('Content-Encoding')})",
            )
            check(
                css.header("Cache-Control") == "max-age=315360000, public, immutable",
                "hashed static file cached for ten years, immutable",
            )
            check(
                css.header("Content-Type").startswith("text/css"),
                "static file is text/css",
            )

            media = request(port, media_path[1])
            in_bucket = (
                self.s3.client()
                .get_object(
                    Bucket=self.bucket, Key=media_path[1].removeprefix("/media/")
                )["Body"]
                .read()
            )
            check(
                media.status == 200 and media.body == in_bucket,
                f"media {media_path[1]} 200, the bucket's object",
            )
            expected_type = {
                "jpg": "image/jpeg",
                "jpeg": "image/jpeg",
                "webp": "image/webp",
                "avif": "image/avif",
                "png": "image/png",
            }[media_path[1].rsplit(".", 1)[1]]
            check(
                media.header("Content-Type") == expected_type,
                f"media is {expected_type}",
            )
            check(
                media.header("Cache-Control") == "public, max-age=2592000",
                "media cached for 30 days",
            )
            check(media.header("X-Content-Type-Options") == "nosniff", "media nosniff")
            check(
                "sandbox" in media.header("Content-Security-Policy"), "media sandboxed"
            )
            direct = request(self.web_port, media_path[1])
            check(direct.status == 404, "gunicorn does not serve media (nginx does)")
            check(
                f"https://{SITE}/media/" in story.text,
                "pages link pictures at the public address (AWS_S3_CUSTOM_DOMAIN)",
            )
            listing = request(port, "/media/images/")
            check(
                listing.status in {403, 404}, f"no directory listing ({listing.status})"
            )
            hidden = request(port, "/media/.restore.x/secret.jpg")
            check(hidden.status == 404, "dot paths under /media are not served")
            missing = request(port, "/media/images/missing.jpg")
            check(
                missing.status == 404
                and "max-age" not in missing.header("Cache-Control"),
                "a missing media file is a 404 no cache keeps",
            )

            self.admin_login(port)

            too_big = request(
                port,
                "/admin/login/",
                method="POST",
                headers={"Content-Length": str(26 * 1024 * 1024 + 1)},
                body=b"",
            )
            check(
                too_big.status == 413 and "25 MB" in too_big.text,
                "bodies over 26 MB (image cap + form) stop at nginx with a clear 413",
            )
            allowed = request(port, "/healthz", method="POST", body=b"x" * 1024 * 1024)
            check(
                allowed.status == 403 and "CSRF" in allowed.text,
                "a 1 MB body passes nginx and reaches Django (its CSRF check answers)",
            )

            access = self.log("web")
            check(
                '"GET /healthz HTTP/1.1" 200' in access, "gunicorn access log on stdout"
            )

    def admin_login(self, port) -> None:
        login = request(port, "/admin/login/")
        check(login.status == 200, "admin login page 200")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)[1]
        cookie = re.search(r"csrftoken=([^;]+)", login.header("Set-Cookie"))
        check(
            cookie is not None and "Secure" in login.header("Set-Cookie"),
            "CSRF cookie is Secure",
        )
        form = urlencode(
            {
                "csrfmiddlewaretoken": token,
                "username": "chief",
                "password": self.admin_password,
                "next": "/admin/",
            }
        )
        posted = request(
            port,
            "/admin/login/",
            method="POST",
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie[1]}",
                "Origin": f"https://{SITE}",
                "Referer": f"https://{SITE}/admin/login/",
            },
        )
        check(posted.status == 302, f"admin login through the proxy ({posted.status})")
        session = posted.header("Set-Cookie")
        check(
            "sessionid=" in session and "Secure" in session and "HttpOnly" in session,
            "session cookie is Secure and HttpOnly",
        )
        session_id = re.search(r"sessionid=([^;]+)", session)[1]
        csrf_cookie = re.search(r"csrftoken=([^;]+)", session)
        cookies = f"sessionid={session_id}; csrftoken={(csrf_cookie or cookie)[1]}"
        held = request(port, "/admin/", headers={"Cookie": cookies})
        check(
            held.status == 302
            and held.header("Location").startswith("/admin/two-factor/enrol/"),
            "with 2FA on (production default) the admin first asks a superuser to enrol",
        )
        self.enrol_second_factor(port, held.header("Location"), cookies)
        admin = request(port, "/admin/", headers={"Cookie": cookies})
        check(admin.status == 200, "the admin opens after login and second factor")

    def enrol_second_factor(self, port, enrol_path: str, cookies: str) -> None:
        """What a person does: scan the QR code (here: read the key under it), type the
        app's code. The code comes from django-otp's own TOTP, as an app makes it."""
        from base64 import b32decode

        from django_otp.oath import TOTP

        enrol = request(port, enrol_path, headers={"Cookie": cookies})
        check(
            enrol.status == 200 and "<svg" in enrol.text,
            "enrolment page with a server-rendered QR code",
        )
        secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', enrol.text)[1]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', enrol.text)[1]
        generator = TOTP(b32decode(secret.replace(" ", "")))
        generator.time = time.time()
        form = urlencode(
            {
                "csrfmiddlewaretoken": token,
                "code": f"{generator.token():06d}",
                "next": "/admin/",
            }
        )
        confirmed = request(
            port,
            enrol_path,
            method="POST",
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookies,
                "Origin": f"https://{SITE}",
                "Referer": f"https://{SITE}{enrol_path}",
            },
        )
        check(
            confirmed.status == 302
            and confirmed.header("Location").startswith("/admin/two-factor/recovery"),
            f"authenticator enrolled with its code ({confirmed.status})",
        )
        codes = request(port, confirmed.header("Location"), headers={"Cookie": cookies})
        check(
            codes.text.count("<li><code>") == 10,
            "ten recovery codes shown once after enrolment",
        )

    def database_restart(self) -> None:
        port = self.proxy_port
        web = self.processes["web"]
        workers_before = child_pids(web.pid)
        with phase("PostgreSQL restart: 503, then 200 by itself, same gunicorn"):
            # Every worker holds a persistent connection before the restart.
            statuses = {request(port, "/").status for _ in range(8)}
            check(statuses == {200}, "8 pages before the restart")
            self.postgres.stop()
            stopped = time.monotonic()
            check(
                healthz_status(port) == 503,
                "/healthz says 503 while PostgreSQL is down",
            )
            probe_env = {
                **self.env,
                "HEALTHCHECK_URL": f"http://127.0.0.1:{self.web_port}/healthz",
            }
            probe = subprocess.run(
                self.image.healthcheck(),
                cwd=self.app_dir,
                env=probe_env,
                capture_output=True,
            )
            check(probe.returncode == 1, "the image HEALTHCHECK fails while it is down")
            cached_page = request(port, "/")
            check(
                cached_page.status == 200 and "<html" in cached_page.text,
                f"readers still get the home page from the cache ({cached_page.status})",
            )
            never_cached = request(port, f"/search/?q=outage-{secrets.token_hex(4)}")
            check(
                never_cached.status >= 500,
                f"a page nobody cached fails cleanly meanwhile ({never_cached.status})",
            )
            time.sleep(2)
            self.postgres.start()
            recovered = wait_for(
                lambda: healthz_status(port) == 200, 30, "/healthz 200"
            )
            print(
                f"  PostgreSQL down {time.monotonic() - stopped - recovered:.1f} s; "
                f"/healthz back to 200 {recovered:.2f} s after it restarted"
            )
            check(True, "/healthz back to 200 without touching gunicorn")
            for path in ["/", *self.story_paths()]:
                response = request(port, path)
                check(response.status == 200, f"{path} 200 after the restart")
            check(web.poll() is None, "gunicorn master kept running (same PID)")
            check(
                child_pids(web.pid) == workers_before,
                "no gunicorn worker was restarted",
            )

            worker = self.processes["worker"]
            if worker.poll() is not None:
                # compose's restart: unless-stopped does exactly this.
                print(
                    f"  worker exited {worker.returncode} when the database went away; "
                    "restarting it as compose's restart policy does"
                )
                self.spawn("worker", self.services["worker"]["command"])
                time.sleep(3)
            check(
                self.processes["worker"].poll() is None,
                "worker running after the restart",
            )

    def task_counts(self) -> dict[str, int]:
        result = run(
            [
                "psql",
                self.postgres.url("newsroom"),
                "-Atc",
                # Renditions only: purge retries share the queue.
                "SELECT status, count(*) FROM django_tasks_database_dbtaskresult "
                "WHERE task_path = 'articles.tasks.make_renditions' GROUP BY status",
            ]
        )
        return {
            status: int(count)
            for status, count in (
                line.split("|") for line in result.stdout.splitlines() if line
            )
        }

    def wait_for_tasks(self, enough: int = 3) -> None:
        """The worker makes seed_demo's queued renditions, and nginx serves them.

        A few finished tasks prove the worker; the rest of the queue keeps it busy
        through the database restart, as a real outage would.
        """

        def progressed():
            if self.processes["worker"].poll() is not None:
                raise SmokeFailure("the worker exited:\n" + self.log("worker")[-3000:])
            counts = self.task_counts()
            queued = counts.get("READY", 0) + counts.get("RUNNING", 0)
            return counts.get("SUCCESSFUL", 0) >= enough or (counts and not queued)

        took = wait_for(progressed, 180, f"the worker to finish {enough} tasks")
        counts = self.task_counts()
        command = " ".join(self.services["worker"]["command"])
        check(
            counts.get("SUCCESSFUL", 0) > 0 and not counts.get("FAILED"),
            f"worker ({command}) makes renditions ({took:.1f} s more): {counts}",
        )
        renditions = {
            url
            for path in ["/", *self.story_paths()]
            for url in re.findall(
                r"(/media/renditions/[\w/.-]+\.(?:webp|avif|jpe?g))",
                request(self.proxy_port, path).text,
            )
        }
        check(
            bool(renditions), f"pages use the worker's renditions ({len(renditions)})"
        )
        served = request(self.proxy_port, sorted(renditions)[0])
        check(
            served.status == 200 and served.header("Content-Type").startswith("image/"),
            f"nginx serves a rendition the worker wrote ({served.header('Content-Type')})",
        )

    def story_paths(self) -> list[str]:
        home = request(self.proxy_port, "/")
        return sorted(set(re.findall(r'href="(/story/[\w-]+/)"', home.text)))[:6]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="production smoke test on the host")
    parser.add_argument("--nginx-test", action="store_true", help="only nginx -t")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args(argv)
    if args.nginx_test:
        return nginx_test()

    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-smoke-"))
    smoke = Smoke(workdir)
    failed = False
    try:
        smoke.build_image()
        smoke.configure()
        smoke.database()
        smoke.start_web()
        smoke.pages()
        with phase("worker: renditions made and served"):
            smoke.wait_for_tasks()
        smoke.database_restart()
    except SmokeFailure as failure:
        failed = True
        print(f"\nSMOKE TEST FAILED: {failure}")
        for name in ("web", "worker", "varnish"):
            print(f"\n--- {name} log (tail)\n{smoke.log(name)[-4000:]}")
        error_log = smoke.nginx_prefix / "error.log"
        if error_log.exists():
            print(f"\n--- nginx error log\n{error_log.read_text()[-2000:]}")
    finally:
        with phase("teardown"):
            smoke.stop_all()
            if not args.keep:
                shutil.rmtree(workdir, ignore_errors=True)
    print("\nTimings:")
    for name, seconds in TIMINGS:
        print(f"  {seconds:6.1f} s  {name}")
    print(f"  {time.monotonic() - started:6.1f} s  total")
    print("\nsmoke test " + ("FAILED" if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
