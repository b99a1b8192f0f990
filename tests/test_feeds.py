"""RSS and Atom feeds: they parse as feed readers parse them and carry the story."""

import calendar
from datetime import timedelta

import feedparser
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.feeds import FEED_SIZE
from articles.models import Article, Author

FEEDS = {
    "site RSS": ("articles:feed", []),
    "site Atom": ("articles:feed_atom", []),
    "section RSS": ("articles:section_feed", ["europe"]),
    "section Atom": ("articles:section_feed_atom", ["europe"]),
    "tag RSS": ("articles:tag_feed", ["nato"]),
    "tag Atom": ("articles:tag_feed_atom", ["nato"]),
    "author RSS": ("articles:author_feed", ["tom-okafor"]),
    "author Atom": ("articles:author_feed_atom", ["tom-okafor"]),
}


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


def entry_titled(parsed, title):
    return next(entry for entry in parsed.entries if entry.title == title)


@pytest.fixture
def newsroom(make_article, make_section, make_author, make_image):
    section = make_section(name="Europe", slug="europe")
    reporter = make_author(name="Tom Okafor", slug="tom-okafor")
    agency = make_author(
        name="Continental Press Agency",
        slug="cpa",
        kind=Author.Kind.ORGANIZATION,
    )
    image = make_image(
        alt_text="Jets on a wet runway at dawn", credit="Newsroom illustration"
    )
    story = make_article(
        headline="Italian jets take over Baltic air policing",
        dek="Four fighters arrive at Ämari air base.",
        section=section,
        authors=[reporter, agency],
        tags=["NATO", "Baltic states"],
        lead_image=image,
        publish_at=timezone.now() - timedelta(hours=2),
    )
    make_article(
        headline="Older story",
        section=section,
        authors=[reporter],
        tags=["NATO"],
        publish_at=timezone.now() - timedelta(days=2),
    )
    return {"story": story, "image": image, "section": section}


@pytest.mark.parametrize("feed", FEEDS)
def test_every_feed_parses_and_lists_published_stories_newest_first(
    client, newsroom, feed
):
    name, args = FEEDS[feed]

    response, parsed = fetch(client, reverse(name, args=args))

    kind = "atom" if "Atom" in feed else "rss"
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    assert parsed.version == ("atom10" if kind == "atom" else "rss20")
    assert [entry.title for entry in parsed.entries] == [
        "Italian jets take over Baltic air policing",
        "Older story",
    ]
    assert parsed.feed.language if kind == "rss" else parsed.feed.get("language")


@pytest.mark.parametrize("feed", ["site RSS", "site Atom"])
def test_feed_items_carry_guid_dates_authors_categories_summary_and_picture(
    client, newsroom, feed
):
    story, image = newsroom["story"], newsroom["image"]
    name, args = FEEDS[feed]

    _, parsed = fetch(client, reverse(name, args=args))
    entry = entry_titled(parsed, story.headline)

    assert entry.link == f"http://testserver{story.get_absolute_url()}"
    assert entry.id == (f"tag:testserver,{story.created_at:%Y-%m-%d}:story-{story.pk}")
    assert calendar.timegm(entry.published_parsed) == int(story.publish_at.timestamp())
    assert entry.author == "Tom Okafor and Continental Press Agency"
    assert [tag.term for tag in entry.tags] == ["NATO", "Baltic states"]
    assert entry.summary == "Four fighters arrive at Ämari air base."
    picture = image.rendition_for("16:9", 1200)
    (media,) = entry.media_content
    assert media["url"] == f"http://testserver{picture.url}"
    assert media["medium"] == "image"
    assert (int(media["width"]), int(media["height"])) == (
        picture.width,
        picture.height,
    )


def test_atom_entry_links_the_first_author_and_dates_the_update(client, newsroom):
    story = newsroom["story"]
    story.updated_at = story.publish_at + timedelta(minutes=40)
    story.save()

    _, parsed = fetch(client, reverse("articles:feed_atom"))
    entry = entry_titled(parsed, story.headline)

    assert entry.author_detail.href == "http://testserver/author/tom-okafor/"
    assert calendar.timegm(entry.updated_parsed) == int(story.updated_at.timestamp())


def test_guid_survives_headline_and_slug_edits(client, newsroom):
    story = newsroom["story"]
    _, before = fetch(client, reverse("articles:feed"))
    guid = entry_titled(before, story.headline).id

    story.headline = "Italian F-35s take over Baltic air policing"
    story.slug = "italian-f35s-baltic"
    story.save()
    _, after = fetch(client, reverse("articles:feed"))

    assert entry_titled(after, story.headline).id == guid


