"""A breaking-news spike through Varnish, with a publish and a database outage in it.

    uv run python bench/spike.py                  # 200 connections for 60 s
    uv run python bench/spike.py --duration 30 --connections 100

It builds everything it needs on loopback and removes it afterwards: a throwaway
PostgreSQL cluster on a free port (the shared server is never touched, so stopping it
harms no one), the archive of bench/archive.py (1,000 stories by default), gunicorn
with the compose configuration (2 sync workers, DJANGO_DEBUG=0, Django's page cache
in Redis database 14 of 127.0.0.1:6379) and Varnish started by docker/varnish/start.sh
as compose starts it, purged by the app through NEWSROOM_VARNISH_URLS.

Then wrk sends readers at the home page, sections, tags and stories for the whole run.
At 10 s an editor publishes a story and flags it breaking, each through the
publishing module in its own process; the script times each commit to the first
reader response through Varnish that shows it. At 25 s PostgreSQL stops, at 40 s it
starts again: readers must keep getting pages, /healthz on gunicorn must answer 503
and then 200 by itself, and gunicorn must keep the same processes throughout.

It prints what it saw and the targets of issue 13 (0 errors, p99 < 100 ms, a
published story on the home page within 1 s of its commit), and exits 1 if one is
missed. Needs wrk, varnish and varnish-modules (Debian) and PostgreSQL 15's server
binaries (SPIKE_PG_BIN, default /usr/lib/postgresql/15/bin).
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import reader_load  # noqa: E402

PG_BIN = Path(os.environ.get("SPIKE_PG_BIN", "/usr/lib/postgresql/15/bin"))
APP_PORT = 8775
VARNISH_PORT = 8776
PG_PORT = 55490
REDIS_URL = "redis://127.0.0.1:6379/14"
PURGE_TOKEN = "spike-" + secrets.token_hex(16)
HEADERS = reader_load.HEADERS
EDITOR = "spike-editor"
BREAKING_SLUG = "spike-breaking-story"
REHEARSAL_SLUG = "spike-rehearsal"
BREAKING_HEADLINE = "Spike test: ceasefire announced in the north"
PUBLISH_AT, DATABASE_DOWN_AT, DATABASE_UP_AT = 10, 25, 40
TARGET_P99_MS = 100
TARGET_VISIBLE_S = 1.0


class Cluster:
    """A PostgreSQL cluster of its own in ``workdir``, owned by ``postgres`` when run
    as root (initdb refuses root)."""

    def __init__(self, workdir: Path):
        self.data = workdir / "pgdata"
        self.log = workdir / "postgres.log"
        self.as_root = os.geteuid() == 0

    def _owned(self, command):
        command = [str(part) for part in command]
        return (
            ["runuser", "-u", "postgres", "--", *command] if self.as_root else command
        )

    def init(self):
        self.data.mkdir()
        self.log.touch()
        if self.as_root:
            shutil.chown(self.data, "postgres", "postgres")
            shutil.chown(self.log, "postgres", "postgres")
        subprocess.run(
            self._owned(
                [PG_BIN / "initdb", "-D", self.data, "-U", "postgres"]
                + ["--auth", "trust", "--no-sync", "-E", "UTF8"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self):
        options = (
            f"-c port={PG_PORT} -c listen_addresses=127.0.0.1 "
            "-c unix_socket_directories='' -c fsync=off"
        )
        subprocess.run(
            self._owned(
                [PG_BIN / "pg_ctl", "-D", self.data, "-l", self.log, "-o", options]
                + ["-w", "-t", "30", "start"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def stop(self):
        subprocess.run(
            self._owned(
                [PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"]
            ),
            check=False,
            stdout=subprocess.DEVNULL,
        )

    def url(self, database="postgres"):
        return f"postgres://postgres@127.0.0.1:{PG_PORT}/{database}"


def django_child(env, *args) -> str:
    """Run this script in a child process with ``env`` (the app's settings)."""
    return subprocess.run(
        [sys.executable, __file__, *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def prepare_newsroom():
    """Child: the editor, and the story they will publish, as a draft."""
    setup_django()
    from django.contrib.auth import get_user_model

    from articles.models import Article, Author, Byline, Section

    get_user_model().objects.create_superuser(EDITOR, "desk@example.org", None)
    story = Article.objects.create(
        headline=BREAKING_HEADLINE,
        slug=BREAKING_SLUG,
        dek="Both sides confirmed the truce an hour after talks resumed.",
        body="<p>The ceasefire starts at midnight, officials said.</p>",
        section=Section.objects.get(slug="world"),
    )
    Byline.objects.create(article=story, author=Author.objects.first(), position=0)
    rehearsal = Article.objects.create(
        headline="Spike rehearsal",
        slug=REHEARSAL_SLUG,
        dek="A story the editor publishes and takes down before the spike.",
        body="<p>It warms the editor's process up.</p>",
        section=story.section,
    )
    Byline.objects.create(article=rehearsal, author=Author.objects.first(), position=0)


def editor_desk():
    """Child: an editor at the desk, ready before the spike starts (a process that
    still has to start Django under a saturated CPU takes seconds). Each line on
    stdin is an action done through the publishing module; each answer is the
    instant of its commit (the first after-commit hook, registered before
    publishing's own) and of the return, once purges have gone out."""
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from articles import publishing
    from articles.models import Article

    editor = get_user_model().objects.get(username=EDITOR)

    def act(action, slug):
        story = Article.objects.get(slug=slug)
        if action == "publish":
            publishing.publish(story, by=editor)
        elif action == "breaking":
            publishing.set_breaking(story, by=editor)
        else:
            publishing.unpublish(story, by=editor)

    # A warm process, like the admin's gunicorn worker: the first call of each path
    # imports and connects, which under a saturated CPU takes seconds.
    for action in ("publish", "breaking", "unpublish"):
        act(action, REHEARSAL_SLUG)
    print("ready", flush=True)
    for line in sys.stdin:
        committed = []
        with transaction.atomic():
            transaction.on_commit(lambda into=committed: into.append(time.time()))
            act(line.strip(), BREAKING_SLUG)
        returned = time.time()
        print(json.dumps({"committed": committed[0], "returned": returned}), flush=True)


def get(base: str, path: str, timeout: float = 5):
    request = urllib.request.Request(base + path, headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {what}")


def reader_paths(app: str) -> list[str]:
    """What a spike asks for: the front page most, then sections, tags, stories."""
    home = get(app, "/")[2]
    stories = sorted(set(re.findall(r'href="(/story/[^"]+/)"', home)))
    sections = sorted(set(re.findall(r'href="(/section/[^"]+/)"', home)))
    tags = ["/tag/topic-001/", "/tag/topic-002/", "/tag/topic-010/"]
    return ["/"] * 10 + sections + tags + stories[:30]


def wrk_script(paths: list[str], workdir: Path) -> Path:
    script = workdir / "spike.lua"
    quoted = ", ".join(json.dumps(path) for path in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\n"
        "local counter = 0\n"
        'wrk.headers["X-Forwarded-Proto"] = "https"\n'
        # As a browser asks: Varnish keeps pages gzipped and sends them as they are.
        'wrk.headers["Accept-Encoding"] = "gzip, deflate, br"\n'
        "request = function()\n"
        "  counter = counter + 1\n"
        "  return wrk.format(nil, paths[(counter % #paths) + 1])\n"
        "end\n"
    )
    return script


def wrk_summary(output: str) -> dict:
    def number(pattern, default="0"):
        found = re.search(pattern, output, re.MULTILINE)
        return found.group(1) if found else default

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests": int(number(r"(\d+) requests in")),
        "rps": float(number(r"Requests/sec:\s+([\d.]+)")),
        "p50": reader_load.to_ms(number(r"^\s+50%\s+(\S+)", "0us")),
        "p99": reader_load.to_ms(number(r"^\s+99%\s+(\S+)", "0us")),
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
    }


def time_to_visible(varnish: str, desk, action: str, marker: re.Pattern) -> dict:
    """Have the editor do ``action`` and poll the home page through Varnish, as a
    reader, until ``marker`` matches it; returns the commit and the first sighting."""
    done = {}

    def act():
        desk.stdin.write(action + "\n")
        desk.stdin.flush()
        done.update(json.loads(desk.stdout.readline()))

    editor = threading.Thread(target=act)
    started = time.time()
    editor.start()
    seen = None
    while time.time() - started < 30:
        status, headers, body = get(varnish, "/")
        if status == 200 and marker.search(body):
            seen = time.time()
            break
        time.sleep(0.02)
    editor.join()
    visible_after = seen - done["committed"] if seen else None
    return {**done, "seen": seen, "visible_after_s": visible_after}


def health_watch(app: str, stop: threading.Event, seen: list):
    """Records each change of /healthz's status on gunicorn, with its time."""
    last = None
    while not stop.is_set():
        try:
            status = get(app, "/healthz", timeout=2)[0]
        except OSError as error:
            status = f"no answer ({error.__class__.__name__})"
        if status != last:
            seen.append((time.time(), status))
            last = status
        time.sleep(0.2)


def gunicorn_processes(master: int) -> set[int]:
    children = subprocess.run(
        ["pgrep", "-P", str(master)], capture_output=True, text=True
    ).stdout.split()
    return {master, *map(int, children)}


def run(args) -> int:
    for tool in ("wrk", "varnishd"):
        if not shutil.which(tool, path=f"{os.environ.get('PATH', '')}:/usr/sbin"):
            raise SystemExit(
                f"{tool} is missing: apt-get install wrk varnish varnish-modules"
            )
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-spike-"))
    workdir.chmod(0o755)
    cluster = Cluster(workdir)
    cluster.init()
    cluster.start()
    processes = []
    try:
        subprocess.run(
            ["psql", cluster.url(), "-qc", "CREATE DATABASE newsroom"], check=True
        )
        env = {
            **os.environ,
            "DATABASE_URL": cluster.url("newsroom"),
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "spike-only-" + secrets.token_hex(32),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_MEDIA_ROOT": str(workdir / "media"),
            "WEB_CONCURRENCY": "2",
            "GUNICORN_BIND": f"127.0.0.1:{APP_PORT}",
            "GUNICORN_MAX_REQUESTS": "0",
            "HOME": str(workdir),
            "NEWSROOM_PAGE_CACHE": "1",
            "REDIS_URL": REDIS_URL,
            "NEWSROOM_VARNISH_URLS": f"http://127.0.0.1:{VARNISH_PORT}",
            "VARNISH_PURGE_TOKEN": PURGE_TOKEN,
        }
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
        print(f"seeding {args.stories} stories", flush=True)
        subprocess.run(
            [sys.executable, str(ROOT / "bench/reader_load.py"), "--seed"]
            + [str(args.stories)],
            env=env,
            check=True,
        )
        django_child(env, "--prepare")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            env=env,
            cwd=ROOT,
            check=True,
        )
        app = f"http://127.0.0.1:{APP_PORT}"
        varnish = f"http://127.0.0.1:{VARNISH_PORT}"
        gunicorn_log = open(workdir / "gunicorn.log", "w")
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "docker/gunicorn.conf.py"]
            + ["newsroom.wsgi:application"],
            env=env,
            cwd=ROOT,
            stdout=gunicorn_log,
            stderr=subprocess.STDOUT,
        )
        processes.append(gunicorn)
        wait(lambda: get(app, "/healthz")[0] == 200, 60, "gunicorn")
        varnish_process = reader_load.start_varnish(
            env,
            backend_port=APP_PORT,
            listen_port=VARNISH_PORT,
            state=workdir / "varnish",
            log=open(workdir / "varnish.log", "w"),
        )
        processes.append(varnish_process)
        wait(lambda: get(varnish, "/healthz")[0] == 200, 60, "Varnish")

        desk = subprocess.Popen(
            [sys.executable, __file__, "--editor"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        processes.append(desk)
        assert desk.stdout.readline().strip() == "ready"
        paths = reader_paths(app)
        for path in set(paths):  # the first readers fill both caches
            assert get(varnish, path)[0] == 200, path
        assert BREAKING_HEADLINE not in get(varnish, "/")[2]
        script = wrk_script(paths, workdir)
        before = gunicorn_processes(gunicorn.pid)

        print(
            f"spike: wrk -t2 -c{args.connections} -d{args.duration}s over "
            f"{len(set(paths))} pages through Varnish",
            flush=True,
        )
        began = time.time()
        load = subprocess.Popen(
            ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s"]
            + ["--timeout", "5s", "--latency", "-s", str(script), varnish],
            stdout=subprocess.PIPE,
            text=True,
        )
        stop_watching = threading.Event()
        health = []
        watcher = threading.Thread(
            target=health_watch, args=(app, stop_watching, health)
        )
        watcher.start()

        def at(second):
            time.sleep(max(0, began + second * args.duration / 60 - time.time()))

        at(PUBLISH_AT)
        published = time_to_visible(
            varnish, desk, "publish", re.compile(re.escape(BREAKING_HEADLINE))
        )
        banner = re.compile(rf"breaking__label.{{0,300}}/story/{BREAKING_SLUG}/", re.S)
        breaking = time_to_visible(varnish, desk, "breaking", banner)
        at(DATABASE_DOWN_AT)
        database_down = time.time()
        cluster.stop()
        outage_pages = [get(varnish, path)[0] for path in ["/", *paths[-5:]]]
        at(DATABASE_UP_AT)
        cluster.start()
        database_up = time.time()
        output = load.communicate()[0]
        wait(lambda: health and health[-1][1] == 200, 30, "/healthz to recover")
        stop_watching.set()
        watcher.join()
        after = gunicorn_processes(gunicorn.pid)
        after_outage = get(app, "/section/world/")[0]
    finally:
        for process in reversed(processes):
            try:
                # start.sh leads a process group: varnishd and its children.
                if process.args[0] == "sh":
                    os.killpg(process.pid, signal.SIGTERM)
                else:
                    process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        cluster.stop()

    spike = wrk_summary(output)
    transitions = [
        f"{stamp - began:5.1f} s: {status}" for stamp, status in health[1:]
    ] or ["no change"]
    went_down = any(status == 503 for _, status in health)
    print(output)
    print(
        f"database stopped at {database_down - began:.1f} s, started at "
        f"{database_up - began:.1f} s; /healthz on gunicorn: " + "; ".join(transitions)
    )
    print(f"pages through Varnish with the database down: {outage_pages}")
    for name, result in (("publish", published), ("breaking flag", breaking)):
        delay = result["visible_after_s"]
        print(
            f"{name}: commit at {result['committed'] - began:.2f} s, purges sent "
            f"{(result['returned'] - result['committed']) * 1000:.0f} ms later, "
            "on the home page "
            + (
                f"{delay * 1000:.0f} ms after the commit"
                if delay is not None
                else "never"
            )
        )
    results = {
        "0 error responses": spike["non_2xx_3xx"] == 0 and spike["socket_errors"] == 0,
        f"p99 < {TARGET_P99_MS} ms ({spike['p99']:.1f} ms)": spike["p99"]
        < TARGET_P99_MS,
        f"published story on the home page within {TARGET_VISIBLE_S:.0f} s": all(
            r["visible_after_s"] is not None
            and r["visible_after_s"] <= TARGET_VISIBLE_S
            for r in (published, breaking)
        ),
        "pages served while the database was down": all(
            status == 200 for status in outage_pages
        ),
        "/healthz went 503 and came back to 200": went_down and health[-1][1] == 200,
        "gunicorn kept its processes": before == after and after_outage == 200,
    }
    print(
        f"\n{spike['requests']} requests, {spike['rps']:.0f} req/s, "
        f"p50 {spike['p50']:.2f} ms, p99 {spike['p99']:.2f} ms, "
        f"{spike['non_2xx_3xx']} non-2xx/3xx, {spike['socket_errors']} socket errors"
    )
    for target, met in results.items():
        print(f"  {'met   ' if met else 'MISSED'}  {target}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0 if all(results.values()) else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--editor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        return prepare_newsroom()
    if args.editor:
        return editor_desk()
    sys.exit(run(args))


if __name__ == "__main__":
    main()
