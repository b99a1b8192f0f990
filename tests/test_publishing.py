"""The publishing module: every path that changes what readers see applies the same
rules (checklist, audit entry, version, redirects) and announces the change once it
has committed."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version
from taggit.models import Tag

from articles import publishing
from articles.models import Article, Byline, SlugRedirect
from tests.admin_forms import change_form_data


@pytest.fixture
def complete(make_article, make_section, make_image, make_author):
    """A draft that passes the checklist."""

    def make(**fields):
        fields.setdefault("status", Article.Status.DRAFT)
        article = make_article(
            section=make_section(), lead_image=make_image(), tags=["Navy"], **fields
        )
        Byline.objects.create(article=article, author=make_author())
        return article

    return make


@pytest.fixture
def heard(django_capture_on_commit_callbacks):
    """The changes a subscriber hears, and a block that runs on-commit work."""
    changes = []
    publishing.subscribe(changes.append)
    yield changes, lambda: django_capture_on_commit_callbacks(execute=True)
    publishing.unsubscribe(changes.append)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def action(client, name, article):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": name, "_selected_action": [article.pk]},
    )


def events(article, user):
    """The publication events in the story's history, by one user."""
    return list(
        LogEntry.objects.filter(object_id=str(article.pk), user=user)
        .exclude(change_message__startswith="[")  # the admin's field-by-field note
        .order_by("pk")
        .values_list("change_message", flat=True)
    )


def publish_by_form(client, user, story):
    client.force_login(user)
    data = change_form_data(story, status="published", publish_at_0="", publish_at_1="")
    assert client.post(change_url(story), data).status_code == 302


def publish_by_action(client, user, story):
    client.force_login(user)
    action(client, "publish_now", story)


def publish_by_command(client, user, story):
    call_command(
        "story", "publish", story.slug, "--by", user.username, stdout=StringIO()
    )


def publish_by_call(client, user, story):
    publishing.publish(story, by=user)


@pytest.mark.parametrize(
    "publish",
    [publish_by_form, publish_by_action, publish_by_command, publish_by_call],
    ids=["admin form", "admin action", "command", "plain call"],
)
def test_publishing_gives_the_same_record_on_every_path(
    client, desk_editor, complete, heard, publish
):
    changes, committing = heard
    story = complete()
    version = story.version
    with committing():
        publish(client, desk_editor, story)

    stored = Article.objects.get(pk=story.pk)
    assert stored.is_published
    assert stored.version == version + 1
    assert stored.modified_by == desk_editor
    [event] = events(story, desk_editor)
    assert event.startswith("Published (visible from ")
    assert Version.objects.get_for_object(stored).count() >= 1
    [change] = changes
    assert change.article_ids == (story.pk,)
    assert {"status", "publish_at"} <= change.fields
    assert change.by == desk_editor


def unpublish_by_action(client, user, story):
    client.force_login(user)
    action(client, "unpublish", story)


def unpublish_by_command(client, user, story):
    call_command(
        "story", "unpublish", story.slug, "--by", user.username, stdout=StringIO()
    )


def unpublish_by_call(client, user, story):
    publishing.unpublish(story, by=user)


@pytest.mark.parametrize(
    "unpublish",
    [unpublish_by_action, unpublish_by_command, unpublish_by_call],
    ids=["admin action", "command", "plain call"],
)
def test_unpublishing_ends_the_banner_and_says_so_on_every_path(
    client, desk_editor, complete, heard, unpublish
):
    changes, committing = heard
    story = complete(
        status=Article.Status.PUBLISHED,
        is_breaking=True,
        breaking_until=timezone.now() + timedelta(hours=1),
    )
    version = story.version
    with committing():
        unpublish(client, desk_editor, story)

    stored = Article.objects.get(pk=story.pk)
    assert (stored.status, stored.is_breaking) == (Article.Status.DRAFT, False)
    assert stored.version == version + 1
    assert events(story, desk_editor) == [
        "Unpublished (back to draft)",
        "Breaking news flag removed",
    ]
    assert client.get(story.get_absolute_url()).status_code == 404
    [change] = changes
    assert change.fields == {"status", "is_breaking"}


def rename_by_form(user, story, slug, client):
    client.force_login(user)
    client.post(change_url(story), change_form_data(story, slug=slug))


def rename_by_call(user, story, slug, client):
    story.slug = slug
    publishing.save_story(story, by=user, expected_version=story.version)


