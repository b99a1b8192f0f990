"""Reader-page cost as the archive grows: queries and time per page, one process, one run.

    uv run python bench/reader_pages.py              # 42 demo stories, then x10
    uv run python bench/reader_pages.py --factor 20  # then x20

Builds a throwaway SQLite database in the temp folder (or uses DATABASE_URL), loads the
demo newsroom, measures every reader page, multiplies the published stories by copying
them, and measures again. Figures are medians of the requests after a warm-up; compare
the two columns of one run, not runs on different days (the machine is shared).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_MEDIA_ROOT", str(workdir / "media"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article, Byline  # noqa: E402

PAGES = [
    "/",
    "/?page=2",
    "/story/spain-turkiye-defence-industry-pact-idef-istanbul/",
    "/section/europe/",
    "/tag/nato/",
    "/author/aylin-demir/",
    "/search/?q=drones",
    "/feed/",
    "/sitemap-stories.xml",
]


def measure(client, url, requests):
    client.get(url)  # warm-up: template and URL caches
    timings = []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings) * 1000, len(queries)


def multiply_archive(factor):
    """Copies of every published story, older than the originals, with bylines and tags."""
    originals = [
        (story, list(story.tags.all()), list(story.bylines.all()))
        for story in Article.objects.published().prefetch_related("tags", "bylines")
    ]
    for copy_number in range(1, factor):
        for story, tags, bylines in originals:
            story.pk = None
            story.slug = (
                f"{story.slug.split('-archive-')[0][:180]}-archive-{copy_number}"
            )
            story.publish_at = story.publish_at - timedelta(days=30)
            story.first_published_at = story.publish_at
            story.is_breaking = False
            story.breaking_until = None
            story.save()
            Byline.objects.bulk_create(
                Byline(article=story, author_id=b.author_id, position=b.position)
                for b in bylines
            )
            story.tags.add(*tags)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))
    client = Client(HTTP_HOST="127.0.0.1")
    before_count = Article.objects.published().count()
    before = {url: measure(client, url, args.requests) for url in PAGES}
    multiply_archive(args.factor)
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of a bulk load; without fresh statistics
        # the planner picks plans for the old, tiny tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    after_count = Article.objects.published().count()
    after = {url: measure(client, url, args.requests) for url in PAGES}

    print(f"{connection.vendor}, {args.requests} requests per page, median")
    print(f"{'page':58} {before_count:>5} stories    {after_count:>5} stories    ratio")
    for url in PAGES:
        (ms_1, q_1), (ms_2, q_2) = before[url], after[url]
        print(
            f"{url:58} {ms_1:6.1f} ms {q_1:2} q    {ms_2:6.1f} ms {q_2:2} q    {ms_2 / ms_1:4.2f}"
        )


if __name__ == "__main__":
    main()
