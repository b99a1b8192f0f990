"""Live coverage under polling load: 1,000 readers on one live story, through Varnish.

    uv run python bench/live_poll.py                        # 1,000 readers, 60 s
    uv run python bench/live_poll.py --readers 1000 --duration 30 --post-every 5

Builds a fresh PostgreSQL database (``--database-url``, dropped and created: never point
it at real data) with the demo newsroom, whose drone story is live coverage; starts
gunicorn as compose does (docker/gunicorn.conf.py, DJANGO_DEBUG=0, 2 sync workers,
Django's page cache in Redis database 7, flushed first) and Varnish in front of it
(docker/varnish/start.sh, purged by the app after each commit). Then, for a bounded
time, ``--readers`` simulated readers poll the story as static/live/live.js does (the
head at the pace the server gives, then the passed log ranges), one headless Chromium
keeps the story page open through Varnish, and an editor posts an entry through the
publishing module every ``--post-every`` seconds.

It prints the requests per second that reached gunicorn (from its access log, by kind)
beside those Varnish answered, and the delay from each save to the entry being seen:
by the simulated readers (p50, p95, max over every reader and entry) and in the real
page (the entry's element appearing in the DOM). Needs Debian's varnish and
varnish-modules and chromium.
"""

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.reader_load import recreate_database, start_varnish  # noqa: E402

PORT = 8775
VARNISH_PORT = 8776
REDIS_URL = "redis://127.0.0.1:6379/7"
PURGE_TOKEN = "bench-live-" + "x" * 20
# As nginx sends it: the site is HTTPS and the proxy on loopback is trusted.
FORWARDED = "X-Forwarded-Proto: https\r\n"
STORY_SLUG = "lithuania-air-defence-intercepts-drones-from-belarus"


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], env=env, cwd=ROOT, check=True)