@pytest.mark.parametrize(
    "rename", [rename_by_form, rename_by_call], ids=["form", "call"]
)
def test_renaming_a_published_story_keeps_the_old_address_on_every_path(
    client, desk_editor, complete, heard, rename
):
    changes, committing = heard
    story = complete(status=Article.Status.PUBLISHED, slug="minister-resigns")
    version = story.version
    with committing():
        rename(desk_editor, story, "defence-minister-resigns", client)

    assert Article.objects.get(pk=story.pk).version == version + 1
    assert SlugRedirect.objects.filter(old_slug="minister-resigns").exists()
    client.logout()
    assert client.get("/story/minister-resigns/")["Location"] == (
        "/story/defence-minister-resigns/"
    )
    [change] = changes
    assert change.old_slugs == ("minister-resigns",)
    assert "slug" in change.fields


def test_a_plain_save_against_a_newer_version_is_refused_and_changes_nothing(
    desk_editor, complete, heard
):
    changes, committing = heard
    story = complete(headline="First headline")
    stale = Article.objects.get(pk=story.pk)
    publishing.save_story(story, by=desk_editor, expected_version=story.version)

    stale.headline = "Typed over an old copy"
    with committing(), pytest.raises(publishing.StaleSave):
        publishing.save_story(stale, by=desk_editor, expected_version=stale.version)

    assert Article.objects.get(pk=story.pk).headline == "First headline"
    assert changes == []


def test_a_plain_call_runs_the_checklist_and_leaves_a_refused_story_alone(
    make_article, desk_editor, heard
):
    changes, committing = heard
    draft = make_article(status=Article.Status.DRAFT, dek="")
    with committing(), pytest.raises(publishing.NotReady) as refused:
        publishing.publish(draft, by=desk_editor)

    assert "a standfirst" in str(refused.value)
    stored = Article.objects.get(pk=draft.pk)
    assert (stored.status, stored.version) == (Article.Status.DRAFT, draft.version)
    assert not LogEntry.objects.exists()
    assert changes == []


def test_scheduling_needs_a_time_still_to_come(complete, desk_editor):
    with pytest.raises(publishing.Refused, match="has passed"):
        publishing.schedule(
            complete(), by=desk_editor, at=timezone.now() - timedelta(minutes=1)
        )


def test_only_a_draft_can_be_submitted_for_review(complete, reporter):
    with pytest.raises(publishing.Refused):
        publishing.submit_for_review(
            complete(status=Article.Status.PUBLISHED), by=reporter
        )


# Subscribers.


def test_a_subscriber_hears_each_committed_change_once(desk_editor, complete, heard):
    changes, committing = heard
    story = complete()
    with committing():
        publishing.publish(story, by=desk_editor)
        publishing.set_breaking(story, by=desk_editor)

    assert [change.kind for change in changes] == ["published", "breaking"]
    assert changes[1].fields == {"is_breaking", "breaking_until"}


def test_a_rolled_back_change_is_never_announced(desk_editor, complete, heard):
    changes, committing = heard
    story = complete()

    def publish_then_fail():
        with transaction.atomic():
            publishing.publish(story, by=desk_editor)
            raise RuntimeError("the surrounding work failed")

    with committing(), pytest.raises(RuntimeError):
        publish_then_fail()

    assert changes == []
    assert Article.objects.get(pk=story.pk).status == Article.Status.DRAFT


def test_a_failing_subscriber_neither_stops_the_others_nor_the_save(
    client, desk_editor, complete, heard, caplog
):
    changes, committing = heard

    def broken(change):
        raise ConnectionError("purge endpoint down")

    publishing.subscribe(broken)
    publishing.subscribe(changes.append)  # already subscribed: not twice
    story = complete()
    client.force_login(desk_editor)
    try:
        with committing(), caplog.at_level(logging.ERROR):
            response = action(client, "publish_now", story)
    finally:
        publishing.unsubscribe(broken)

    assert response.status_code == 302
    assert Article.objects.get(pk=story.pk).is_published
    assert len(changes) == 1
    assert "purge endpoint down" in caplog.text


