"""The visibility matrix, on every surface that carries stories beyond the page itself.

Feeds, sitemaps, search, related stories, JSON-LD and Open Graph: a draft, a story in
review or a scheduled story appears on none of them, and a scheduled one appears on
all of them at its publish time.
"""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

HIDDEN_STATES = {
    "draft": {"status": Article.Status.DRAFT, "publish_at": None},
    "review": {"status": Article.Status.REVIEW, "publish_at": None},
    "draft_with_past_time": {
        "status": Article.Status.DRAFT,
        "publish_at": timedelta(days=-1),
    },
    "scheduled": {"status": Article.Status.PUBLISHED, "publish_at": timedelta(hours=2)},
}

SURFACES = [
    reverse("articles:feed"),
    reverse("articles:feed_atom"),
    reverse("articles:section_feed", args=["europe"]),
    reverse("articles:section_feed_atom", args=["europe"]),
    reverse("articles:tag_feed", args=["nato"]),
    reverse("articles:tag_feed_atom", args=["nato"]),
    reverse("articles:author_feed", args=["tom-okafor"]),
    reverse("articles:author_feed_atom", args=["tom-okafor"]),
    reverse("sitemap_index"),
    *(
        reverse("sitemap_section", args=[section])
        for section in ("pages", "stories", "news", "sections", "tags", "authors")
    ),
    reverse("articles:search") + "?q=frigate",
    reverse("articles:search") + "?q=frigate&sort=newest",
    # The anchor story: its related list, JSON-LD and Open Graph block.
    "/story/anchor/",
    "/",
    "/section/europe/",
    "/tag/nato/",
    "/author/tom-okafor/",
]

# The surfaces that list stories (the other sitemaps list sections, tags, authors).
STORY_SURFACES = [
    url
    for url in SURFACES
    if "sitemap" not in url or url.endswith(("-stories.xml", "-news.xml"))
]


@pytest.fixture
def story_world(make_article, make_section, make_author):
    section = make_section(name="Europe", slug="europe")
    author = make_author(name="Tom Okafor", slug="tom-okafor")
    make_article(
        headline="Frigate anchor story",
        slug="anchor",
        section=section,
        authors=[author],
        tags=["NATO", "Frigates"],
        publish_at=timezone.now() - timedelta(hours=1),
    )

    def make(**fields):
        return make_article(
            headline="Secret frigate headline",
            slug="secret-frigate",
            dek="Secret standfirst.",
            body="<p>Secret frigate body.</p>",
            section=section,
            authors=[author],
            tags=["NATO", "Frigates"],
            **fields,
        )

    return make


def surfaces(client):
    pages = {}
    for url in SURFACES:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_story_is_on_no_surface(client, story_world, state):
    fields = dict(HIDDEN_STATES[state])
    if isinstance(fields["publish_at"], timedelta):
        fields["publish_at"] = timezone.now() + fields["publish_at"]
    story_world(**fields)

    for url, text in surfaces(client).items():
        assert "Secret" not in text, url
        assert "secret-frigate" not in text, url
    assert "Frigate anchor story" in surfaces(client)["/story/anchor/"]


def test_published_story_is_on_every_surface(client, story_world):
    story_world(publish_at=timezone.now() - timedelta(minutes=5))

    pages = surfaces(client)
    for url in STORY_SURFACES:
        assert "/story/secret-frigate/" in pages[url], url


def test_scheduled_story_reaches_every_surface_at_its_publish_time(client, story_world):
    publish_at = timezone.now() + timedelta(hours=3)
    story_world(status=Article.Status.PUBLISHED, publish_at=publish_at)

    with time_machine.travel(publish_at - timedelta(seconds=1), tick=False):
        for url, text in surfaces(client).items():
            assert "secret-frigate" not in text, url
    with time_machine.travel(publish_at + timedelta(seconds=1), tick=False):
        pages = surfaces(client)
        for url in STORY_SURFACES:
            assert "/story/secret-frigate/" in pages[url], url
