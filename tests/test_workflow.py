"""Draft → review → published (or scheduled) → unpublished, through the admin, with the
checklist, newsroom-local time across clock changes, and the audit trail."""

import re
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from articles.models import Article, Byline, Note
from tests.admin_forms import add_form_data, add_note, change_form_data

HEADLINE = "Embargoed white paper on air defence"


@pytest.fixture
def london(settings):
    settings.TIME_ZONE = "Europe/London"
    timezone.activate("Europe/London")
    yield
    timezone.deactivate()


@pytest.fixture
def complete(make_article, make_section, make_image, make_author):
    """A draft that passes the checklist, in a section, with a tag and an author."""

    def make(**fields):
        fields.setdefault("status", Article.Status.DRAFT)
        article = make_article(
            headline=HEADLINE,
            section=make_section(name="Europe", slug="europe"),
            lead_image=make_image(),
            tags=["Air defence"],
            **fields,
        )
        Byline.objects.create(
            article=article, author=make_author(name="Tom Okafor", slug="tom-okafor")
        )
        return article

    return make


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def reader_surfaces(article):
    """Every reader page a story can appear on, with how to tell it is there."""
    urls = [
        "/",
        reverse("articles:section", args=["europe"]),
        reverse("articles:tag", args=["air-defence"]),
        reverse("articles:author", args=["tom-okafor"]),
        reverse("articles:corrections"),
    ]
    optional = [
        ("articles:feed", []),
        ("articles:section_feed", ["europe"]),
        ("articles:tag_feed", ["air-defence"]),
        ("sitemap_index", []),
    ]
    for name, args in optional:
        try:
            urls.append(reverse(name, args=args))
        except NoReverseMatch:
            continue
    try:
        urls.append(reverse("articles:search") + "?q=embargoed+white+paper")
    except NoReverseMatch:
        pass
    return urls


def visible_everywhere(client, article):
    """Whether the story shows on its page and on each listing, all in agreement."""
    seen = {"detail": client.get(article.get_absolute_url()).status_code == 200}
    for url in reader_surfaces(article):
        text = client.get(url).content.decode()
        if url.startswith("/sitemap"):
            # The index lists the sitemaps that list the stories.
            text = "".join(
                client.get(loc.split("testserver", 1)[-1]).content.decode()
                for loc in re.findall(r"<loc>([^<]+)</loc>", text)
            )
        seen[url] = article.slug in text or HEADLINE in text
    return seen


# The checklist and the draft.


def test_a_draft_saves_with_only_a_headline(client, desk_editor):
    client.force_login(desk_editor)

    response = client.post(
        reverse("admin:articles_article_add"),
        add_form_data(headline="Frigate leaves port for the Baltic"),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.slug == "frigate-leaves-port-for-the-baltic"
    assert article.status == Article.Status.DRAFT
    assert article.created_by == desk_editor


def test_a_second_story_with_the_same_headline_gets_its_own_address(
    client, desk_editor, make_article
):
    make_article(headline="Storm warning", slug="storm-warning")
    client.force_login(desk_editor)

    client.post(
        reverse("admin:articles_article_add"), add_form_data(headline="Storm warning")
    )

    assert Article.objects.filter(slug="storm-warning-2").exists()


def test_publishing_an_incomplete_story_lists_what_is_missing(
    client, desk_editor, make_image
):
    image = make_image(credit="")
    client.force_login(desk_editor)

    response = client.post(
        reverse("admin:articles_article_add"),
        add_form_data(headline="Half ready", status="published", lead_image=image.pk),
    )

    assert response.status_code == 200
    message = str(response.context["adminform"].form.non_field_errors())
    for missing in (
        "a section",
        "a standfirst",
        "a body",
        "at least one author",
        "a credit on the lead image",
    ):
        assert missing in message
    assert not Article.objects.exists()


def test_scheduling_runs_the_checklist_too(client, desk_editor, make_article):
    story = make_article(status=Article.Status.DRAFT, dek="")
    client.force_login(desk_editor)
    later = timezone.localtime(timezone.now() + timedelta(days=1))

    response = client.post(
        change_url(story),
        change_form_data(
            story,
            status="published",
            publish_at_0=later.strftime("%Y-%m-%d"),
            publish_at_1="09:00:00",
        ),
    )

    assert "Before it can be published or scheduled" in response.text
    assert Article.objects.get(pk=story.pk).status == Article.Status.DRAFT


def test_bulk_publish_skips_incomplete_stories_and_says_why(
    client, desk_editor, complete, make_article
):
    ready = complete()
    bare = make_article(headline="Bare draft", status=Article.Status.DRAFT)
    client.force_login(desk_editor)

    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [ready.pk, bare.pk]},
        follow=True,
    )

    assert Article.objects.get(pk=ready.pk).is_published
    assert not Article.objects.get(pk=bare.pk).is_published
    assert "Published 1 story" in response.text
    assert "“Bare draft” needs a section" in response.text