def test_a_substantive_note_moves_updated_and_a_typo_note_does_not(
    desk_editor, complete, heard
):
    changes, committing = heard
    story = complete(status=Article.Status.PUBLISHED)
    version = story.version
    with committing():
        publishing.add_note(
            story, by=desk_editor, kind="correction", text="Fixed a name's spelling."
        )
        typo_version = Article.objects.get(pk=story.pk).version
        assert Article.objects.get(pk=story.pk).updated_at is None
        publishing.add_note(
            story,
            by=desk_editor,
            kind="update",
            text="The ministry has now confirmed the figure.",
            is_substantive=True,
        )

    stored = Article.objects.get(pk=story.pk)
    assert stored.updated_at == stored.notes.get(kind="update").created_at
    assert stored.version == typo_version + 1 == version + 2
    assert story.version == stored.version  # the caller's copy is brought up to date
    assert [change.fields for change in changes] == [
        {"notes"},
        {"notes", "updated_at"},
    ]
    assert (
        LogEntry.objects.filter(object_id=str(story.pk), user=desk_editor).count() == 2
    )


def test_a_tag_merge_announces_the_stories_and_the_old_tag_address(
    client, desk_editor, make_article, heard
):
    changes, committing = heard
    both = make_article(tags=["Türkiye", "Turkey"])
    old_only = make_article(tags=["Turkey"])
    make_article(tags=["Elsewhere"])
    keep, drop = Tag.objects.get(name="Türkiye"), Tag.objects.get(name="Turkey")
    client.force_login(desk_editor)
    with committing():
        client.post(
            reverse("admin:taggit_tag_changelist"),
            {
                "action": "merge_tags",
                "_selected_action": [keep.pk, drop.pk],
                "apply": "1",
                "survivor": keep.pk,
            },
        )

    [change] = changes
    assert change.kind == "tags_merged"
    assert sorted(change.article_ids) == sorted([both.pk, old_only.pk])
    assert change.old_tag_slugs == ("turkey",)
    assert Article.objects.get(pk=old_only.pk).version == old_only.version + 1


def test_changing_a_picture_announces_the_published_stories_it_leads(
    editor_client, make_article, make_image, heard
):
    changes, committing = heard
    picture = make_image(alt_text="A frigate in fog")
    live = make_article(lead_image=picture)
    make_article(lead_image=picture, status=Article.Status.DRAFT)
    url = reverse("admin:articles_image_change", args=[picture.pk])
    with committing():
        response = editor_client.post(
            url,
            {
                "alt_text": "A grey frigate leaving harbour in fog",
                "caption": picture.caption,
                "credit": picture.credit,
                "focal_x": picture.focal_x,
                "focal_y": picture.focal_y,
            },
        )

    assert response.status_code == 302
    [change] = changes
    assert change.kind == "picture"
    assert change.article_ids == (live.pk,)
    assert "alt_text" in change.fields


def test_restoring_a_revision_is_announced_with_what_came_back(
    client, desk_editor, complete, heard
):
    changes, committing = heard
    story = complete(status=Article.Status.PUBLISHED, headline="The first words")
    client.force_login(desk_editor)
    client.post(change_url(story), change_form_data(story, headline="Other words"))
    story.refresh_from_db()
    oldest = Version.objects.get_for_object(story).order_by("pk").first()
    url = reverse("admin:articles_article_revision", args=[story.pk, oldest.pk])
    with committing():
        client.post(url, {"current_version": str(story.version)})

    assert Article.objects.get(pk=story.pk).headline == "The first words"
    [change] = changes
    assert (change.kind, change.fields) == ("restored", {"headline"})


# The command.


def test_the_command_refuses_what_the_admin_would_refuse(
    make_article, reporter, desk_editor
):
    draft = make_article(status=Article.Status.DRAFT, slug="half-done", dek="")

    with pytest.raises(CommandError, match="a standfirst"):
        call_command("story", "publish", "half-done", "--by", "desk")
    with pytest.raises(CommandError, match="may not publish"):
        call_command("story", "publish", "half-done", "--by", "reporter")
    with pytest.raises(CommandError, match="No story"):
        call_command("story", "publish", "no-such-story", "--by", "desk")
    with pytest.raises(CommandError, match="needs --at"):
        call_command("story", "schedule", "half-done", "--by", "desk")
    assert Article.objects.get(pk=draft.pk).status == Article.Status.DRAFT


def test_the_command_schedules_in_newsroom_time(complete, desk_editor, settings):
    settings.TIME_ZONE = "Europe/Berlin"
    story = complete()
    tomorrow = (timezone.now() + timedelta(days=1)).astimezone(
        timezone.get_default_timezone()
    )
    out = StringIO()
    call_command(
        "story",
        "schedule",
        story.slug,
        "--by",
        "desk",
        "--at",
        tomorrow.strftime("%Y-%m-%d 09:00"),
        stdout=out,
    )

    stored = Article.objects.get(pk=story.pk)
    assert stored.is_scheduled
    assert timezone.localtime(stored.publish_at).hour == 9
    assert "scheduled" in out.getvalue()
    assert events(story, desk_editor)[0].startswith("Scheduled for")