def test_headline_and_standfirst_that_look_like_markup_stay_text(client, make_article):
    headline = 'Quotes " and </title><script>alert(1)</script> & more'
    dek = "<b>Not bold</b> & <i>not italic</i>"
    make_article(headline=headline, dek=dek)

    for name in ("articles:feed", "articles:feed_atom"):
        response, parsed = fetch(client, reverse(name))
        assert b"<script>" not in response.content
        (entry,) = parsed.entries
        assert entry.title == headline
        assert (
            entry.summary
            == "&lt;b&gt;Not bold&lt;/b&gt; &amp; &lt;i&gt;not italic&lt;/i&gt;"
        )


HIDDEN = {
    "draft": {"status": Article.Status.DRAFT},
    "review": {"status": Article.Status.REVIEW},
    "scheduled": {"publish_at": timedelta(hours=1)},
}


@pytest.mark.parametrize("state", HIDDEN)
def test_no_feed_carries_an_unpublished_story(client, newsroom, make_article, state):
    fields = dict(HIDDEN[state])
    if "publish_at" in fields:
        fields["publish_at"] = timezone.now() + fields["publish_at"]
    make_article(
        headline="Secret embargoed headline",
        section=newsroom["section"],
        authors=list(newsroom["story"].byline_authors),
        tags=["NATO"],
        **fields,
    )

    for feed, (name, args) in FEEDS.items():
        response, parsed = fetch(client, reverse(name, args=args))
        assert "Secret embargoed headline" not in response.text, feed
        assert len(parsed.entries) == 2, feed


def test_scheduled_story_enters_the_feed_at_its_publish_time(client, make_article):
    publish_at = timezone.now() + timedelta(hours=3)
    make_article(headline="Embargo lifts", publish_at=publish_at)

    with time_machine.travel(publish_at - timedelta(seconds=1), tick=False):
        assert fetch(client, reverse("articles:feed"))[1].entries == []
    with time_machine.travel(publish_at + timedelta(seconds=1), tick=False):
        (entry,) = fetch(client, reverse("articles:feed"))[1].entries
        assert entry.title == "Embargo lifts"


def test_tag_used_only_on_unpublished_stories_has_no_feed(client, make_article):
    make_article(status=Article.Status.DRAFT, tags=["Operation Nightjar"])

    assert client.get("/tag/operation-nightjar/feed/").status_code == 404
    assert client.get("/tag/operation-nightjar/feed/atom/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/section/nowhere/feed/",
        "/tag/nothing/feed/atom/",
        "/author/nobody/feed/",
    ],
)
def test_unknown_feed_subjects_answer_404(client, db, url):
    assert client.get(url).status_code == 404


def test_feeds_hold_the_latest_stories_with_a_fixed_number_of_queries(
    client, make_article, make_author, make_image
):
    authors = [make_author(name=f"Writer {n}") for n in range(3)]
    image = make_image()

    def add(start, stop):
        for n in range(start, stop):
            make_article(
                headline=f"Story {n}",
                authors=authors[: 1 + n % 3],
                tags=[f"topic-{n}", "NATO"],
                lead_image=image if n % 2 else None,
                publish_at=timezone.now() - timedelta(hours=n + 1),
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            fetch(client, reverse("articles:tag_feed", args=["nato"]))
        return len(captured)

    add(0, 3)
    few = queries()
    add(3, FEED_SIZE + 10)
    assert queries() == few

    _, parsed = fetch(client, reverse("articles:feed"))
    assert len(parsed.entries) == FEED_SIZE
    assert parsed.entries[0].title == "Story 0"


def test_pages_link_their_feeds_for_autodiscovery(client, newsroom):
    story = newsroom["story"]
    site = [
        '<link rel="alternate" type="application/rss+xml" title="Newsroom (RSS)" href="/feed/">',
        '<link rel="alternate" type="application/atom+xml" title="Newsroom (Atom)" href="/feed/atom/">',
    ]
    own = {
        "/section/europe/": "/section/europe/feed/",
        "/tag/nato/": "/tag/nato/feed/",
        "/author/tom-okafor/": "/author/tom-okafor/feed/",
    }

    for url in ["/", story.get_absolute_url(), *own]:
        page = client.get(url).text
        for link in site:
            assert link in page, url
    for url, feed in own.items():
        page = client.get(url).text
        assert 'type="application/rss+xml" title="' in page
        assert f'href="{feed}"' in page, url
        assert f'href="{feed}atom/"' in page, url


def test_feed_picture_is_the_1200_wide_16_9_rendition(
    client, make_article, make_image, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
    make_article(headline="Frigate sails", lead_image=image)
    crop = image.renditions.get(ratio="16:9", width=1200, format="jpeg")

    for name in ("articles:feed", "articles:feed_atom"):
        (entry,) = fetch(client, reverse(name))[1].entries
        (media,) = entry.media_content
        assert media["url"] == f"http://testserver{crop.file.url}"
        assert (media["width"], media["height"], media["type"]) == (
            "1200",
            "675",
            "image/jpeg",
        )