def test_reporter_submits_a_draft_for_review(client, reporter):
    client.force_login(reporter)
    client.post(
        reverse("admin:articles_article_add"),
        add_form_data(headline="Reporter's scoop", _submit_for_review="1"),
    )

    story = Article.objects.get()
    assert story.status == Article.Status.REVIEW
    assert LogEntry.objects.filter(
        object_id=str(story.pk), change_message="Submitted for review", user=reporter
    ).exists()


# Scheduling in newsroom time, across daylight-saving changes.


def schedule(client, story, date, time):
    return client.post(
        change_url(story),
        change_form_data(
            story, status="published", publish_at_0=date, publish_at_1=time
        ),
    )


@pytest.mark.parametrize(
    ("local_date", "local_time", "utc"),
    [
        # The Saturday before the clocks go forward: GMT, UTC+0.
        ("2026-03-28", "09:00:00", datetime(2026, 3, 28, 9, 0, tzinfo=UTC)),
        # The Sunday after they went forward at 01:00 GMT: BST, UTC+1.
        ("2026-03-29", "09:00:00", datetime(2026, 3, 29, 8, 0, tzinfo=UTC)),
        # The Sunday they go back, after 02:00 BST became 01:00 GMT.
        ("2026-10-25", "09:00:00", datetime(2026, 10, 25, 9, 0, tzinfo=UTC)),
        ("2026-10-24", "09:00:00", datetime(2026, 10, 24, 8, 0, tzinfo=UTC)),
    ],
)
def test_scheduled_story_appears_at_newsroom_time_on_every_surface(
    client, london, desk_editor, complete, local_date, local_time, utc
):
    story = complete()
    Note.objects.create(
        article=story,
        kind=Note.Kind.CORRECTION,
        text="An earlier version misnamed the minister.",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    editor = client.__class__()
    editor.force_login(desk_editor)
    with time_machine.travel(datetime(2026, 1, 15, 12, 0, tzinfo=UTC), tick=False):
        response = schedule(editor, story, local_date, local_time)
    assert response.status_code == 302, response.context["adminform"].form.errors

    story.refresh_from_db()
    assert story.publish_at == utc  # stored in UTC
    with time_machine.travel(utc - timedelta(seconds=1), tick=False):
        before = visible_everywhere(client, story)
    with time_machine.travel(utc + timedelta(seconds=1), tick=False):
        after = visible_everywhere(client, story)

    assert not any(before.values()), before
    assert all(after.values()), after


@pytest.mark.parametrize(
    ("date", "words"),
    [
        ("2026-03-29", "go forward, so 01:30 does not exist"),
        ("2026-10-25", "go back, so 01:30 happens twice"),
    ],
)
def test_a_time_a_clock_change_makes_unclear_is_refused_with_a_reason(
    client, london, desk_editor, complete, date, words
):
    story = complete()
    client.force_login(desk_editor)

    with time_machine.travel(datetime(2026, 1, 15, 12, 0, tzinfo=UTC), tick=False):
        response = schedule(client, story, date, "01:30:00")

    assert response.status_code == 200
    assert words in response.text
    assert Article.objects.get(pk=story.pk).status == Article.Status.DRAFT


def test_breaking_banner_ends_at_newsroom_time_across_the_clock_change(
    client, london, desk_editor, complete
):
    story = complete()
    editor = client.__class__()
    editor.force_login(desk_editor)
    with time_machine.travel(datetime(2026, 10, 24, 22, 0, tzinfo=UTC), tick=False):
        response = editor.post(
            change_url(story),
            change_form_data(
                story,
                status="published",
                is_breaking="on",
                breaking_until_0="2026-10-25",
                breaking_until_1="03:00:00",
            ),
        )
    assert response.status_code == 302
    until = datetime(2026, 10, 25, 3, 0, tzinfo=UTC)  # GMT again by then
    assert Article.objects.get(pk=story.pk).breaking_until == until

    with time_machine.travel(until - timedelta(seconds=1), tick=False):
        assert "Breaking News" in client.get("/").text
        page = client.get(story.get_absolute_url()).text
        assert 'class="label-breaking"' in page
    with time_machine.travel(until + timedelta(seconds=1), tick=False):
        assert "Breaking News" not in client.get("/").text
        page = client.get(story.get_absolute_url()).text
        assert 'class="label-breaking"' not in page


def test_change_form_says_which_clock_times_are_in(client, london, desk_editor):
    client.force_login(desk_editor)

    page = client.get(reverse("admin:articles_article_add"))

    assert "Newsroom time (Europe/London)" in page.text


def test_list_editing_breaking_gives_the_default_expiry(client, desk_editor, complete):
    story = complete(status=Article.Status.PUBLISHED)
    client.force_login(desk_editor)
    before = timezone.now()

    client.post(
        reverse("admin:articles_article_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": str(story.pk),
            "form-0-is_breaking": "on",
            "_save": "Save",
        },
    )

    story.refresh_from_db()
    assert story.is_breaking_now
    assert before + timedelta(hours=2) <= story.breaking_until
    assert story.breaking_until <= timezone.now() + timedelta(hours=2)
    assert LogEntry.objects.filter(
        object_id=str(story.pk),
        change_message__startswith="Flagged as breaking news until",
        user=desk_editor,
    ).exists()


# The audit trail.


def audit(story):
    return list(
        LogEntry.objects.filter(object_id=str(story.pk))
        .order_by("pk")
        .values_list("user__username", "change_message")
    )


def test_admin_history_records_publication_events_with_the_user(
    client, desk_editor, complete
):
    story = complete()
    client.force_login(desk_editor)
    tomorrow = timezone.localtime(timezone.now() + timedelta(days=1))

    schedule(client, story, tomorrow.strftime("%Y-%m-%d"), "09:00:00")
    story.refresh_from_db()
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [story.pk]},
    )
    story.refresh_from_db()
    client.post(change_url(story), change_form_data(story, is_breaking="on"))
    story.refresh_from_db()
    client.post(change_url(story), change_form_data(story, is_breaking=None))
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [story.pk]},
    )

    events = [message for user, message in audit(story) if user == "desk"]
    wanted = [
        "Scheduled for",
        "Publication time set to",
        "Flagged as breaking news until",
        "Breaking news flag removed",
        "Unpublished (back to draft)",
    ]
    for start in wanted:
        assert any(event.startswith(start) for event in events), (start, events)
    page = client.get(reverse("admin:articles_article_history", args=[story.pk]))
    assert "Scheduled for" in page.text
    assert "Unpublished (back to draft)" in page.text