# The next change readers will see.


def test_nothing_scheduled_means_no_next_change(make_article):
    make_article()
    make_article(
        status=Article.Status.DRAFT, publish_at=timezone.now() + timedelta(hours=1)
    )
    make_article(is_breaking=True, breaking_until=timezone.now() - timedelta(minutes=5))

    assert Article.objects.next_change_at() is None


def test_the_next_change_is_the_earliest_scheduled_story(make_article):
    soon = timezone.now() + timedelta(hours=1)
    make_article(publish_at=soon)
    make_article(publish_at=soon + timedelta(hours=3))

    assert Article.objects.next_change_at() == soon


def test_a_breaking_banner_ending_sooner_comes_first(make_article):
    make_article(publish_at=timezone.now() + timedelta(hours=2))
    ends = timezone.now() + timedelta(minutes=20)
    make_article(is_breaking=True, breaking_until=ends)

    assert Article.objects.next_change_at() == ends


def test_a_story_scheduled_in_the_past_is_no_next_change(make_article):
    make_article(publish_at=timezone.now() - timedelta(seconds=1))
    later = timezone.now() + timedelta(days=1)
    make_article(publish_at=later)

    assert Article.objects.next_change_at() == later


def test_a_scheduled_breaking_story_counts_by_its_publish_time(make_article):
    appears = timezone.now() + timedelta(hours=1)
    make_article(
        publish_at=appears,
        is_breaking=True,
        breaking_until=appears - timedelta(minutes=30),
    )

    assert Article.objects.next_change_at() == appears


def test_the_next_change_costs_one_small_query(make_article, django_assert_num_queries):
    for hours in range(1, 6):
        make_article(publish_at=timezone.now() + timedelta(hours=hours))

    # A story appearing, a story's end, a banner's end, a front-page pin's end: one
    # query of four indexed LIMIT 1 subqueries.
    with django_assert_num_queries(1):
        Article.objects.next_change_at()


def test_a_plain_save_keeps_the_words_from_before_it_as_a_revision(
    desk_editor, complete
):
    story = complete(headline="Words from before revisions were kept")
    story.headline = "New words"
    publishing.save_story(story, by=desk_editor)

    versions = Version.objects.get_for_object(story).order_by("pk")
    assert [version.field_dict["headline"] for version in versions] == [
        "Words from before revisions were kept",
        "New words",
    ]
    assert versions.last().revision.user == desk_editor


# One definition of a story's state.


def test_the_admin_filter_and_the_story_properties_agree_on_every_state(
    editor_client, make_article
):
    now = timezone.now()
    stories = {
        "draft": make_article(status=Article.Status.DRAFT),
        "review": make_article(status=Article.Status.REVIEW),
        "scheduled": make_article(publish_at=now + timedelta(hours=1)),
        "published": make_article(publish_at=now - timedelta(hours=1)),
    }
    changelist = reverse("admin:articles_article_changelist")

    for state, story in stories.items():
        listed = editor_client.get(changelist, {"state": state}).context["cl"]
        assert [row.pk for row in listed.result_list] == [story.pk], state
        assert list(Article.objects.in_state(state)) == [story]
    assert [story.display_status for story in stories.values()] == [
        "Draft",
        "In review",
        "Scheduled",
        "Published",
    ]
    assert [story.is_published for story in stories.values()] == [
        False,
        False,
        False,
        True,
    ]
    assert [story.is_scheduled for story in stories.values()] == [
        False,
        False,
        True,
        False,
    ]


def test_the_breaking_banner_and_the_breaking_property_agree(make_article):
    now = timezone.now()
    live = make_article(is_breaking=True, breaking_until=now + timedelta(hours=1))
    make_article(is_breaking=True, breaking_until=now - timedelta(minutes=1))
    make_article(
        publish_at=now + timedelta(minutes=5),
        is_breaking=True,
        breaking_until=now + timedelta(hours=1),
    )
    make_article(
        status=Article.Status.DRAFT,
        is_breaking=True,
        breaking_until=now + timedelta(hours=1),
    )

    assert list(Article.objects.breaking()) == [live]
    assert [story for story in Article.objects.all() if story.is_breaking_now] == [live]
