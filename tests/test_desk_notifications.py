"""Review notifications: who hears of a submission, a mention and a publication, in
the admin inbox and by e-mail."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from articles import publishing
from articles.models import Article
from desk import comments
from desk.models import Notification
from tests.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def inbox(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", "text"))


@pytest.fixture
def draft(make_article, make_section, make_author, reporter):
    reporter.first_name, reporter.last_name = "Rita", "Reporter"
    reporter.save()
    return make_article(
        headline="Ferry strike called off",
        status=Article.Status.DRAFT,
        created_by=reporter,
        section=make_section(),
        authors=[make_author(name="Rita Reporter", user=reporter)],
    )


def test_submitting_from_the_form_tells_the_editors(
    draft, reporter, desk_editor, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(reporter).post(
            reverse("admin:articles_article_change", args=[draft.pk]),
            change_form_data(draft, _submit_for_review="1"),
        )
    assert response.status_code == 302
    expected = [
        ("review", "Rita Reporter submitted “Ferry strike called off” for review")
    ]
    assert inbox(desk_editor) == expected
    assert inbox(editor) == expected  # a superuser reviews too
    assert inbox(reporter) == []
    assert sorted(m.to[0] for m in mail.outbox) == [
        "chief@example.org",
        "desk@example.org",
    ]
    assert f"/admin/articles/article/{draft.pk}/change/" in mail.outbox[0].body


def test_the_submit_action_tells_the_editors_too(
    draft, reporter, desk_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publishing.submit_for_review(draft, by=reporter)
    assert [kind for kind, _ in inbox(desk_editor)] == ["review"]


def test_publishing_someone_elses_story_tells_its_writers(
    draft, reporter, desk_editor, make_image, django_capture_on_commit_callbacks
):
    draft.lead_image = make_image()
    draft.save()
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(draft, by=desk_editor)
    assert inbox(reporter) == [
        ("published", "desk published your story “Ferry strike called off”")
    ]
    assert inbox(desk_editor) == []
    # Saving it again (no status change) tells nobody anything new.
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save_story(Article.objects.get(pk=draft.pk), by=desk_editor)
    assert len(inbox(reporter)) == 1


def test_publishing_my_own_story_tells_nobody(
    make_article,
    make_section,
    make_author,
    desk_editor,
    django_capture_on_commit_callbacks,
):
    story = make_article(
        status=Article.Status.DRAFT,
        created_by=desk_editor,
        section=make_section(),
        authors=[make_author(user=desk_editor)],
    )
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(story, by=desk_editor)
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_mention_notifies_the_person_named(
    draft, reporter, desk_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = comments.add(draft, by=desk_editor, text="@reporter source, please?")
    assert inbox(reporter) == [
        ("mention", "desk mentioned you on “Ferry strike called off”")
    ]
    item = Notification.objects.get(recipient=reporter)
    assert item.url.endswith(f"#comment-{comment.pk}")
    assert mail.outbox[0].to == ["reporter@example.org"]


def test_inbox_shows_the_unread_count_and_opening_marks_read(
    draft, reporter, desk_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comments.add(draft, by=desk_editor, text="@reporter one")
        comments.add(draft, by=desk_editor, text="@reporter two")
    client = logged_in(reporter)
    assert 'aria-label="2 unread"' in client.get("/admin/").text
    page = client.get(reverse("admin:desk_inbox")).text
    assert page.count("mentioned you on") == 2
    first = Notification.objects.filter(recipient=reporter).first()
    opened = client.get(reverse("admin:desk_inbox_open", args=[first.pk]))
    assert opened.status_code == 302
    assert opened.url == first.url
    assert 'aria-label="1 unread"' in client.get("/admin/").text
    client.post(reverse("admin:desk_inbox"))
    assert (
        "unread"
        not in client.get("/admin/").text.split("<body")[1].split("</header>")[0]
    )
    # Someone else's notification is not theirs to open.
    assert (
        logged_in(desk_editor)
        .get(reverse("admin:desk_inbox_open", args=[first.pk]))
        .status_code
        == 404
    )


def test_a_failing_mail_server_does_not_undo_the_save(
    draft, reporter, desk_editor, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        publishing.submit_for_review(draft, by=reporter)
    assert Article.objects.get(pk=draft.pk).status == Article.Status.REVIEW
    assert [kind for kind, _ in inbox(desk_editor)] == ["review"]
