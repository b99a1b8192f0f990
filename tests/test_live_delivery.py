"""Live coverage as open pages see it: the head, the change log and the page agree,
whatever cursor a page starts from."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article
from live.models import LiveEntry


@pytest.fixture
def live_story(make_article, editor):
    story = make_article(headline="Drones over Vilnius", slug="drones-over-vilnius")
    publishing.open_live_coverage(story, by=editor)
    return story


def head(client, story):
    response = client.get(reverse("live:head", args=[story.pk]))
    assert response.status_code == 200
    return response.json()


def log(client, story, after, upto):
    return client.get(reverse("live:log", args=[story.pk, after, upto]))


def replay(client, story, shown, after, upto):
    """What the page script does with the log: entries by id, as HTML."""
    while after < upto:
        step = min(upto, after + head(client, story)["span"])
        for change in log(client, story, after, step).json()["changes"]:
            if change.get("gone"):
                shown.pop(change["id"], None)
            else:
                shown[change["id"]] = change["html"]
        after = step
    return shown


def page_entries(client, story):
    """Each entry of the story page, by id, as the page shows it."""
    html = client.get(story.get_absolute_url()).content.decode()
    found = re.findall(
        r'(<article class="live-entry[^"]*" id="entry-(\d+)".*?</article>)', html, re.S
    )
    return {int(pk): fragment for fragment, pk in found}


def test_two_entries_with_the_same_time_are_both_delivered(client, live_story, editor):
    start = head(client, live_story)["sequence"]
    moment = timezone.now()
    first = publishing.post_entry(
        live_story, by=editor, body="<p>Airport closed.</p>", posted_at=moment
    )
    second = publishing.post_entry(
        live_story, by=editor, body="<p>Flights diverted.</p>", posted_at=moment
    )

    upto = head(client, live_story)["sequence"]
    changes = log(client, live_story, start, upto).json()["changes"]

    assert upto == start + 2
    assert [change["id"] for change in changes] == [first.pk, second.pk]
    assert set(page_entries(client, live_story)) == {first.pk, second.pk}


def test_add_edit_delete_replayed_from_any_cursor_ends_in_the_servers_state(
    client, live_story, editor
):
    kept = publishing.post_entry(live_story, by=editor, body="<p>One.</p>")
    doomed = publishing.post_entry(live_story, by=editor, body="<p>Two.</p>")
    publishing.edit_entry(kept, by=editor, body="<p>One, corrected.</p>")
    publishing.pin_entry(doomed, by=editor)
    publishing.edit_entry(doomed, by=editor, is_key_event=True)
    publishing.delete_entry(doomed, by=editor)
    later = publishing.post_entry(live_story, by=editor, body="<p>Three.</p>")
    final = head(client, live_story)["sequence"]

    expected = page_entries(client, live_story)
    assert set(expected) == {kept.pk, later.pk}
    for cursor in range(final + 1):
        # A page rendered at `cursor` showed what the log says up to there.
        shown = replay(client, live_story, {}, 0, cursor)
        assert replay(client, live_story, shown, cursor, final) == expected, cursor


def test_a_closed_range_is_byte_identical_after_later_edits(client, live_story, editor):
    entry = publishing.post_entry(live_story, by=editor, body="<p>Before.</p>")
    upto = head(client, live_story)["sequence"]
    before = log(client, live_story, 0, upto).content

    publishing.edit_entry(entry, by=editor, body="<p>After.</p>", headline="New")
    publishing.pin_entry(entry, by=editor)
    publishing.post_entry(live_story, by=editor, body="<p>Another.</p>")

    assert log(client, live_story, 0, upto).content == before
    assert b"After." in log(client, live_story, upto, upto + 1).content


def test_a_deleted_entry_is_gone_from_the_page_and_every_range(
    client, live_story, editor
):
    entry = publishing.post_entry(
        live_story, by=editor, body="<p>Name of a minor, said by mistake.</p>"
    )
    publishing.post_entry(live_story, by=editor, body="<p>Other news.</p>")
    publishing.delete_entry(entry, by=editor)
    upto = head(client, live_story)["sequence"]

    assert "Name of a minor" not in client.get(live_story.get_absolute_url()).text
    for after in range(upto):
        for end in range(after + 1, upto + 1):
            assert b"Name of a minor" not in log(client, live_story, after, end).content
    assert not LiveEntry.objects.filter(pk=entry.pk).exists()


def test_an_ended_story_tells_open_pages_to_stop(client, live_story, editor):
    publishing.post_entry(live_story, by=editor, body="<p>Last word.</p>")
    publishing.close_live_coverage(live_story, by=editor)

    state = head(client, live_story)
    page = client.get(live_story.get_absolute_url()).text

    assert state["open"] is False
    assert state["poll"] is None
    assert "This live coverage has ended" in page
    assert "data-live-head" not in page
    assert "live/live.js" not in page
    with pytest.raises(publishing.Refused, match="ended"):
        publishing.post_entry(live_story, by=editor, body="<p>Too late.</p>")


def test_open_story_pages_carry_their_cursor_and_the_servers_pace(
    client, live_story, editor, settings
):
    settings.NEWSROOM_LIVE_POLL_SECONDS = 7
    publishing.post_entry(live_story, by=editor, body="<p>Hello.</p>")
    page = client.get(live_story.get_absolute_url()).text
    state = head(client, live_story)

    assert f'data-live-sequence="{state["sequence"]}"' in page
    assert state["poll"] == 7
    assert state["open"] is True
    assert '<span class="label-live">Live</span>' in page


def test_a_future_range_is_not_served_and_not_cached(client, live_story):
    upto = head(client, live_story)["sequence"]
    response = log(client, live_story, upto, upto + 1)

    assert response.status_code == 404
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("state", ["draft", "scheduled", "unpublished"])
def test_no_endpoint_serves_entries_of_a_story_readers_cannot_see(
    client, make_article, editor, state
):
    story = make_article(headline="Not yet", slug="not-yet")
    publishing.open_live_coverage(story, by=editor)
    entry = publishing.post_entry(story, by=editor, body="<p>Embargoed words.</p>")
    if state == "draft":
        Article.objects.filter(pk=story.pk).update(status=Article.Status.DRAFT)
    elif state == "scheduled":
        Article.objects.filter(pk=story.pk).update(
            publish_at=timezone.now() + timedelta(hours=1)
        )
    else:
        publishing.unpublish(story, by=editor)

    urls = [
        story.get_absolute_url(),
        reverse("live:head", args=[story.pk]),
        reverse("live:log", args=[story.pk, 0, 2]),
        reverse("live:entry", args=[entry.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"Embargoed" not in response.content, url


def test_an_entrys_lasting_address_finds_its_page(client, live_story, editor):
    first = publishing.post_entry(live_story, by=editor, body="<p>Oldest.</p>")
    for number in range(20):
        publishing.post_entry(live_story, by=editor, body=f"<p>Entry {number}.</p>")

    response = client.get(reverse("live:entry", args=[first.pk]))

    assert response.status_code == 302
    assert (
        response["Location"]
        == f"{live_story.get_absolute_url()}?page=2#entry-{first.pk}"
    )
    older = client.get(live_story.get_absolute_url() + "?page=2").text
    assert f'id="entry-{first.pk}"' in older


def test_structured_data_carries_every_entry_with_its_anchor(
    client, live_story, editor
):
    posted = [
        publishing.post_entry(live_story, by=editor, body=f"<p>Update {n}.</p>")
        for n in range(25)
    ]
    publishing.close_live_coverage(live_story, by=editor)
    html = client.get(live_story.get_absolute_url()).text
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    data = next(
        item for item in map(json.loads, blocks) if item["@type"] == "LiveBlogPosting"
    )

    assert data["coverageStartTime"]
    assert data["coverageEndTime"]
    updates = data["liveBlogUpdate"]
    assert len(updates) == len(posted)
    assert {update["url"].rsplit("#", 1)[1] for update in updates} == {
        f"entry-{entry.pk}" for entry in posted
    }
    assert updates[0]["articleBody"] == "Update 24."
    assert updates[-1]["url"].endswith(f"?page=2#entry-{posted[0].pk}")


def test_every_entry_is_readable_without_javascript_through_the_page_links(
    client, live_story, editor
):
    posted = {
        publishing.post_entry(live_story, by=editor, body=f"<p>Update {n}.</p>").pk
        for n in range(45)
    }
    seen, url = set(), live_story.get_absolute_url()
    while url:
        html = client.get(url).text
        seen |= {
            int(pk)
            for pk in re.findall(
                r'<article class="live-entry[^"]*" id="entry-(\d+)"', html
            )
        }
        older = re.search(r'<a rel="next" href="([^"]+)">Older updates', html)
        url = live_story.get_absolute_url() + older.group(1) if older else None

    assert seen == posted


def test_a_new_entry_changes_the_story_pages_etag(client, live_story, editor):
    first = client.get(live_story.get_absolute_url())
    publishing.post_entry(live_story, by=editor, body="<p>Fresh news.</p>")

    again = client.get(live_story.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert "Fresh news." in again.text


def test_a_preview_of_a_live_story_does_not_poll(editor_client, live_story):
    page = editor_client.get(reverse("articles:preview", args=[live_story.pk])).text
    assert "live-heading" in page
    assert "data-live-head" not in page


def test_an_entrys_picture_shows_on_the_page_and_in_the_log(
    client, live_story, editor, make_image
):
    picture = make_image(alt_text="Wreckage in a field near the border")
    publishing.post_entry(
        live_story, by=editor, body="<p>Debris found.</p>", image=picture
    )
    upto = head(client, live_story)["sequence"]

    page = client.get(live_story.get_absolute_url()).text
    change = log(client, live_story, upto - 1, upto).json()["changes"][0]

    assert 'alt="Wreckage in a field near the border"' in page
    assert 'alt="Wreckage in a field near the border"' in change["html"]
