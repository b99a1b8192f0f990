"""A story's scheduled end ("unpublish at") and the legal takedown."""

import re
from datetime import timedelta

import time_machine
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from articles import publishing, reader_cache
from articles.models import Article, FrontPageSlot
from tests.admin_forms import change_form_data, split
from tests.test_reach_visibility import STORY_SURFACES, surfaces
from tests.test_reach_visibility import story_world as story_world  # a fixture


def test_a_story_leaves_every_surface_at_its_unpublish_second(client, story_world):
    ends = timezone.now().replace(microsecond=0) + timedelta(hours=2)
    story_world(publish_at=timezone.now() - timedelta(hours=1), unpublish_at=ends)

    with time_machine.travel(ends - timedelta(seconds=1), tick=False):
        pages = surfaces(client)
        for url in STORY_SURFACES:
            assert "/story/secret-frigate/" in pages[url], url
        assert client.get("/story/secret-frigate/").status_code == 200
    with time_machine.travel(ends, tick=False):
        for url, text in surfaces(client).items():
            assert "secret-frigate" not in text, url
        assert client.get("/story/secret-frigate/").status_code == 404


def test_the_cache_lifetime_ends_with_the_story(client, make_article):
    make_article(
        headline="Expiring notice",
        unpublish_at=timezone.now() + timedelta(seconds=120),
    )

    for url in ("/", "/story/" + Article.objects.get().slug + "/"):
        response = client.get(url)
        shared = re.search(r"s-maxage=(\d+)", response["Cache-Control"])
        assert int(shared.group(1)) <= 120, url


def test_the_front_page_etag_changes_when_a_story_ends(client, make_article):
    make_article(headline="Anchor")
    ends = timezone.now() + timedelta(hours=1)
    make_article(headline="Expiring notice", unpublish_at=ends)

    before = client.get("/")["ETag"]
    with time_machine.travel(ends + timedelta(seconds=1), tick=False):
        after = client.get("/", HTTP_IF_NONE_MATCH=before)

    assert after.status_code == 200
    assert "Expiring notice" not in after.text


def test_the_admin_sets_an_end_and_refuses_one_before_publication(
    editor_client, make_article, make_section, make_author
):
    story = make_article(
        headline="Notice", section=make_section(), authors=[make_author()]
    )
    url = reverse("admin:articles_article_change", args=[story.pk])
    date, time = split(story.publish_at - timedelta(minutes=1))

    refused = editor_client.post(
        url, change_form_data(story, unpublish_at_0=date, unpublish_at_1=time)
    )
    assert refused.status_code == 200
    assert "must come after the publication time" in refused.text

    ends = timezone.now() + timedelta(days=3)
    date, time = split(ends)
    saved = editor_client.post(
        url, change_form_data(story, unpublish_at_0=date, unpublish_at_1=time)
    )
    assert saved.status_code == 302
    story.refresh_from_db()
    assert story.unpublish_at == ends.replace(microsecond=0)


def test_the_admin_lists_ended_stories_as_ended(editor_client, make_article):
    make_article(
        headline="Old notice",
        publish_at=timezone.now() - timedelta(days=2),
        unpublish_at=timezone.now() - timedelta(days=1),
    )
    make_article(headline="Live story")

    ended = editor_client.get(
        reverse("admin:articles_article_changelist"), {"state": "ended"}
    )
    published = editor_client.get(
        reverse("admin:articles_article_changelist"), {"state": "published"}
    )

    assert "Old notice" in ended.text
    assert "Live story" not in ended.text
    assert "Ended" in ended.text
    assert "Old notice" not in published.text


def takedown(client, story, reason):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "legal_takedown",
            "_selected_action": [story.pk],
            "apply": "1",
            "reason": reason,
        },
    )


def test_a_legal_takedown_needs_a_reason(editor_client, make_article):
    story = make_article(headline="Disputed story")

    response = takedown(editor_client, story, "  ")

    assert response.status_code == 200
    assert "Say why the stories are taken down." in response.text
    story.refresh_from_db()
    assert story.is_published


def test_a_legal_takedown_unpublishes_at_once_records_why_and_purges(
    editor_client, make_article, editor, django_capture_on_commit_callbacks
):
    story = make_article(headline="Disputed story", tags=["Courts"])
    publishing.pin("lead", story, by=editor)
    changes = []
    publishing.subscribe(changes.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = takedown(editor_client, story, "Court order 2026/114")
    finally:
        publishing.unsubscribe(changes.append)

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT
    assert story.takedown_reason == "Court order 2026/114"
    assert client_text(editor_client, story.get_absolute_url()) is None
    assert FrontPageSlot.objects.get(slot="lead").article is None
    assert LogEntry.objects.filter(
        object_id=str(story.pk), change_message="Legal takedown: Court order 2026/114"
    ).exists()
    taken = next(change for change in changes if change.kind == "taken_down")
    keys = reader_cache.keys_for_change(taken)
    assert {reader_cache.story_tag(story.pk), reader_cache.HOME} <= keys
    assert {reader_cache.FEEDS, reader_cache.SITEMAPS, reader_cache.SEARCH} <= keys


def client_text(client, url):
    response = client.get(url)
    return response.text if response.status_code == 200 else None


def test_a_taken_down_story_cannot_be_published_until_the_takedown_is_lifted(
    editor_client, make_article, make_section, make_author, editor
):
    story = make_article(
        headline="Disputed story", section=make_section(), authors=[make_author()]
    )
    publishing.take_down(story, by=editor, reason="Court order")

    refused = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [story.pk]},
        follow=True,
    )
    assert "its legal takedown lifted (reason: Court order)" in refused.text
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT

    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "lift_takedown", "_selected_action": [story.pk]},
    )
    publishing.publish(story, by=editor)
    assert editor_client.get(story.get_absolute_url()).status_code == 200