def wait_for(url: str, what: str, process: subprocess.Popen) -> None:
    for _ in range(150):
        if process.poll() is not None:
            raise SystemExit(f"{what} exited before serving")
        try:
            request = urllib.request.Request(
                url, headers={"X-Forwarded-Proto": "https"}
            )
            with urllib.request.urlopen(request, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{what} did not answer {url}")


async def get(path: str) -> tuple[int, bytes]:
    """One GET through Varnish on a fresh loopback connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", VARNISH_PORT)
    try:
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{FORWARDED}"
            "Accept: application/json\r\nConnection: close\r\n\r\n".encode()
        )
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        if length:
            body = await reader.readexactly(int(length.group(1)))
        elif re.search(rb"(?im)^transfer-encoding:\s*chunked", head):
            body = b""
            while True:
                size = int((await reader.readline()).strip(), 16)
                if not size:
                    break
                body += await reader.readexactly(size)
                await reader.readline()
        else:
            body = await reader.read()
        return status, body
    finally:
        writer.close()


async def simulated_reader(story_id, start, stop_at, stats):
    """What static/live/live.js does, minus the page."""
    cursor, poll = start, 10
    head_path = f"/live/{story_id}/head/"
    await asyncio.sleep(random.uniform(0, poll))
    while time.monotonic() < stop_at:
        try:
            status, body = await get(head_path)
            stats["requests"] += 1
            if status != 200:
                stats["errors"] += 1
                await asyncio.sleep(poll)
                continue
            head = json.loads(body)
            while cursor < head["sequence"]:
                upto = min(head["sequence"], cursor + head["span"])
                status, _ = await get(f"/live/{story_id}/log/{cursor}-{upto}/")
                stats["requests"] += 1
                if status != 200:
                    stats["errors"] += 1
                    break
                seen = time.monotonic()
                for sequence in range(cursor + 1, upto + 1):
                    stats["seen"][sequence].append(seen)
                cursor = upto
            if not head["poll"]:
                return
            poll = head["poll"]
        except (OSError, asyncio.IncompleteReadError, ValueError):
            stats["errors"] += 1
        await asyncio.sleep(poll * random.uniform(0.9, 1.1))


def run_readers(args, story_id, start, stop_at, stats):
    async def all_readers():
        await asyncio.gather(
            *(
                simulated_reader(story_id, start, stop_at, stats)
                for _ in range(args.readers)
            )
        )

    asyncio.run(all_readers())


def gunicorn_lines(log_path: Path, offset: int) -> list[str]:
    with open(log_path, "rb") as log:
        log.seek(offset)
        return log.read().decode(errors="replace").splitlines()


def kind_of(line: str) -> str | None:
    found = re.search(r'"(?:GET|HEAD) (\S+) HTTP', line)
    if not found:
        return None
    path = found.group(1)
    if "/head/" in path:
        return "live head"
    if "/log/" in path:
        return "live log range"
    if path.startswith("/healthz"):
        return "Varnish health probe"
    if path.startswith("/story/"):
        return "story page"
    return "other"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--post-every", type=float, default=6.0, help="seconds")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/live"
        ),
    )
    args = parser.parse_args()
    if not shutil.which("varnishd", path=f"{os.environ.get('PATH', '')}:/usr/sbin"):
        raise SystemExit("Needs Varnish: apt-get install varnish varnish-modules")

    workdir = Path(tempfile.mkdtemp(prefix="newsroom-live-bench-"))
    workdir.chmod(0o755)
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "WEB_CONCURRENCY": "2",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_MAX_REQUESTS": "0",
        "HOME": str(workdir),
        "REDIS_URL": REDIS_URL,
        "NEWSROOM_VARNISH_URLS": f"http://127.0.0.1:{VARNISH_PORT}",
        "VARNISH_PURGE_TOKEN": PURGE_TOKEN,
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
    }
    print(f"Seeding the demo into {args.database_url}", flush=True)
    recreate_database(args.database_url)
    manage(env, "migrate", "--noinput", "-v0")
    # No Varnish yet, so nothing to purge.
    manage({**env, "DJANGO_DEBUG": "1", "NEWSROOM_VARNISH_URLS": ""}, "seed_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()

    log_path = workdir / "gunicorn.log"
    log = open(log_path, "w")
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "docker/gunicorn.conf.py"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    varnish = start_varnish(
        env,
        backend_port=PORT,
        listen_port=VARNISH_PORT,
        state=workdir / "varnish",
        log=open(workdir / "varnish.log", "w"),
        size="128m",
    )
    try:
        wait_for(f"http://127.0.0.1:{PORT}/healthz", "gunicorn", web)
        wait_for(f"http://127.0.0.1:{VARNISH_PORT}/healthz", "Varnish", varnish)
        # The health probe must have marked the backend healthy.
        time.sleep(3)
        measure(args, env, log_path)
    except SystemExit:
        print((workdir / "varnish.log").read_text()[-2000:])
        raise
    finally:
        if varnish.poll() is None:
            os.killpg(varnish.pid, signal.SIGTERM)
            varnish.wait(timeout=30)
        web.send_signal(signal.SIGTERM)
        web.wait(timeout=30)
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)


def measure(args, env, log_path: Path) -> None:
    os.environ.update(env)
    os.environ["DJANGO_DEBUG"] = "1"  # this process is the editor, not a server
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from playwright.sync_api import sync_playwright

    from articles import publishing
    from articles.models import Article
    from live.models import LiveCoverage

    story = Article.objects.get(slug=STORY_SLUG)
    start = LiveCoverage.objects.get(pk=story.pk).sequence
    stats = {"requests": 0, "errors": 0, "seen": defaultdict(list)}
    saved = {}
    page_delays = []
    base = f"http://127.0.0.1:{VARNISH_PORT}"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page(extra_http_headers={"X-Forwarded-Proto": "https"})
        page.goto(base + story.get_absolute_url())
        offset = log_path.stat().st_size
        began = time.monotonic()
        stop_at = began + args.duration
        readers = threading.Thread(
            target=run_readers, args=(args, story.pk, start, stop_at, stats)
        )
        readers.start()
        number = 0
        # Leave a poll and a half at the end for the last entry to reach everyone.
        while time.monotonic() + args.post_every + 15 < stop_at:
            time.sleep(args.post_every)
            number += 1
            pressed = time.monotonic()
            entry = publishing.post_entry(
                story, by=None, body=f"<p>Bench update {number}.</p>"
            )
            saved[entry.sequence] = pressed
            page.wait_for_selector(
                f"#entry-{entry.pk}", state="attached", timeout=60_000
            )
            page_delays.append(time.monotonic() - pressed)
        readers.join()
        elapsed = time.monotonic() - began
        browser.close()

    lines = gunicorn_lines(log_path, offset)
    kinds = Counter(kind for kind in map(kind_of, lines) if kind)
    reached = sum(kinds.values())
    delays = [
        seen - saved[sequence]
        for sequence, times in stats["seen"].items()
        if sequence in saved
        for seen in times
    ]
    readers_per_entry = [len(stats["seen"][sequence]) for sequence in saved]
    print(
        f"\n{args.readers} simulated readers + 1 Chromium page, {elapsed:.0f} s, "
        f"{len(saved)} entries posted (one every {args.post_every:g} s)"
    )
    print(
        f"  answered by Varnish (readers' requests): {stats['requests'] / elapsed:8.1f}"
        f" req/s  ({stats['requests']} requests, {stats['errors']} errors)"
    )
    print(f"  reached gunicorn, all kinds:             {reached / elapsed:8.2f} req/s")
    for kind, count in kinds.most_common():
        print(f"    {kind:36} {count / elapsed:8.2f} req/s  ({count})")
    if delays:
        print(
            "  save to seen, simulated readers: "
            f"p50 {statistics.median(delays):.1f} s, p95 {percentile(delays, 0.95):.1f} s, "
            f"max {max(delays):.1f} s; every entry reached "
            f"{min(readers_per_entry)}–{max(readers_per_entry)} of {args.readers} readers"
        )
    if page_delays:
        print(
            "  save to visible in the open Chromium page: "
            + ", ".join(f"{delay:.1f}" for delay in page_delays)
            + f" s (median {statistics.median(page_delays):.1f} s)"
        )


if __name__ == "__main__":
    main()
