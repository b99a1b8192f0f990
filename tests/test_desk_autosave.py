"""Autosave and recovery of the story form, through the admin's endpoints."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from desk.models import Autosave
from tests.admin_forms import add_form_data, change_form_data

pytestmark = pytest.mark.django_db

TYPED = "<p>A paragraph typed just before the browser crashed.</p>"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def autosave_url(story):
    return reverse("admin:desk_autosave", args=[story.pk])


@pytest.fixture
def story(make_article, reporter):
    return make_article(
        headline="Harbour dredging plan",
        status=Article.Status.DRAFT,
        created_by=reporter,
        tags=["Ports"],
    )


def test_autosave_keeps_the_form_and_leaves_the_story_alone(story, reporter):
    before = Article.objects.get(pk=story.pk)
    versions = Version.objects.count()
    data = change_form_data(story, body=TYPED, headline="Dredging plan approved")
    response = logged_in(reporter).post(autosave_url(story), data)
    assert response.status_code == 200
    assert "shown" in response.json()
    after = Article.objects.get(pk=story.pk)
    assert (after.body, after.headline, after.version, after.modified_at) == (
        before.body,
        before.headline,
        before.version,
        before.modified_at,
    )
    assert Version.objects.count() == versions
    kept = Autosave.objects.get()
    assert kept.data["body"] == [TYPED]
    assert "csrfmiddlewaretoken" not in kept.data
    # Autosaving again replaces the copy; one per person and story.
    logged_in(reporter).post(autosave_url(story), {**data, "headline": "Third try"})
    assert Autosave.objects.get().data["headline"] == ["Third try"]


def test_reopening_offers_restore_and_restoring_fills_the_form(story, reporter):
    client = logged_in(reporter)
    client.post(autosave_url(story), change_form_data(story, body=TYPED))
    page = client.get(change_url(story)).text
    assert "You have unsaved changes from" in page
    assert "?autosave=restore" in page
    assert "A paragraph typed just before" not in page
    restored = client.get(change_url(story) + "?autosave=restore")
    assert "A paragraph typed just before the browser crashed." in restored.text
    assert "are in the form below" in restored.text
    assert Article.objects.get(pk=story.pk).body == story.body
    # Save, the usual way, and the autosave is gone.
    response = client.post(change_url(story), change_form_data(story, body=TYPED))
    assert response.status_code == 302
    assert Article.objects.get(pk=story.pk).body == TYPED
    assert not Autosave.objects.exists()


def test_discarding_removes_the_autosave(story, reporter):
    client = logged_in(reporter)
    client.post(autosave_url(story), change_form_data(story, body=TYPED))
    response = client.post(
        reverse("admin:desk_autosave_discard", args=[story.pk]),
        change_form_data(story),
    )
    assert response.status_code == 302
    assert response.url == change_url(story)
    assert not Autosave.objects.exists()
    assert "unsaved changes" not in client.get(change_url(story)).text


def test_another_user_never_sees_my_autosave(story, reporter, desk_editor):
    logged_in(reporter).post(autosave_url(story), change_form_data(story, body=TYPED))
    editor = logged_in(desk_editor)
    assert "unsaved changes" not in editor.get(change_url(story)).text
    restored = editor.get(change_url(story) + "?autosave=restore").text
    assert "A paragraph typed just before" not in restored


def test_autosave_survives_a_session_timeout(story, reporter):
    client = logged_in(reporter)
    client.post(autosave_url(story), change_form_data(story, body=TYPED))
    client.logout()  # the session is gone, as after a timeout
    signed_out = client.post(autosave_url(story), change_form_data(story, body="x"))
    assert signed_out.status_code == 302
    assert "/login/" in signed_out.url
    client.force_login(reporter)
    page = client.get(change_url(story) + "?autosave=restore").text
    assert "A paragraph typed just before the browser crashed." in page


def test_no_autosave_without_change_rights(make_article, reporter, other_reporter):
    theirs = make_article(status=Article.Status.DRAFT, created_by=other_reporter)
    response = logged_in(reporter).post(autosave_url(theirs), change_form_data(theirs))
    assert response.status_code == 403
    assert "may not change" in response.json()["error"]
    published = make_article(created_by=reporter)
    response = logged_in(reporter).post(
        autosave_url(published), change_form_data(published)
    )
    assert response.status_code == 403
    assert (
        'id="desk-autosave"' not in logged_in(reporter).get(change_url(published)).text
    )
    assert not Autosave.objects.exists()


def test_a_new_story_is_autosaved_and_restored_until_it_is_saved(reporter):
    client = logged_in(reporter)
    url = reverse("admin:desk_autosave_new")
    data = add_form_data(headline="Ferry strike", body=TYPED)
    assert client.post(url, data).status_code == 200
    add = reverse("admin:articles_article_add")
    assert "You have unsaved changes" in client.get(add).text
    restored = client.get(add + "?autosave=restore").text
    assert 'value="Ferry strike"' in restored
    assert client.post(add, data).status_code == 302
    assert not Autosave.objects.exists()


def test_an_autosave_older_than_my_own_save_is_refused(story, reporter):
    client = logged_in(reporter)
    old = change_form_data(story)
    client.post(change_url(story), change_form_data(story, headline="Saved"))
    response = client.post(autosave_url(story), {**old, "headline": "Late"})
    assert response.status_code == 409
    assert not Autosave.objects.exists()


def test_restoring_over_someone_elses_save_shows_the_conflict(
    story, reporter, desk_editor
):
    mine = logged_in(reporter)
    mine.post(autosave_url(story), change_form_data(story, body=TYPED))
    logged_in(desk_editor).post(
        change_url(story), change_form_data(story, headline="Editor's headline")
    )
    page = mine.get(change_url(story) + "?autosave=restore").text
    assert "A paragraph typed just before the browser crashed." in page
    assert "saved by someone else after you wrote them" in page
    assert "edit-conflict" in page
