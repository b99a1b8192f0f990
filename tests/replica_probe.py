"""Run by tests/test_replica.py in a process of its own, against a primary and its
streaming replica (DATABASE_URL, DATABASE_REPLICA_URL): requests through Django's test
client, with each connection's query log captured. Prints what it saw as JSON.

Its own process, because the database aliases are fixed when Django starts and the
suite's own database has no replica.
"""

import json
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Author, Byline, Section  # noqa: E402
from newsroom.db_router import PIN_COOKIE  # noqa: E402
from tests.admin_forms import change_form_data  # noqa: E402


def served(call):
    """(response, queries on the primary, queries on the replica) of one request."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = call()
    return response, len(primary), len(replica)


def replica_has(predicate) -> float:
    """Seconds until the replica shows what ``predicate`` asks for."""
    started = time.monotonic()
    while not predicate(Article.objects.using("replica")):
        if time.monotonic() - started > 30:
            raise TimeoutError("the replica did not catch up in 30 s")
        time.sleep(0.002)
    return time.monotonic() - started


def replay(action: str) -> None:
    with connections["replica"].cursor() as cursor:
        cursor.execute(f"SELECT pg_wal_replay_{action}()")


def main() -> None:
    setup_test_environment()
    seen = {}
    editor = get_user_model().objects.create_superuser(
        "chief", "chief@example.org", "pw-chief-1"
    )
    story = Article.objects.create(
        headline="Replica story before the edit",
        slug="replica-story",
        dek="A standfirst.",
        body="<p>Body.</p>",
        section=Section.objects.create(name="Europe", slug="europe"),
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() - timedelta(minutes=1),
    )
    author = Author.objects.create(name="Aylin Demir", slug="aylin-demir")
    Byline.objects.create(article=story, author=author, position=0)
    seen["lag_after_insert"] = replica_has(lambda q: q.filter(pk=story.pk).exists())
    path = story.get_absolute_url()

    response, primary, replica = served(lambda: Client().get(path))
    seen["anonymous_story"] = {
        "status": response.status_code,
        "primary": primary,
        "replica": replica,
        "set_cookie": sorted(response.cookies),
    }

    signed_in = Client()
    signed_in.force_login(editor)
    for name, url in (("editor_story", path), ("editor_admin", reverse("admin:index"))):
        response, primary, replica = served(lambda url=url: signed_in.get(url))
        seen[name] = {
            "status": response.status_code,
            "primary": primary,
            "replica": replica,
        }

    # Read-your-writes: with the replica frozen, the editor changes the headline and
    # signs out; their next page, as an anonymous reader, must show the change.
    replay("pause")
    try:
        story.refresh_from_db()
        response, primary, replica = served(
            lambda: signed_in.post(
                reverse("admin:articles_article_change", args=[story.pk]),
                change_form_data(story, headline="Replica story after the edit"),
            )
        )
        seen["edit"] = {
            "status": response.status_code,
            "primary": primary,
            "replica": replica,
        }
        if response.status_code != 302:
            form = response.context and response.context.get("adminform")
            sys.exit(f"the edit was refused: {form and form.form.errors}")
        logout = signed_in.post(reverse("admin:logout"))
        pinned = Client()
        pinned.cookies[PIN_COOKIE] = logout.cookies[PIN_COOKIE].value
        seen["pin_max_age"] = logout.cookies[PIN_COOKIE]["max-age"]
        response, primary, replica = served(lambda: pinned.get(path))
        seen["same_reader_after_edit"] = {
            "status": response.status_code,
            "primary": primary,
            "replica": replica,
            "sees_edit": "after the edit" in response.text,
        }
        response, primary, replica = served(lambda: Client().get(path))
        seen["other_reader_while_replica_paused"] = {
            "primary": primary,
            "replica": replica,
            "sees_edit": "after the edit" in response.text,
        }
    finally:
        replay("resume")
    seen["lag_after_resume"] = replica_has(
        lambda q: q.filter(pk=story.pk, headline__endswith="after the edit").exists()
    )
    response, primary, replica = served(lambda: Client().get(path))
    seen["other_reader_after_catch_up"] = {
        "primary": primary,
        "replica": replica,
        "sees_edit": "after the edit" in response.text,
    }
    # Replication lag as the primary measures it, while idle.
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT state, EXTRACT(EPOCH FROM replay_lag) FROM pg_stat_replication"
        )
        seen["pg_stat_replication"] = [
            [state, float(lag) if lag is not None else None]
            for state, lag in cursor.fetchall()
        ]
    # The last line of stdout is the report test_replica.py reads.
    sys.stdout.write(json.dumps(seen) + "\n")


if __name__ == "__main__":
    main()
