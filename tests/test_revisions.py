"""No lost edits: optimistic locking on the story's version, revisions, diff, restore."""

import re
import threading

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Byline
from tests.admin_forms import change_form_data
from tests.conftest import role_user


@pytest.fixture
def second_editor(db):
    user = role_user("night", "Editor")
    user.first_name, user.last_name = "Nadia", "Okafor"
    user.save()
    return user


@pytest.fixture
def first_editor(desk_editor):
    desk_editor.first_name, desk_editor.last_name = "Aylin", "Demir"
    desk_editor.save()
    return desk_editor


@pytest.fixture
def story(make_article, make_section, make_image, make_author):
    article = make_article(
        headline="Parliament debates the drone budget",
        body="<p>The committee met on Tuesday.</p><p>Members asked about costs.</p>",
        section=make_section(name="Politics"),
        lead_image=make_image(),
        tags=["Drones", "Budget"],
    )
    Byline.objects.create(article=article, author=make_author(name="Tom Okafor"))
    return article


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def login(user):
    client = Client()
    client.force_login(user)
    return client


def loaded_form(client, article):
    """What an editor's browser holds after opening the change form."""
    page = client.get(change_url(article))
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert form["loaded_version"].value() == article.version
    return change_form_data(Article.objects.get(pk=article.pk))


def test_second_save_on_a_stale_form_is_refused_and_keeps_the_text(
    story, first_editor, second_editor
):
    a, b = login(first_editor), login(second_editor)
    form_a, form_b = loaded_form(a, story), loaded_form(b, story)

    form_a.update(
        headline="Parliament approves the drone budget",
        body="<p>The committee voted on Tuesday.</p><p>Members asked about costs.</p>",
    )
    assert a.post(change_url(story), form_a).status_code == 302
    form_b["body"] = (
        "<p>The committee met on Tuesday.</p><p>Members asked about costs and "
        "B's unsaved paragraph.</p>"
    )
    refused = b.post(change_url(story), form_b)

    assert refused.status_code == 200
    assert "Aylin Demir saved this story at" in refused.text
    conflict = refused.context["conflict"]
    assert conflict.saved_by == "Aylin Demir"
    # B's typed text is still in the form they are looking at.
    assert refused.context["adminform"].form["body"].value() == form_b["body"]
    assert "B&#x27;s unsaved paragraph" in refused.text or "B's unsaved" in refused.text
    # A's save is intact: nothing of A's was lost.
    saved = Article.objects.get(pk=story.pk)
    assert saved.headline == "Parliament approves the drone budget"
    assert "voted" in saved.body
    assert "unsaved paragraph" not in saved.body
    assert saved.version == story.version + 1
    # The diff says what A changed, and that B touched the body too.
    changed = {change.key: change for change in conflict.their_changes}
    assert set(changed) == {"headline", "body"}
    assert "<ins>approves</ins>" in changed["headline"].diff
    assert changed["body"].you_too
    assert not changed["headline"].you_too
    overwrite = {change.key for change in conflict.your_overwrite}
    assert overwrite == {"headline", "body"}


def test_after_seeing_the_conflict_the_second_editor_may_save_over_it(
    story, first_editor, second_editor
):
    a, b = login(first_editor), login(second_editor)
    form_a, form_b = loaded_form(a, story), loaded_form(b, story)
    form_a["headline"] = "A's headline"
    a.post(change_url(story), form_a)
    form_b["headline"] = "B's headline"
    refused = b.post(change_url(story), form_b)
    seen = refused.context["conflict"].version

    # Saving again without ticking the box is still refused.
    assert b.post(change_url(story), form_b).status_code == 200
    assert Article.objects.get(pk=story.pk).headline == "A's headline"

    accepted = b.post(
        change_url(story), {**form_b, "seen_version": seen, "overwrite": "on"}
    )

    assert accepted.status_code == 302
    saved = Article.objects.get(pk=story.pk)
    assert saved.headline == "B's headline"
    # A's text is not gone: it is a revision anyone can restore.
    kept = [v.field_dict["headline"] for v in Version.objects.get_for_object(saved)]
    assert "A's headline" in kept
    assert LogEntry.objects.filter(
        object_id=str(story.pk),
        user=second_editor,
        change_message=f"Saved over version {seen} by Aylin Demir after seeing "
        "their changes",
    ).exists()
    messages = LogEntry.objects.values_list("change_message", flat=True)
    assert not any("loaded_version" in message for message in messages)