# Corrections and updates.


def test_notes_show_under_the_story_in_order_and_only_substantive_ones_move_updated(
    client, desk_editor, complete
):
    story = complete(
        status=Article.Status.PUBLISHED, publish_at=timezone.now() - timedelta(days=1)
    )
    client.force_login(desk_editor)
    first = timezone.now() - timedelta(hours=3)
    second = timezone.now() - timedelta(hours=1)
    data = change_form_data(story)
    add_note(
        data,
        0,
        kind="update",
        text="Adds the reply from the ministry.",
        when=second,
        substantive=True,
    )
    add_note(
        data, 1, kind="correction", text="Fixes the spelling of a name.", when=first
    )

    assert client.post(change_url(story), data).status_code == 302

    story.refresh_from_db()
    assert story.updated_at == second.replace(microsecond=0)
    page = client.get(story.get_absolute_url()).text
    notes = page.split('class="story__notes"')[1]
    assert notes.index("Fixes the spelling") < notes.index("reply from the ministry")
    assert "Updated <time" in page


def test_a_typo_note_does_not_move_the_updated_time(client, desk_editor, complete):
    story = complete(status=Article.Status.PUBLISHED)
    client.force_login(desk_editor)
    data = add_note(
        change_form_data(story),
        0,
        kind="correction",
        text="Fixes a typo.",
        when=timezone.now(),
    )

    client.post(change_url(story), data)

    story.refresh_from_db()
    assert story.updated_at is None
    assert "Updated <time" not in client.get(story.get_absolute_url()).text


def test_a_note_cannot_be_dated_in_the_future(client, desk_editor, complete):
    story = complete(status=Article.Status.PUBLISHED)
    client.force_login(desk_editor)
    data = add_note(
        change_form_data(story),
        0,
        kind="correction",
        text="From the future.",
        when=timezone.now() + timedelta(days=2),
    )

    response = client.post(change_url(story), data)

    assert "cannot be dated in the future" in response.text
    assert not Note.objects.exists()


