"""Repeat visits to an unchanged page cost a 304, and a change is seen at once."""

from django.urls import reverse


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