def test_an_overwrite_is_refused_if_someone_saved_yet_again(
    story, first_editor, second_editor
):
    a, b = login(first_editor), login(second_editor)
    form_a, form_b = loaded_form(a, story), loaded_form(b, story)
    a.post(change_url(story), {**form_a, "headline": "First by A"})
    seen = b.post(change_url(story), {**form_b, "headline": "B"}).context["conflict"]
    a.post(
        change_url(story),
        change_form_data(Article.objects.get(pk=story.pk), headline="Second by A"),
    )

    refused = b.post(
        change_url(story),
        {**form_b, "headline": "B", "seen_version": seen.version, "overwrite": "on"},
    )

    assert refused.status_code == 200
    assert Article.objects.get(pk=story.pk).headline == "Second by A"


@pytest.mark.parametrize("action", ["publish_now", "unpublish"])
def test_bulk_actions_bump_the_version_so_open_forms_go_stale(
    make_article, publishable_parts_story, first_editor, action
):
    story = publishable_parts_story(
        status="draft" if action == "publish_now" else "published"
    )
    editor = login(first_editor)
    form = loaded_form(editor, story)

    editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [story.pk]},
    )
    refused = editor.post(change_url(story), {**form, "headline": "Late edit"})

    assert Article.objects.get(pk=story.pk).version == story.version + 1
    assert refused.status_code == 200
    assert refused.context["conflict"] is not None
    assert Article.objects.get(pk=story.pk).headline != "Late edit"


@pytest.fixture
def publishable_parts_story(make_article, make_section, make_image, make_author):
    def make(**fields):
        article = make_article(
            section=make_section(), lead_image=make_image(), **fields
        )
        Byline.objects.create(article=article, author=make_author())
        return article

    return make


def test_a_form_without_its_version_is_refused(client, story, first_editor):
    client.force_login(first_editor)

    response = client.post(
        change_url(story),
        change_form_data(story, headline="No version sent", loaded_version=None),
    )

    assert response.status_code == 200
    assert Article.objects.get(pk=story.pk).headline == story.headline


def test_every_save_keeps_a_revision_with_tags_and_authors(
    client, story, first_editor, make_author
):
    client.force_login(first_editor)
    new_author = make_author(name="Elena Vasquez")
    data = change_form_data(
        story, headline="Second headline", tags='Drones, "Air defence"'
    )
    data.update(
        {
            "bylines-TOTAL_FORMS": "2",
            "bylines-1-author": str(new_author.pk),
            "bylines-1-position": "1",
        }
    )
    client.post(change_url(story), data)

    versions = list(
        Version.objects.get_for_object(story).order_by("revision__date_created")
    )
    # The state before the first tracked save, then the save itself.
    assert len(versions) == 2
    from articles import revisions

    before, after = (revisions.version_snapshot(v) for v in versions)
    assert before["headline"] == "Parliament debates the drone budget"
    assert before["tags"] == ("Budget", "Drones")
    assert after["headline"] == "Second headline"
    assert after["tags"] == ("Air defence", "Drones")
    assert len(after["authors"]) == 2
    assert versions[1].revision.user == first_editor


def test_history_lists_revisions_and_the_audit_log(client, story, first_editor):
    client.force_login(first_editor)
    client.post(change_url(story), change_form_data(story, headline="New headline"))

    page = client.get(reverse("admin:articles_article_history", args=[story.pk]))

    assert page.status_code == 200
    assert len(page.context["revisions"]) == 2
    assert "Compare with current" in page.text
    assert "Audit log" in page.text
    assert "Changed Headline" in page.text


def test_compare_shows_a_word_diff_against_the_current_story(
    client, story, first_editor
):
    client.force_login(first_editor)
    client.post(
        change_url(story),
        change_form_data(story, headline="Parliament rejects the drone budget"),
    )
    oldest = Version.objects.get_for_object(story).order_by("pk").first()

    page = client.get(
        reverse("admin:articles_article_revision", args=[story.pk, oldest.pk])
    )

    assert page.status_code == 200
    diff = {change.key: str(change.diff) for change in page.context["changes"]}
    assert set(diff) == {"headline"}
    assert "<del>rejects</del><ins>debates</ins>" in diff["headline"]
    assert "Restore this revision" in page.text