def test_reporters_cannot_add_or_anyone_delete_notes(
    client, reporter, desk_editor, complete
):
    story = complete(created_by=reporter)
    note = Note.objects.create(article=story, text="A correction.")
    client.force_login(reporter)
    data = add_note(
        change_form_data(story),
        1,
        kind="update",
        text="Reporter's note",
        when=timezone.now(),
    )
    client.post(change_url(story), data)
    assert list(Note.objects.values_list("text", flat=True)) == ["A correction."]

    client.force_login(desk_editor)
    data = change_form_data(story)
    data["notes-0-DELETE"] = "on"
    client.post(change_url(story), data)
    assert Note.objects.filter(pk=note.pk).exists()


def test_corrections_page_lists_published_stories_corrections_newest_first(
    client, make_article
):
    live = make_article(headline="Live story")
    draft = make_article(headline="Draft story", status=Article.Status.DRAFT)
    scheduled = make_article(
        headline="Scheduled story", publish_at=timezone.now() + timedelta(hours=1)
    )
    now = timezone.now()
    Note.objects.create(
        article=live, text="Older correction.", created_at=now - timedelta(days=2)
    )
    Note.objects.create(
        article=live,
        kind=Note.Kind.CLARIFICATION,
        text="Newer clarification.",
        created_at=now - timedelta(days=1),
    )
    Note.objects.create(article=live, kind=Note.Kind.UPDATE, text="Just an update.")
    Note.objects.create(article=draft, text="Correction on a draft.")
    Note.objects.create(article=scheduled, text="Correction on a scheduled story.")

    page = client.get(reverse("articles:corrections")).text

    assert page.index("Newer clarification.") < page.index("Older correction.")
    assert "Just an update." not in page
    assert "Correction on a draft." not in page
    assert "Correction on a scheduled story." not in page
    assert f'href="{live.get_absolute_url()}#note-' in page


# Previews.


def test_staff_preview_shows_a_draft_never_cached_and_noindex(
    client, reporter, complete
):
    story = complete()
    client.force_login(reporter)

    response = client.get(reverse("articles:preview", args=[story.pk]))

    assert response.status_code == 200
    assert HEADLINE in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "Preview." in response.text
    assert client.get(story.get_absolute_url()).status_code == 404
    assert HEADLINE not in client.get("/").text


def test_preview_of_an_unpublished_story_claims_no_publication_time(
    client, reporter, complete
):
    # Unpublished stories keep their old publish time; the preview must not show it.
    story = complete(publish_at=timezone.now() - timedelta(days=3))
    client.force_login(reporter)

    page = client.get(reverse("articles:preview", args=[story.pk])).text

    assert "Not published yet" in page
    assert "Published <time" not in page


