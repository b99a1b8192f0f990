"""The one rule of visibility, checked on every reader route."""

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
        "publish_at": timezone.now() - timedelta(days=1),
    },
    "scheduled": {
        "status": Article.Status.PUBLISHED,
        "publish_at": timezone.now() + timedelta(hours=2),
    },
}


@pytest.fixture
def story_world(make_article, make_section, make_author):
    """A section, a tag and an author, each with one published story to keep pages alive."""
    section = make_section(name="Europe", slug="europe")
    author = make_author(name="Tom Okafor", slug="tom-okafor")
    make_article(
        headline="Visible anchor story",
        section=section,
        authors=[author],
        tags=["NATO"],
    )

    def make(**fields):
        return make_article(
            headline="Secret embargoed headline",
            section=section,
            authors=[author],
            tags=["NATO"],
            **fields,
        )

    return make


def reader_pages(client, article):
    urls = [
        reverse("articles:home"),
        reverse("articles:section", args=["europe"]),
        reverse("articles:tag", args=["nato"]),
        reverse("articles:author", args=["tom-okafor"]),
    ]
    return {url: client.get(url) for url in urls}


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_story_is_on_no_reader_surface(client, story_world, state):
    article = story_world(**HIDDEN_STATES[state])

    assert client.get(article.get_absolute_url()).status_code == 404
    for url, response in reader_pages(client, article).items():
        assert response.status_code == 200, url
        assert "Visible anchor story" in response.text, url
        assert "Secret embargoed headline" not in response.text, url


def test_published_story_is_on_every_reader_surface(client, story_world):
    article = story_world()

    assert client.get(article.get_absolute_url()).status_code == 200
    for url, response in reader_pages(client, article).items():
        assert "Secret embargoed headline" in response.text, url


def test_scheduled_story_appears_by_itself_at_publish_at(client, story_world):
    publish_at = timezone.now() + timedelta(hours=3)
    article = story_world(status=Article.Status.PUBLISHED, publish_at=publish_at)

    with time_machine.travel(publish_at - timedelta(seconds=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 404
        assert "Secret embargoed headline" not in client.get("/").text

    with time_machine.travel(publish_at + timedelta(seconds=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 200
        for url, response in reader_pages(client, article).items():
            assert "Secret embargoed headline" in response.text, url


def test_unknown_slugs_answer_404(client, db):
    for url in [
        "/story/no-such-story/",
        "/section/no-such-section/",
        "/tag/no-such-tag/",
        "/author/no-such-author/",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "We could not find that page" in response.text


def test_tag_used_only_on_a_draft_does_not_reveal_itself(client, make_article):
    make_article(status=Article.Status.DRAFT, tags=["Operation Nightjar"])

    assert client.get("/tag/operation-nightjar/").status_code == 404


def test_breaking_banner_goes_away_by_itself_when_it_expires(client, make_article):
    until = timezone.now() + timedelta(hours=2)
    story = make_article(
        headline="Air-defence alert over Tallinn",
        is_breaking=True,
        breaking_until=until,
    )

    with time_machine.travel(until - timedelta(seconds=1), tick=False):
        home = client.get("/").text
        assert "Breaking News" in home
        assert 'class="label-breaking"' in client.get(story.get_absolute_url()).text

    with time_machine.travel(until + timedelta(seconds=1), tick=False):
        home = client.get("/").text
        assert "Breaking News" not in home
        assert "Air-defence alert over Tallinn" in home
        assert 'class="label-breaking"' not in client.get(story.get_absolute_url()).text


def test_breaking_flag_on_a_scheduled_story_shows_no_banner(client, make_article):
    make_article(
        headline="Embargoed breaking story",
        publish_at=timezone.now() + timedelta(hours=1),
        is_breaking=True,
        breaking_until=timezone.now() + timedelta(hours=3),
    )

    home = client.get("/").text
    assert "Breaking News" not in home
    assert "Embargoed breaking story" not in home


def test_related_stories_are_published_only_and_never_the_story_itself(
    client, make_article
):
    story = make_article(headline="Main story", tags=["Drones", "NATO"])
    make_article(headline="Shares two tags", tags=["Drones", "NATO"])
    make_article(headline="Shares one tag", tags=["Drones"])
    make_article(
        headline="Draft sharing tags",
        status=Article.Status.DRAFT,
        tags=["Drones", "NATO"],
    )
    make_article(
        headline="Scheduled sharing tags",
        publish_at=timezone.now() + timedelta(hours=1),
        tags=["Drones", "NATO"],
    )
    make_article(headline="Unrelated story", tags=["Space"])

    page = client.get(story.get_absolute_url()).text
    related = page.split('id="related-heading"')[1]

    assert related.index("Shares two tags") < related.index("Shares one tag")
    assert "Main story" not in related
    assert "Draft sharing tags" not in related
    assert "Scheduled sharing tags" not in related
    assert "Unrelated story" not in related


def test_related_stories_follow_publishing_unpublishing_and_a_schedule_reaching_its_time(
    client, make_article, make_section, make_author, editor
):
    from articles import publishing

    story = make_article(headline="Main story", tags=["Drones"])
    draft = make_article(
        headline="Written as a draft",
        status=Article.Status.DRAFT,
        section=make_section(name="Europe"),
        authors=[make_author(name="Aylin Demir")],
        tags=["Drones"],
    )
    scheduled = make_article(
        headline="Out in an hour",
        publish_at=timezone.now() + timedelta(hours=1),
        tags=["Drones"],
    )
    live = make_article(headline="Live now", tags=["Drones"])

    def related():
        page = client.get(story.get_absolute_url()).text
        return (
            page.split('id="related-heading"')[1] if "related-heading" in page else ""
        )

    assert "Live now" in related()
    assert "Written as a draft" not in related()

    publishing.publish(draft, by=editor)
    publishing.unpublish(live, by=editor)
    assert "Written as a draft" in related()
    assert "Live now" not in related()
    # Tags given to a story after it went out count too.
    later = make_article(headline="Tagged after publication")
    later.tags.add("Drones")
    assert "Tagged after publication" in related()

    assert "Out in an hour" not in related()
    with time_machine.travel(scheduled.publish_at + timedelta(seconds=1)):
        assert "Out in an hour" in related()