def test_restore_brings_back_a_revision_as_a_new_save(
    client, story, first_editor, make_author
):
    client.force_login(first_editor)
    data = change_form_data(
        story,
        headline="Rewritten headline",
        body="<p>Completely new words.</p>",
        tags="Space",
    )
    client.post(change_url(story), data)
    story.refresh_from_db()
    oldest = Version.objects.get_for_object(story).order_by("pk").first()
    url = reverse("admin:articles_article_revision", args=[story.pk, oldest.pk])

    response = client.post(url, {"current_version": str(story.version)})

    assert response.status_code == 302
    restored = Article.objects.get(pk=story.pk)
    assert restored.headline == "Parliament debates the drone budget"
    assert "Members asked about costs" in restored.body
    assert sorted(restored.tags.names()) == ["Budget", "Drones"]
    assert [a.name for a in restored.byline_authors] == ["Tom Okafor"]
    assert restored.version == story.version + 1
    assert restored.is_published  # publication settings untouched
    newest = Version.objects.get_for_object(restored).order_by("-pk").first()
    assert newest.field_dict["headline"] == "Parliament debates the drone budget"
    assert "Restored the revision" in newest.revision.get_comment()
    assert Version.objects.get_for_object(restored).count() == 3


def test_restore_is_refused_when_the_story_changed_since_the_comparison(
    client, story, first_editor
):
    client.force_login(first_editor)
    client.post(change_url(story), change_form_data(story, headline="Second"))
    story.refresh_from_db()
    oldest = Version.objects.get_for_object(story).order_by("pk").first()
    url = reverse("admin:articles_article_revision", args=[story.pk, oldest.pk])

    response = client.post(
        url, {"current_version": str(story.version - 1)}, follow=True
    )

    assert "Compare again before restoring" in response.text
    assert Article.objects.get(pk=story.pk).headline == "Second"


def test_restore_that_would_break_a_published_story_is_refused(
    client, story, first_editor
):
    client.force_login(first_editor)
    story.dek = ""
    story.save()
    client.post(
        change_url(story), change_form_data(story, dek="Now with a standfirst.")
    )
    story.refresh_from_db()
    without_dek = Version.objects.get_for_object(story).order_by("pk").first()
    url = reverse("admin:articles_article_revision", args=[story.pk, without_dek.pk])

    response = client.post(url, {"current_version": str(story.version)}, follow=True)

    assert "without a standfirst" in response.text
    assert Article.objects.get(pk=story.pk).dek == "Now with a standfirst."


def test_a_reporter_can_compare_but_not_restore_a_story_they_cannot_edit(
    client, story, first_editor, reporter
):
    editor = get_user_model().objects.get(pk=first_editor.pk)
    client.force_login(editor)
    client.post(change_url(story), change_form_data(story, headline="Edited"))
    oldest = Version.objects.get_for_object(story).order_by("pk").first()
    url = reverse("admin:articles_article_revision", args=[story.pk, oldest.pk])
    client.force_login(reporter)

    page = client.get(url)
    forged = client.post(url, {"current_version": str(story.version + 1)})

    assert page.status_code == 200
    assert "Restore this revision" not in page.text
    assert forged.status_code == 403
    assert Article.objects.get(pk=story.pk).headline == "Edited"


def test_a_revision_of_another_story_is_not_reachable_through_this_one(
    client, story, make_article, first_editor
):
    other = make_article(headline="Other story")
    client.force_login(first_editor)
    client.post(change_url(other), change_form_data(other, headline="Other edited"))
    foreign = Version.objects.get_for_object(other).first()

    page = client.get(
        reverse("admin:articles_article_revision", args=[story.pk, foreign.pk])
    )

    assert page.status_code == 404


def test_recovering_deleted_stories_is_not_offered(client, first_editor):
    client.force_login(first_editor)

    assert client.get(reverse("admin:articles_article_recoverlist")).status_code == 403
    page = client.get(reverse("admin:articles_article_changelist"))
    assert not re.search(r"Recover deleted", page.text)


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_one_wins_and_one_sees_the_conflict(
    story, first_editor, second_editor
):
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks and concurrent writers (PostgreSQL)")
    url = change_url(story)
    forms = {
        user: loaded_form(login(user), story) for user in (first_editor, second_editor)
    }
    start = threading.Barrier(2)
    results = {}

    def save(user, headline):
        client = login(user)
        start.wait()
        try:
            results[headline] = client.post(url, {**forms[user], "headline": headline})
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(first_editor, "Saved by A")),
        threading.Thread(target=save, args=(second_editor, "Saved by B")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    codes = sorted(response.status_code for response in results.values())
    assert codes == [200, 302]
    saved = Article.objects.get(pk=story.pk)
    winner = next(h for h, r in results.items() if r.status_code == 302)
    loser = next(h for h, r in results.items() if r.status_code == 200)
    assert saved.headline == winner
    assert saved.version == story.version + 1
    assert results[loser].context["conflict"] is not None
