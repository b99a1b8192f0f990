"""The live desk: editors post, edit, pin, mark and delete entries in one step each,
through the publishing module; reporters on the byline post when the desk allows."""

import pytest
from django.urls import reverse

from articles import publishing
from live.models import LiveCoverage, LiveEntry


@pytest.fixture
def story(make_article, make_author):
    return make_article(headline="Drones over Vilnius", slug="drones-over-vilnius")


def desk(story):
    return reverse("admin:live_desk", args=[story.pk])


def post(client, story, **data):
    return client.post(desk(story), data, follow=True)


def entry_data(**fields):
    data = {
        "headline": "",
        "body": "<p>The airport has reopened.</p>",
        "kind": "update",
        "image": "",
        "author": "",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not False}


def test_the_story_page_links_to_its_live_desk(editor_client, story):
    page = editor_client.get(reverse("admin:articles_article_change", args=[story.pk]))
    assert desk(story) in page.text


def test_an_editor_runs_live_coverage_from_the_desk(editor_client, client, story):
    post(editor_client, story, action="open")
    assert LiveCoverage.objects.get(pk=story.pk).is_open

    response = post(editor_client, story, action="post", **entry_data())
    assert "Posted." in response.text
    entry = LiveEntry.objects.get()
    assert "The airport has reopened." in client.get(story.get_absolute_url()).text

    post(
        editor_client,
        story,
        action="save",
        entry=entry.pk,
        loaded_sequence=entry.sequence,
        **entry_data(headline="Airport open", body="<p>Flights resume at 10:00.</p>"),
    )
    post(editor_client, story, action="key", entry=entry.pk)
    post(editor_client, story, action="pin", entry=entry.pk)
    entry.refresh_from_db()
    assert (entry.headline, entry.is_key_event, entry.is_pinned) == (
        "Airport open",
        True,
        True,
    )
    page = client.get(story.get_absolute_url()).text
    assert "Flights resume at 10:00." in page
    assert "Key events" in page
    assert f'href="#entry-{entry.pk}"' in page

    post(editor_client, story, action="delete", entry=entry.pk)
    assert not LiveEntry.objects.exists()
    assert "Flights resume" not in client.get(story.get_absolute_url()).text

    post(editor_client, story, action="close")
    assert "This live coverage has ended" in client.get(story.get_absolute_url()).text


def test_an_empty_update_is_refused_with_a_message_and_nothing_saved(
    editor_client, story, editor
):
    publishing.open_live_coverage(story, by=editor)
    response = post(editor_client, story, action="post", **entry_data(body="<p> </p>"))

    assert response.status_code == 200
    assert "Write the update before posting it." in response.text
    assert not LiveEntry.objects.exists()


def test_a_key_event_needs_a_headline(editor_client, story, editor):
    publishing.open_live_coverage(story, by=editor)
    response = post(
        editor_client, story, action="post", **entry_data(is_key_event="on")
    )
    assert "give it one" in response.text
    assert not LiveEntry.objects.exists()


def test_a_stale_edit_is_refused_and_keeps_the_text(editor_client, story, editor):
    publishing.open_live_coverage(story, by=editor)
    entry = publishing.post_entry(story, by=editor, body="<p>First words.</p>")
    opened_at = entry.sequence
    publishing.edit_entry(entry, by=editor, body="<p>A colleague's fix.</p>")

    response = post(
        editor_client,
        story,
        action="save",
        entry=entry.pk,
        loaded_sequence=opened_at,
        **entry_data(body="<p>My late edit.</p>"),
    )

    assert "Someone changed this entry after you opened it" in response.text
    assert "My late edit." in response.text
    entry.refresh_from_db()
    assert entry.body == "<p>A colleague's fix.</p>"


def test_posting_on_an_ended_story_is_refused(editor_client, story, editor):
    publishing.open_live_coverage(story, by=editor)
    publishing.close_live_coverage(story, by=editor)
    response = post(editor_client, story, action="post", **entry_data())
    assert not LiveEntry.objects.exists()
    assert response.status_code == 200


def test_the_entry_body_is_sanitised_like_a_story_body(editor_client, story, editor):
    publishing.open_live_coverage(story, by=editor)
    post(
        editor_client,
        story,
        action="post",
        **entry_data(body='<p onclick="x()">Hi<script>alert(1)</script></p>'),
    )
    assert LiveEntry.objects.get().body == "<p>Hi</p>"


def test_a_bylined_reporter_posts_only_when_the_desk_allows(
    client, story, reporter, editor, make_author
):
    author = make_author(name="Tom Okafor", user=reporter)
    story.bylines.create(author=author, position=0)
    publishing.open_live_coverage(story, by=editor)
    client.force_login(reporter)

    assert post(client, story, action="post", **entry_data()).status_code == 403

    publishing.open_live_coverage(story, by=editor, reporters_may_post=True)
    post(client, story, action="post", **entry_data())
    own = LiveEntry.objects.get()
    assert own.created_by == reporter

    theirs = publishing.post_entry(story, by=editor, body="<p>Desk note.</p>")
    assert post(client, story, action="pin", entry=own.pk).status_code == 403
    assert post(client, story, action="delete", entry=theirs.pk).status_code == 403
    post(client, story, action="delete", entry=own.pk)
    assert list(LiveEntry.objects.all()) == [theirs]


def test_a_reporter_off_the_byline_cannot_post(client, story, reporter, editor):
    publishing.open_live_coverage(story, by=editor, reporters_may_post=True)
    client.force_login(reporter)
    assert post(client, story, action="post", **entry_data()).status_code == 403
    assert post(client, story, action="open").status_code == 403


def test_a_mangled_entry_number_is_a_message_not_an_error(editor_client, story, editor):
    publishing.open_live_coverage(story, by=editor)
    assert editor_client.get(desk(story) + "?edit=abc").status_code == 200
    response = post(editor_client, story, action="delete", entry="abc")
    assert "That entry no longer exists." in response.text
