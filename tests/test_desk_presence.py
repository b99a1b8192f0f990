"""Who is editing: heartbeats shared through the database, with a time to live."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from desk import presence
from desk.models import Presence

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def story(make_article):
    return make_article(headline="Harbour dredging plan", status=Article.Status.DRAFT)


@pytest.fixture
def nadia(desk_editor):
    desk_editor.first_name, desk_editor.last_name = "Nadia", "Okafor"
    desk_editor.save()
    return desk_editor


def change_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def tab_of(page):
    return re.search(r'data-tab="([0-9a-f]+)"', page).group(1)


def test_the_form_shows_who_else_has_the_story_open(story, editor, nadia):
    logged_in(nadia).get(change_url(story))
    page = logged_in(editor).get(change_url(story)).text
    assert "Also open right now" in page
    assert re.search(r"Nadia Okafor, since \d\d:\d\d, no unsaved changes", page)


def test_heartbeat_reports_unsaved_changes_and_the_others(story, editor, nadia):
    theirs = logged_in(nadia)
    tab = tab_of(theirs.get(change_url(story)).text)
    url = reverse("admin:desk_presence", args=[story.pk])
    mine = logged_in(editor)
    my_tab = tab_of(mine.get(change_url(story)).text)
    theirs.post(url, {"tab": tab, "changes": "1"})
    others = mine.post(url, {"tab": my_tab, "changes": "0"}).json()["others"]
    assert [(o["name"], o["has_changes"], o["is_me"]) for o in others] == [
        ("Nadia Okafor", True, False)
    ]


def test_a_closed_tab_leaves_at_once_and_a_silent_one_after_the_ttl(
    story, editor, nadia
):
    theirs = logged_in(nadia)
    tab = tab_of(theirs.get(change_url(story)).text)
    theirs.post(reverse("admin:desk_presence_leave", args=[story.pk]), {"tab": tab})
    assert presence.others(editor, story) == []
    # A heartbeat that was still on its way does not bring the closed tab back.
    theirs.post(reverse("admin:desk_presence", args=[story.pk]), {"tab": tab})
    assert presence.others(editor, story) == []

    tab = tab_of(theirs.get(change_url(story)).text)
    with time_machine.travel(timezone.now() + timedelta(seconds=30)):
        assert [e.name for e in presence.others(editor, story)] == ["Nadia Okafor"]
    with time_machine.travel(
        timezone.now() + presence.VISIBLE_TTL + timedelta(seconds=1)
    ):
        assert presence.others(editor, story) == []


def test_a_tab_in_the_background_is_kept_while_the_browser_slows_it(
    story, editor, nadia
):
    theirs = logged_in(nadia)
    tab = tab_of(theirs.get(change_url(story)).text)
    url = reverse("admin:desk_presence", args=[story.pk])
    theirs.post(url, {"tab": tab, "hidden": "1"})
    # Chrome runs a hidden tab's timers once a minute after five minutes.
    with time_machine.travel(timezone.now() + timedelta(seconds=70)):
        assert [e.name for e in presence.others(editor, story)] == ["Nadia Okafor"]


def test_the_story_list_marks_stories_open_by_someone_else(
    story, make_article, editor, nadia
):
    make_article(headline="Nobody has this one open")
    logged_in(nadia).get(change_url(story))
    page = logged_in(editor).get("/admin/articles/article/").text
    assert page.count("Open now:") == 1
    assert "Open now: Nadia Okafor" in page
    # Not for my own open tabs.
    assert "Open now" not in logged_in(nadia).get("/admin/articles/article/").text


def test_presence_is_refused_without_the_right_to_see_stories(story):
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_user("clerk", is_staff=True)
    url = reverse("admin:desk_presence", args=[story.pk])
    assert logged_in(staff).post(url, {"tab": "x"}).status_code == 403
    assert not Presence.objects.exists()


def test_someone_elses_tab_id_is_not_taken_over(story, editor, nadia):
    tab = tab_of(logged_in(nadia).get(change_url(story)).text)
    url = reverse("admin:desk_presence", args=[story.pk])
    logged_in(editor).post(url, {"tab": tab, "changes": "1"})
    row = Presence.objects.get(tab=tab)
    assert row.user == nadia
    assert not row.has_changes
