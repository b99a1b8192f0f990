"""The front page: a breaking story leads it, and pages never count the archive."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone


def lead_headline(response):
    return response.context["lead"].headline


def below_the_lead(response):
    """Headlines of the top stories and the latest list, in page order."""
    context = response.context
    return [story.headline for story in [*context["top_stories"], *context["stories"]]]


def test_a_live_breaking_story_keeps_the_lead_when_newer_stories_are_published(
    client, make_article
):
    make_article(
        headline="Earthquake hits the capital",
        is_breaking=True,
        breaking_until=timezone.now() + timedelta(hours=2),
        publish_at=timezone.now() - timedelta(hours=1),
    )
    make_article(headline="Council approves budget")

    response = client.get("/")

    assert lead_headline(response) == "Earthquake hits the capital"
    assert below_the_lead(response) == ["Council approves budget"]


def test_when_the_breaking_flag_expires_the_newest_story_leads_again(
    client, make_article
):
    make_article(
        headline="Earthquake hits the capital",
        is_breaking=True,
        breaking_until=timezone.now() - timedelta(minutes=1),
        publish_at=timezone.now() - timedelta(hours=3),
    )
    make_article(headline="Council approves budget")

    assert lead_headline(client.get("/")) == "Council approves budget"


def test_a_scheduled_breaking_story_does_not_lead_before_its_time(client, make_article):
    make_article(
        headline="Embargoed quake report",
        is_breaking=True,
        breaking_until=timezone.now() + timedelta(hours=3),
        publish_at=timezone.now() + timedelta(hours=1),
    )
    make_article(headline="Council approves budget")

    response = client.get("/")

    assert lead_headline(response) == "Council approves budget"
    assert "Embargoed quake report" not in response.text


def test_pages_under_a_breaking_lead_show_every_story_once(
    client, settings, make_article
):
    settings.NEWSROOM_PAGE_SIZE = 4
    now = timezone.now()
    for n in range(9):
        make_article(headline=f"Story {n}", publish_at=now - timedelta(minutes=n + 1))
    make_article(
        headline="Breaking",
        is_breaking=True,
        breaking_until=now + timedelta(hours=1),
        publish_at=now - timedelta(minutes=5, seconds=30),
    )

    seen = []
    for number in (1, 2, 3):
        response = client.get("/", {"page": number})
        if response.context["lead"]:
            seen.append(response.context["lead"].headline)
        seen += below_the_lead(response)

    assert seen == ["Breaking", *(f"Story {n}" for n in range(9))]
    assert client.get("/", {"page": 4}).status_code == 404


def test_listing_pages_link_older_and_newer_without_counting_stories(
    client, settings, make_article, make_section
):
    settings.NEWSROOM_PAGE_SIZE = 2
    europe = make_section(name="Europe", slug="europe")
    for n in range(5):
        make_article(headline=f"Story {n}", section=europe, tags=["NATO"])

    for url in ("/", "/section/europe/", "/tag/nato/"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"page": 2})
        assert response.status_code == 200, url
        assert 'rel="prev" href="?page=1"' in response.text, url
        assert 'rel="next" href="?page=3"' in response.text, url
        assert not [q for q in queries if "COUNT(" in q["sql"].upper()], url
    last = client.get("/section/europe/", {"page": 3})
    assert 'rel="next"' not in last.text
