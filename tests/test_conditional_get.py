"""Repeat visits to an unchanged page cost a 304, and a change is seen at once."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Note


def test_unchanged_reader_page_answers_304_to_its_etag(client, make_article):
    story = make_article(headline="Frigate leaves port")
    first = client.get(story.get_absolute_url())
    etag = first.headers["ETag"]

    again = client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""


def test_an_edit_changes_the_etag(client, make_article):
    story = make_article(headline="Frigate leaves port")
    etag = client.get(reverse("articles:home")).headers["ETag"]
    story.headline = "Second frigate leaves port"
    story.save()

    response = client.get(reverse("articles:home"), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert "Second frigate leaves port" in response.text


def revalidate(client, url, etag):
    return client.get(url, HTTP_IF_NONE_MATCH=etag)


@pytest.mark.parametrize(
    "url", ["/", "/section/europe/", "/tag/nato/", "/story/frigate/", "/corrections/"]
)
def test_an_unchanged_page_is_a_304_before_the_view_renders(
    client, make_article, make_section, url
):
    make_article(
        headline="Frigate leaves port",
        slug="frigate",
        section=make_section(name="Europe", slug="europe"),
        tags=["NATO"],
    )
    etag = client.get(url).headers["ETag"]

    with CaptureQueriesContext(connection) as queries:
        again = revalidate(client, url, etag)

    assert again.status_code == 304
    assert again.templates == []  # nothing was rendered
    assert len(queries) == 1  # the freshness query, and nothing of the page


CHANGES = {
    "edit the story": lambda story, clock: story.save(),
    "rename the section": lambda story, clock: rename(story.section, "Europe, Türkiye"),
    "rename the tag": lambda story, clock: rename(story.tags.get(), "North Atlantic"),
    "add a note": lambda story, clock: Note.objects.create(
        article=story, kind=Note.Kind.CORRECTION, text="An earlier version erred."
    ),
    "delete the story": lambda story, clock: story.delete(),
    "a scheduled story comes due": lambda story, clock: clock.shift(
        timedelta(minutes=6)
    ),
    "the breaking flag expires": lambda story, clock: clock.shift(
        timedelta(minutes=11)
    ),
}


def rename(thing, name):
    thing.name = name
    thing.save()


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_the_page_shows_makes_it_answer_200(
    client, make_article, make_section, change
):
    url = reverse("articles:home")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        story = make_article(
            headline="Frigate leaves port",
            section=make_section(name="Europe", slug="europe"),
            tags=["NATO"],
        )
        if change == "a scheduled story comes due":
            make_article(
                headline="Embargoed", publish_at=timezone.now() + timedelta(minutes=5)
            )
        if change == "the breaking flag expires":
            make_article(
                headline="Storm warning",
                is_breaking=True,
                breaking_until=timezone.now() + timedelta(minutes=10),
            )
        etag = client.get(url).headers["ETag"]
        assert revalidate(client, url, etag).status_code == 304

        CHANGES[change](story, clock)
        response = revalidate(client, url, etag)

    assert response.status_code == 200, change
    assert response.headers["ETag"] != etag
