"""Reader pages run a fixed number of queries, whatever the number of stories."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Note

# With 15 stories each page lists 1 to 15 of them (the front page a little more than
# its first page, so its section blocks have stories left to show); with 60 they fill
# a whole page of 12.
PAGES = [
    "/",
    "/section/europe/",
    "/tag/nato/",
    "/author/writer-0/",
    "/story/story-1/",
]


def add_stories(start, stop, *, sections, authors, images, make_article):
    for n in range(start, stop):
        make_article(
            headline=f"Story number {n}",
            slug=f"story-{n}",
            section=sections[n % len(sections)],
            authors=authors[: 1 + n % len(authors)],
            tags=["NATO", f"topic-{n % 7}", f"thread-{n}"],
            lead_image=images[n % len(images)],
            publish_at=timezone.now() - timedelta(minutes=n + 1),
        )


def queries_per_page(client):
    counts = {}
    for url in PAGES:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(captured)
    return counts


def test_queries_per_reader_page_are_the_same_with_15_and_60_stories(
    client, settings, make_article, make_section, make_author, make_image
):
    settings.NEWSROOM_PAGE_SIZE = 12
    sections = [
        make_section(name=s.title(), slug=s) for s in ("europe", "defence", "world")
    ]
    authors = [make_author(name=f"Writer {n}", slug=f"writer-{n}") for n in range(3)]
    images = [make_image(), make_image(), None]
    make_article(
        headline="Breaking story",
        slug="breaking",
        section=sections[0],
        is_breaking=True,
        breaking_until=timezone.now() + timedelta(hours=1),
        tags=["NATO"],
    )
    context = {"sections": sections, "authors": authors, "images": images}

    add_stories(1, 15, make_article=make_article, **context)
    with_15 = queries_per_page(client)
    add_stories(15, 60, make_article=make_article, **context)
    with_60 = queries_per_page(client)

    assert with_15 == with_60
    assert max(with_60.values()) <= 10, with_60


def test_a_story_without_notes_runs_no_query_for_them(client, make_article):
    quiet = make_article(slug="quiet")
    corrected = make_article(slug="corrected")
    Note.objects.create(
        article=corrected,
        kind=Note.Kind.CORRECTION,
        text="An earlier version misspelt the minister's name.",
    )
    pages, counts = {}, {}
    for story in (quiet, corrected):
        with CaptureQueriesContext(connection) as captured:
            pages[story.slug] = client.get(story.get_absolute_url())
        counts[story.slug] = len(captured)

    assert counts["quiet"] == counts["corrected"] - 1
    assert "Corrections and updates" not in pages["quiet"].text
    assert "misspelt the minister" in pages["corrected"].text
    assert "Corrections and updates" in pages["corrected"].text
