"""Reader pages under load: gunicorn with the production settings, wrk on loopback.

    uv run python bench/reader_load.py                     # 1,000 and 20,000 stories
    uv run python bench/reader_load.py --stories 1000 --duration 5

For each archive size it builds a fresh PostgreSQL database (``--database-url``; it is
dropped and created, so never point it at real data), migrates it, loads the archive
(bench/archive.py), collects static files, starts gunicorn with the compose
configuration (docker/gunicorn.conf.py, DJANGO_DEBUG=0, 2 sync workers, no Redis: every
cache off), then runs wrk -t1 against each page for a fixed time and prints req/s,
p50 and p99 beside a bare Django view serving the front page's bytes (the floor).
Then the same pages as cache hits: gunicorn again with Django's page cache in Redis
(database 12 of 127.0.0.1:6379, flushed first), and Varnish in front of it, started
by docker/varnish/start.sh as compose starts it (Debian's varnish and
varnish-modules; the Varnish rows are skipped without them).
Compare ratios to the floor within one run: the machine is shared.
"""

import argparse
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765
VARNISH_PORT = 8766
BASE = f"http://127.0.0.1:{PORT}"
REDIS_URL = "redis://127.0.0.1:6379/12"
# Cache hits: the pages a breaking-news spike asks for.
CACHED = ["home", "story"]
# As nginx sends it: the site is HTTPS and the proxy on loopback is trusted.
HEADERS = {"X-Forwarded-Proto": "https"}


FLOOR = "/_bench/floor/"


def pages(stories: int) -> dict[str, str]:
    return {
        "home": "/",
        "story": f"/story/story-{stories // 2:05}/",
        "busiest tag": "/tag/topic-001/",
        "section": "/section/europe/",
        "search": "/search/?q=frigate",
    }


# Revalidations: the page's own ETag sent back, answered 304.
REVALIDATED = ["home", "story"]


