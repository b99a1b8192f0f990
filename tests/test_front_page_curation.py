"""Editors arrange the front page: pinned lead and top stories, section block order."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from articles import publishing, reader_cache
from articles.models import Article, FrontPageSection, FrontPageSlot


def lead(response):
    return response.context["lead"].headline


def top(response):
    return [story.headline for story in response.context["top_stories"]]


def breaking_story(make_article, **fields):
    return make_article(
        headline="Earthquake hits the capital",
        is_breaking=True,
        breaking_until=timezone.now() + timedelta(hours=2),
        publish_at=timezone.now() - timedelta(minutes=30),
        **fields,
    )


@pytest.fixture
def heard(django_capture_on_commit_callbacks):
    changes = []
    publishing.subscribe(changes.append)
    yield changes, lambda: django_capture_on_commit_callbacks(execute=True)
    publishing.unsubscribe(changes.append)


def test_a_pinned_lead_wins_over_newer_stories(client, make_article, editor):
    pinned = make_article(
        headline="The long read", publish_at=timezone.now() - timedelta(days=2)
    )
    make_article(headline="Council approves budget")

    publishing.pin("lead", pinned, by=editor)
    response = client.get("/")

    assert lead(response) == "The long read"
    assert top(response) == ["Council approves budget"]


def test_pinned_top_stories_keep_their_slot_and_the_others_show_the_latest(
    client, make_article, editor
):
    now = timezone.now()
    for n in range(4):
        make_article(headline=f"New {n}", publish_at=now - timedelta(minutes=n + 1))
    old = make_article(headline="Old explainer", publish_at=now - timedelta(days=5))

    publishing.pin("top-2", old, by=editor)
    response = client.get("/")

    assert lead(response) == "New 0"
    assert top(response) == ["New 1", "Old explainer", "New 2", "New 3"]


def test_a_breaking_story_takes_the_lead_from_a_pin_unless_it_is_kept_over_it(
    client, make_article, editor
):
    pinned = make_article(
        headline="The long read", publish_at=timezone.now() - timedelta(days=2)
    )
    publishing.pin("lead", pinned, by=editor)
    breaking_story(make_article)

    response = client.get("/")
    assert lead(response) == "Earthquake hits the capital"
    assert top(response)[0] == "The long read"  # displaced, not dropped

    publishing.pin("lead", pinned, by=editor, over_breaking=True)
    response = client.get("/")
    assert lead(response) == "The long read"
    assert response.context["breaking"].headline == "Earthquake hits the capital"
    assert top(response)[0] == "Earthquake hits the capital"


def test_an_expired_pin_falls_back_to_the_latest_story(client, make_article, editor):
    pinned = make_article(
        headline="Election night live", publish_at=timezone.now() - timedelta(days=1)
    )
    make_article(headline="Council approves budget")
    publishing.pin("lead", pinned, by=editor, until=timezone.now() + timedelta(hours=1))
    assert lead(client.get("/")) == "Election night live"

    with time_machine.travel(timezone.now() + timedelta(hours=1, seconds=1)):
        response = client.get("/")

    assert lead(response) == "Council approves budget"
    assert top(response) == ["Election night live"]


def test_the_cache_lifetime_of_the_front_page_ends_with_the_pin(
    client, make_article, editor
):
    pinned = make_article(headline="Election night live")
    publishing.pin(
        "lead", pinned, by=editor, until=timezone.now() + timedelta(seconds=90)
    )

    response = client.get("/")

    shared = re.search(r"s-maxage=(\d+)", response["Cache-Control"])
    assert int(shared.group(1)) <= 90


def test_an_unpublished_pinned_story_falls_back_to_the_latest(
    client, make_article, editor
):
    pinned = make_article(headline="Withdrawn story")
    make_article(headline="Council approves budget")
    publishing.pin("lead", pinned, by=editor)

    publishing.unpublish(pinned, by=editor)
    response = client.get("/")

    assert lead(response) == "Council approves budget"
    assert "Withdrawn story" not in response.text


def test_a_scheduled_pin_shows_only_from_its_time(client, make_article, editor):
    later = timezone.now() + timedelta(hours=1)
    scheduled = make_article(headline="Embargoed report", publish_at=later)
    make_article(headline="Council approves budget")
    publishing.pin("lead", scheduled, by=editor)

    assert "Embargoed report" not in client.get("/").text
    with time_machine.travel(later + timedelta(seconds=1)):
        assert lead(client.get("/")) == "Embargoed report"


def test_no_story_appears_twice_on_the_front_page(
    client, settings, make_article, make_section, editor
):
    settings.NEWSROOM_PAGE_SIZE = 6
    europe, world = make_section(name="Europe"), make_section(name="World")
    now = timezone.now()
    stories = [
        make_article(
            headline=f"Story {n}",
            section=(europe, world)[n % 2],
            publish_at=now - timedelta(minutes=n + 1),
        )
        for n in range(16)
    ]
    breaking_story(make_article, section=europe)
    publishing.pin("lead", stories[9], by=editor)
    publishing.pin("top-3", stories[12], by=editor)

    response = client.get("/")

    headlines = re.findall(
        r'<h[23] class="[^"]*headline"><a [^>]*>([^<]+)</a>', response.text
    )
    assert len(headlines) == len(set(headlines)), headlines
    # Section blocks still show stories: the ones not already above them.
    assert response.context["section_blocks"]
    assert {"Story 3", "Story 4"} <= set(headlines)


def test_pinning_is_audited_and_purges_the_front_page(make_article, editor, heard):
    changes, committing = heard
    story = make_article(headline="The long read")

    with committing():
        publishing.pin("top-1", story, by=editor)

    (change,) = changes
    assert reader_cache.HOME in reader_cache.keys_for_change(change)
    entry = LogEntry.objects.filter(
        object_id=str(FrontPageSlot.objects.get(slot="top-1").pk)
    ).get()
    assert entry.get_change_message() == "Pinned “The long read”"
    assert LogEntry.objects.filter(
        object_id=str(story.pk), change_message__contains="Pinned to the front page"
    ).exists()


def test_pinning_a_story_elsewhere_moves_it(make_article, editor):
    story = make_article(headline="The long read")
    publishing.pin("top-1", story, by=editor)

    publishing.pin("lead", story, by=editor)

    slots = dict(FrontPageSlot.objects.values_list("slot", "article"))
    assert slots["lead"] == story.pk
    assert slots["top-1"] is None


def test_the_admin_pins_a_story_and_refuses_what_cannot_be_pinned(
    editor_client, make_article
):
    story = make_article(headline="The long read")
    draft = make_article(headline="Unfinished", status=Article.Status.DRAFT)
    slot = FrontPageSlot.objects.get(slot="top-1")
    url = reverse("admin:articles_frontpageslot_change", args=[slot.pk])

    refused = editor_client.post(url, {"article": draft.pk})
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.text  # drafts are not offered
    over = editor_client.post(url, {"article": story.pk, "over_breaking": "on"})
    assert "Only the lead can be kept over breaking news." in over.text

    saved = editor_client.post(url, {"article": story.pk})

    assert saved.status_code == 302
    assert "The long read" in editor_client.get("/").text
    assert FrontPageSlot.objects.get(slot="top-1").article == story
    unpinned = editor_client.post(url, {"article": ""})
    assert unpinned.status_code == 302
    assert FrontPageSlot.objects.get(slot="top-1").article is None


def test_a_reporter_cannot_arrange_the_front_page(client, reporter):
    client.force_login(reporter)

    response = client.get(reverse("admin:articles_frontpageslot_changelist"))

    assert response.status_code == 403


def test_editors_order_and_hide_section_blocks(
    editor_client, settings, make_article, make_section
):
    settings.NEWSROOM_PAGE_SIZE = 3
    sections = {
        name: make_section(name=name, slug=name.lower(), position=n)
        for n, name in enumerate(["Europe", "World", "Business"])
    }
    for name, section in sections.items():
        for n in range(7):
            make_article(headline=f"{name} {n}", section=section)
    changelist = reverse("admin:articles_frontpagesection_changelist")
    editor_client.get(changelist)  # every section gets its block
    rows = list(FrontPageSection.objects.select_related("section"))
    form = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(rows)),
        "_save": "Save",
    }
    wanted = {"Business": (0, True), "Europe": (1, True), "World": (2, False)}
    for n, row in enumerate(rows):
        position, shown = wanted[row.section.name]
        form[f"form-{n}-id"] = str(row.pk)
        form[f"form-{n}-position"] = str(position)
        if shown:
            form[f"form-{n}-shown"] = "on"

    assert editor_client.post(changelist, form).status_code == 302
    response = editor_client.get("/")

    order = [section.name for section, _ in response.context["section_blocks"]]
    assert order == ["Business", "Europe"]