def test_staff_preview_needs_a_login(client, complete):
    story = complete()

    response = client.get(reverse("articles:preview", args=[story.pk]))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_signed_preview_link_works_without_a_login_until_it_expires(
    client, desk_editor, complete, settings
):
    story = complete()
    editor = client.__class__()
    editor.force_login(desk_editor)
    issued = timezone.now()
    with time_machine.travel(issued, tick=False):
        share = editor.get(change_url(story)).context["share_url"]
    path = share.split("testserver", 1)[1]

    with time_machine.travel(issued + timedelta(hours=47, minutes=59), tick=False):
        fresh = client.get(path)
    with time_machine.travel(issued + timedelta(hours=48, seconds=1), tick=False):
        stale = client.get(path)

    assert fresh.status_code == 200
    assert HEADLINE in fresh.text
    assert fresh["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in fresh["Cache-Control"]
    assert fresh["Referrer-Policy"] == "no-referrer"
    assert stale.status_code == 410
    assert "expired" in stale.text
    assert HEADLINE not in stale.text


def test_a_tampered_preview_link_is_not_found(client, desk_editor, complete):
    story = complete()
    client.force_login(desk_editor)
    share = client.get(change_url(story)).context["share_url"]
    client.logout()
    token = share.rstrip("/").rsplit("/", 1)[1]
    payload, timestamp, signature = token.split(":")
    forged = [
        f"{payload}:{timestamp}:{signature[:-2]}xx",
        f"{payload}:{timestamp}",
        token.replace(payload, payload[:-1] + ("A" if payload[-1] != "A" else "B")),
        "not-a-token",
    ]

    for bad in forged:
        response = client.get(reverse("articles:shared_preview", args=[bad]))
        assert response.status_code == 404, bad
        assert HEADLINE not in response.text


def test_preview_link_lifetime_comes_from_settings(
    client, desk_editor, complete, settings
):
    settings.NEWSROOM_PREVIEW_LINK_HOURS = 1
    story = complete()
    client.force_login(desk_editor)
    issued = timezone.now()
    with time_machine.travel(issued, tick=False):
        path = client.get(change_url(story)).context["share_url"].split("testserver")[1]
    client.logout()

    with time_machine.travel(issued + timedelta(minutes=61), tick=False):
        assert client.get(path).status_code == 410


# Slug changes after publication.


def test_old_address_of_a_published_story_redirects_to_the_new_one(
    client, desk_editor, complete
):
    story = complete(status=Article.Status.PUBLISHED, slug="minister-resigns")
    client.force_login(desk_editor)

    client.post(
        change_url(story), change_form_data(story, slug="defence-minister-resigns")
    )
    client.logout()

    response = client.get("/story/minister-resigns/")
    assert response.status_code == 301
    assert response["Location"] == "/story/defence-minister-resigns/"
    assert client.get("/story/defence-minister-resigns/").status_code == 200


def test_renaming_a_draft_leaves_no_redirect(client, desk_editor, complete):
    story = complete(slug="working-title")
    client.force_login(desk_editor)
    client.post(change_url(story), change_form_data(story, slug="final-title"))

    assert client.get("/story/working-title/").status_code == 404


def test_slug_changed_back_and_forth_never_loops(client, desk_editor, complete):
    story = complete(status=Article.Status.PUBLISHED, slug="first")
    client.force_login(desk_editor)
    client.post(change_url(story), change_form_data(story, slug="second"))
    story.refresh_from_db()
    client.post(change_url(story), change_form_data(story, slug="first"))

    assert client.get("/story/first/").status_code == 200
    assert client.get("/story/second/")["Location"] == "/story/first/"


def test_old_address_of_an_unpublished_story_reveals_nothing(
    client, desk_editor, complete
):
    story = complete(status=Article.Status.PUBLISHED, slug="before")
    client.force_login(desk_editor)
    client.post(change_url(story), change_form_data(story, slug="after"))
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [story.pk]},
    )
    client.logout()

    assert client.get("/story/before/").status_code == 404


# Management commands.


def test_create_staff_user_makes_a_login_in_a_role(db):
    out = StringIO()
    call_command(
        "create_staff_user",
        "aylin",
        role="reporter",
        email="aylin@example.org",
        name="Aylin Demir",
        byline=True,
        stdout=out,
    )

    user = get_user_model().objects.get(username="aylin")
    password = out.getvalue().split("Password: ")[1].strip()
    assert user.check_password(password)
    assert user.is_staff
    assert not user.is_superuser
    assert [g.name for g in user.groups.all()] == ["Reporter"]
    assert user.has_perm("articles.add_article")
    assert not user.has_perm("articles.publish_article")
    assert user.author_profile.name == "Aylin Demir"

    call_command("create_staff_user", "aylin", role="editor", stdout=StringIO())
    user = get_user_model().objects.get(username="aylin")
    assert [g.name for g in user.groups.all()] == ["Editor"]
    assert user.has_perm("articles.publish_article")
    assert user.check_password(password)  # a role change keeps the password

    call_command("create_staff_user", "root", role="admin", stdout=StringIO())
    assert get_user_model().objects.get(username="root").is_superuser


def test_demo_login_puts_the_demo_editor_in_the_editor_group(db, tmp_path):
    call_command("demo_login", password_file=tmp_path / "login", stdout=StringIO())

    user = get_user_model().objects.get(username="editor")
    assert user.is_superuser
    assert user.groups.filter(name="Editor").exists()


def test_roles_come_from_the_migration(db):
    from django.contrib.auth.models import Group

    editor = set(
        Group.objects.get(name="Editor").permissions.values_list("codename", flat=True)
    )
    reporter = set(
        Group.objects.get(name="Reporter").permissions.values_list(
            "codename", flat=True
        )
    )
    assert {"publish_article", "set_breaking", "edit_any_article", "add_note"} <= editor
    assert "delete_note" not in editor
    assert not {"publish_article", "set_breaking", "edit_any_article"} & reporter
    assert {"add_article", "change_article", "add_image"} <= reporter