def database_env(url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url}


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def seed(stories: int) -> None:
    """Runs in a child process with DATABASE_URL set: migrate, then load the archive."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from bench import archive

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    archive.load(stories)
    from django.db import connection

    # What autovacuum does after a bulk insert (PostgreSQL 13+ vacuums on inserts
    # too): among other things it moves the search index's pending entries into
    # the index proper, which a search otherwise scans one by one.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        # The load leaves hundreds of megabytes of dirty pages, which the checkpointer
        # would otherwise write out over the next minutes, while the first pages are
        # measured: written now, they cost the seeding, not the front page.
        cursor.execute("CHECKPOINT")
    print(f"  loaded {stories} stories in {time.perf_counter() - started:.0f} s")


def fetch(path: str, headers: dict | None = None):
    request = urllib.request.Request(
        BASE + path, headers={**HEADERS, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until_up(server: subprocess.Popen) -> None:
    for _ in range(100):
        if server.poll() is not None:
            raise SystemExit("gunicorn exited before serving")
        try:
            if fetch("/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz")


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", value).groups()
    return (
        float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60e3, "h": 3600e3}[unit]
    )


def wrk(path: str, args, headers: dict, base: str = BASE) -> dict:
    command = [
        "wrk",
        "-t1",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "10s",
        "--latency",
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, base + path], capture_output=True, text=True, check=True
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1)),
        "p99": to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def measure(stories: int, args, workdir: Path) -> dict:
    url = args.database_url
    print(f"{stories} stories: seeding {url}", flush=True)
    recreate_database(url)
    media = workdir / f"media-{stories}"
    floor = workdir / f"floor-{stories}.html"
    env = {
        **database_env(url),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_MEDIA_ROOT": str(media),
        "NEWSROOM_BENCH_FLOOR": str(floor),
        "WEB_CONCURRENCY": "2",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_MAX_REQUESTS": "0",
        "HOME": str(workdir),
        "NEWSROOM_PAGE_CACHE": "0",
    }
    env.pop("REDIS_URL", None)
    python = [sys.executable, str(Path(__file__).resolve())]
    subprocess.run([*python, "--seed", str(stories)], env=env, check=True)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    results = {}
    with gunicorn(env, workdir / f"gunicorn-{stories}.log") as server:
        wait_until_up(server)
        uncached(stories, args, floor, results)
    cached_env = {**env, "NEWSROOM_PAGE_CACHE": "1", "REDIS_URL": REDIS_URL}
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    with gunicorn(cached_env, workdir / f"gunicorn-cached-{stories}.log") as server:
        wait_until_up(server)
        cache_hits(stories, args, results, workdir)
    return results


@contextlib.contextmanager
def gunicorn(env: dict, log_path: Path):
    log = open(log_path, "w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "docker/gunicorn.conf.py",
            "bench.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield server
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def compared(label, path, args, headers, results, base=BASE):
    # The machine is shared: the floor is measured again right before each page,
    # and the page is compared with that run.
    floor_run = wrk(FLOOR, args, HEADERS)
    result = wrk(path, args, headers, base)
    results[label] = {**result, "floor_rps": floor_run["rps"]}
    print(
        f"  {label:24} {result['rps']:8.1f} req/s (floor {floor_run['rps']:.0f})",
        flush=True,
    )
    return floor_run


def cache_hits(stories: int, args, results: dict, workdir: Path) -> None:
    for name in CACHED:
        path = pages(stories)[name]
        fetch(path)  # the first reader fills the cache
        assert fetch(path)[1].get("X-Page-Cache") == "hit", path
        compared(f"{name}, page-cache hit", path, args, HEADERS, results)
    if not shutil.which("varnishd", path=f"{os.environ.get('PATH', '')}:/usr/sbin"):
        print("  Varnish rows skipped: apt-get install varnish varnish-modules")
        return
    workdir.chmod(0o755)
    varnish = start_varnish(
        {**os.environ, "VARNISH_PURGE_TOKEN": "bench-" + "x" * 20},
        backend_port=PORT,
        listen_port=VARNISH_PORT,
        state=Path(tempfile.mkdtemp(prefix="varnish-", dir=workdir)),
        log=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{VARNISH_PORT}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        for name in CACHED:
            path = pages(stories)[name]
            request = urllib.request.Request(base + path, headers=HEADERS)
            for _ in range(2):
                with urllib.request.urlopen(request, timeout=10) as response:
                    hit = response.headers.get("X-Cache")
            assert hit == "hit", (path, hit)
            compared(f"{name}, Varnish hit", path, args, HEADERS, results, base)
    finally:
        os.killpg(varnish.pid, signal.SIGTERM)
        varnish.wait(timeout=30)


def start_varnish(env, *, backend_port, listen_port, state: Path, log, size="256m"):
    """Varnish in front of gunicorn on loopback, started by docker/varnish/start.sh as
    the compose service starts it; ``env`` carries VARNISH_PURGE_TOKEN. It leads its
    own process group: stop it with os.killpg."""
    state.mkdir(exist_ok=True)
    state.chmod(0o755)
    return subprocess.Popen(
        ["sh", str(ROOT / "docker/varnish/start.sh")],
        env={
            **env,
            "PATH": f"{os.environ.get('PATH', '')}:/usr/sbin",
            "VARNISH_BACKEND_HOST": "127.0.0.1",
            "VARNISH_BACKEND_PORT": str(backend_port),
            "VARNISH_PROBE_HOST": "127.0.0.1",
            "VARNISH_LISTEN": f"127.0.0.1:{listen_port}",
            "VARNISH_WORKDIR": str(state),
            "VARNISH_SIZE": size,
        },
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def uncached(stories: int, args, floor: Path, results: dict) -> None:
    status, _, home = fetch("/")
    assert status == 200, status
    floor.write_bytes(home)
    floors = []
    for name, path in pages(stories).items():
        status, headers, body = fetch(path)
        assert status == 200, (path, status)
        fetch(path)  # warm-up: both workers' template and URL caches
        runs = [(name, HEADERS)]
        if name in REVALIDATED and headers.get("ETag"):
            revalidate = {**HEADERS, "If-None-Match": headers["ETag"]}
            assert fetch(path, revalidate)[0] == 304, path
            runs.append((f"{name}, 304", revalidate))
        for label, run_headers in runs:
            floors.append(compared(label, path, args, run_headers, results))
            results[label]["bytes"] = 0 if label.endswith("304") else len(body)
    results["floor (bare view)"] = {
        **sorted(floors, key=lambda run: run["rps"])[len(floors) // 2],
        "bytes": len(home),
    }


def table(runs: dict[int, dict]) -> str:
    sizes = sorted(runs)
    head = "| page |" + "".join(
        f" {n:,}: req/s | p50 ms | p99 ms | % of floor |" for n in sizes
    )
    if len(sizes) == 2:
        head += f" {sizes[1]:,} / {sizes[0]:,} |"
    lines = [head, "|---" * (head.count("|") - 1) + "|"]
    names = [
        "floor (bare view)",
        *(k for k in runs[sizes[0]] if not k.startswith("floor")),
    ]
    for name in names:
        row = f"| {name} |"
        for n in sizes:
            result = runs[n][name]
            floor = result.get("floor_rps", result["rps"])
            row += (
                f" {result['rps']:.1f} | {result['p50']:.1f} | {result['p99']:.1f} |"
                f" {100 * result['rps'] / floor:.2f} % |"
            )
        if len(sizes) == 2:
            small, large = (runs[n][name]["rps"] for n in sizes)
            row += f" {large / small:.2f} |"
        lines.append(row)
    errors = [n for n in sizes for r in runs[n].values() if r["errors"]]
    lines.append(
        "\nThe floor row is the median of its runs; each page is compared with the "
        "floor run just before it."
    )
    if errors:
        lines.append(f"\nNon-2xx/3xx responses seen at {sorted(set(errors))} stories.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--duration", type=int, default=8, help="seconds per run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
        ),
        help="a PostgreSQL database the benchmark may drop and create",
    )
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        seed(args.seed)
        return
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-load-"))
    runs = {n: measure(n, args, workdir) for n in args.stories}
    print(
        f"\nwrk -t1 -c{args.connections} -d{args.duration}s, gunicorn 2 sync workers, "
        "DJANGO_DEBUG=0, PostgreSQL; uncached rows with every cache off\n"
    )
    print(table(runs))


if __name__ == "__main__":
    main()
