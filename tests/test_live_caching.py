"""The live answers are public and tagged, and a change purges exactly what showed
it: behind a real Varnish, a deleted entry is gone on the next request."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import publishing, reader_cache
from tests.varnish import get_page


@pytest.fixture
def live_story(make_article, editor):
    story = make_article(headline="Drones over Vilnius", slug="drones-over-vilnius")
    publishing.open_live_coverage(story, by=editor)
    return story


@pytest.fixture
def heard(django_capture_on_commit_callbacks):
    """The changes subscribers hear, once the operation in the block commits."""
    changes = []
    publishing.subscribe(changes.append)
    yield changes
    publishing.unsubscribe(changes.append)


def keys_of(changes):
    return set().union(*(reader_cache.keys_for_change(c) for c in changes))


def test_the_head_is_public_short_lived_and_tagged_with_the_story(
    client, live_story, settings
):
    settings.NEWSROOM_LIVE_HEAD_MAX_AGE = 4
    response = client.get(reverse("live:head", args=[live_story.pk]))

    assert "public" in response["Cache-Control"]
    assert "s-maxage=4" in response["Cache-Control"]
    # "site" is on every shared answer: a section rename purges everything.
    assert set(response["xkey"].split()) == {f"story-{live_story.pk}", "site"}
    assert "Vary" not in response or "Cookie" not in response["Vary"]


def test_a_log_range_is_public_immutable_and_tagged_with_its_entries(
    client, live_story, editor
):
    entry = publishing.post_entry(live_story, by=editor, body="<p>Sirens.</p>")
    live_story.live_coverage.refresh_from_db()
    upto = live_story.live_coverage.sequence

    response = client.get(reverse("live:log", args=[live_story.pk, 0, upto]))

    assert "public" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert set(response["xkey"].split()) == {
        f"live-{live_story.pk}-log",
        f"live-entry-{entry.pk}",
        "site",
    }


def test_a_new_entry_purges_only_the_live_storys_tags(
    live_story, editor, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publishing.post_entry(live_story, by=editor, body="<p>Airport shut.</p>")

    assert keys_of(heard) == {f"story-{live_story.pk}"}


def test_a_deleted_entry_purges_every_range_that_showed_it(
    live_story, editor, django_capture_on_commit_callbacks, heard
):
    entry = publishing.post_entry(live_story, by=editor, body="<p>Wrong name.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        publishing.delete_entry(entry, by=editor)

    assert keys_of(heard) == {f"story-{live_story.pk}", f"live-entry-{entry.pk}"}


def test_unpublishing_a_live_story_purges_its_log(
    live_story, editor, django_capture_on_commit_callbacks, heard
):
    with django_capture_on_commit_callbacks(execute=True):
        publishing.unpublish(live_story, by=editor)

    assert f"live-{live_story.pk}-log" in keys_of(heard)


def test_the_breaking_answer_is_public_short_and_purged_with_the_front_page(
    client, make_article, editor, settings
):
    settings.NEWSROOM_BREAKING_POLL_SECONDS = 10
    url = reverse("live:breaking")
    assert client.get(url).json()["html"] == ""

    story = make_article(headline="Airport closed", slug="airport-closed")
    publishing.set_breaking(story, by=editor, until=timezone.now() + timedelta(hours=1))
    response = client.get(url)

    assert "public" in response["Cache-Control"]
    assert "s-maxage=5" in response["Cache-Control"]
    assert set(response["xkey"].split()) == {"home", f"story-{story.pk}", "site"}
    assert "Airport closed" in response.json()["html"]
    assert response.json()["poll"] == 10


def test_behind_varnish_a_deleted_entry_is_gone_on_the_next_request(
    site_varnish, live_story, editor
):
    doomed = publishing.post_entry(live_story, by=editor, body="<p>Leaked name.</p>")
    publishing.post_entry(live_story, by=editor, body="<p>Other news.</p>")
    live_story.live_coverage.refresh_from_db()
    upto = live_story.live_coverage.sequence
    paths = [
        live_story.get_absolute_url(),
        reverse("live:head", args=[live_story.pk]),
        reverse("live:log", args=[live_story.pk, 0, upto]),
        reverse("live:log", args=[live_story.pk, upto - 2, upto - 1]),
    ]
    for path in paths:
        get_page(site_varnish, path)
        assert get_page(site_varnish, path)[1] == "hit", path

    publishing.delete_entry(doomed, by=editor)

    for path in paths:
        status, cache, body = get_page(site_varnish, path)
        assert (status, cache) == (200, "miss"), path
        assert "Leaked name" not in body, path


def test_behind_varnish_a_new_entry_leaves_passed_ranges_cached(
    site_varnish, live_story, editor
):
    publishing.post_entry(live_story, by=editor, body="<p>First.</p>")
    live_story.live_coverage.refresh_from_db()
    upto = live_story.live_coverage.sequence
    passed = reverse("live:log", args=[live_story.pk, 0, upto])
    head = reverse("live:head", args=[live_story.pk])
    for path in (passed, head):
        get_page(site_varnish, path)

    publishing.post_entry(live_story, by=editor, body="<p>Second.</p>")

    assert get_page(site_varnish, passed)[1] == "hit"
    status, cache, body = get_page(site_varnish, head)
    assert cache == "miss"
    assert f'"sequence": {upto + 1}' in body
