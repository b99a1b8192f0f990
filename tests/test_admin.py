"""Editor workflows through the Django admin."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Image
from tests.admin_forms import add_form_data
from tests.conftest import jpeg_bytes


def article_form(**overrides):
    return add_form_data(
        **{
            "headline": "Minister signs Istanbul cooperation pact",
            "slug": "minister-signs-istanbul-pact",
            "dek": "A new framework for joint production.",
            "body": "<p>Signed on the show floor.</p><script>alert(1)</script>",
            "tags": 'Türkiye, "Defence industry"',
            **overrides,
        }
    )


def test_editor_uploads_an_image_in_the_admin(editor_client):
    upload = SimpleUploadedFile(
        "../../etc/harbour photo.JPG", jpeg_bytes((1600, 900)), "image/jpeg"
    )
    response = editor_client.post(
        reverse("admin:articles_image_add"),
        {
            "file": upload,
            "alt_text": "Warships in harbour",
            "credit": "Reuters",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    image = Image.objects.get()
    assert (image.width, image.height) == (1600, 900)
    assert ".." not in image.file.name
    assert image.file.name.startswith("images/")
    assert image.file.name.endswith("-harbour-photo.jpg")


def test_image_without_alt_text_is_refused_with_a_message(editor_client):
    upload = SimpleUploadedFile("harbour.jpg", jpeg_bytes(), "image/jpeg")
    response = editor_client.post(
        reverse("admin:articles_image_add"),
        {"file": upload, "alt_text": "", "focal_x": "0.5", "focal_y": "0.5"},
    )

    assert response.status_code == 200
    assert "This field is required" in response.text
    assert not Image.objects.exists()


def test_editor_creates_a_story_with_tags_author_and_image_then_publishes(
    editor_client, make_author, make_section, make_image
):
    author = make_author(name="Aylin Demir")
    section = make_section(name="Defence Industry")
    image = make_image()
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(
            **{
                "bylines-0-author": author.pk,
                "section": section.pk,
                "lead_image": image.pk,
            }
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert sorted(article.tags.names()) == ["Defence industry", "Türkiye"]
    assert article.byline_authors == [author]
    assert "<script" not in article.body
    assert article.created_by.username == "chief"
    assert not article.is_published

    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "Published 1 story" in response.text
    article.refresh_from_db()
    assert article.is_published
    assert article.first_published_at is not None
    assert article.version == 2
    assert editor_client.get(article.get_absolute_url()).status_code == 200


def test_unpublish_action_takes_a_story_off_the_site(
    editor_client, make_article, client
):
    article = make_article(
        is_breaking=True, breaking_until=timezone.now() + timedelta(hours=1)
    )

    editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert not article.is_breaking
    assert client.get(article.get_absolute_url()).status_code == 404


def test_changelist_shows_scheduled_status_and_filters_by_it(
    editor_client, make_article
):
    make_article(headline="Already out")
    make_article(
        headline="Embargoed white paper", publish_at=timezone.now() + timedelta(hours=5)
    )
    make_article(headline="Half-written piece", status=Article.Status.DRAFT)
    url = reverse("admin:articles_article_changelist")

    everything = editor_client.get(url).text
    assert "Scheduled" in everything

    scheduled = editor_client.get(url, {"state": "scheduled"}).text
    assert "Embargoed white paper" in scheduled
    assert "Already out" not in scheduled

    drafts = editor_client.get(url, {"state": "draft"}).text
    assert "Half-written piece" in drafts
    assert "Embargoed white paper" not in drafts


def test_changelist_filters_by_section_breaking_and_tag(
    editor_client, make_article, make_section
):
    europe = make_section(name="Europe")
    make_article(headline="Tagged drones story", section=europe, tags=["Drones"])
    make_article(
        headline="Breaking one",
        is_breaking=True,
        breaking_until=timezone.now() + timedelta(hours=1),
    )
    url = reverse("admin:articles_article_changelist")

    by_section = editor_client.get(url, {"section__id__exact": europe.pk}).text
    assert "Tagged drones story" in by_section
    assert "Breaking one" not in by_section
    by_breaking = editor_client.get(url, {"is_breaking__exact": "1"}).text
    assert "Breaking one" in by_breaking
    assert "Tagged drones story" not in by_breaking
    tag_id = Article.objects.get(headline="Tagged drones story").tags.get().pk
    by_tag = editor_client.get(url, {"tags__id__exact": tag_id}).text
    assert "Tagged drones story" in by_tag
    assert "Breaking one" not in by_tag
    assert editor_client.get(url, {"q": "drones"}).status_code == 200


def test_view_on_site_only_for_stories_readers_can_see(editor_client, make_article):
    published = make_article()
    draft = make_article(status=Article.Status.DRAFT)

    def change_page(article):
        return editor_client.get(
            reverse("admin:articles_article_change", args=[article.pk])
        ).text

    assert "View on site" in change_page(published)
    assert "View on site" not in change_page(draft)


def test_publishing_without_a_time_publishes_now(editor_client, client, publishable):
    before = timezone.now()
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(status="published", **publishable),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert before <= article.publish_at <= timezone.now()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_breaking_without_an_expiry_gets_two_hours(editor_client, publishable):
    before = timezone.now()
    editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(status="published", is_breaking="on", **publishable),
    )

    article = Article.objects.get()
    assert article.is_breaking_now
    expected = before + timedelta(hours=2)
    assert expected <= article.breaking_until <= expected + timedelta(seconds=5)


def test_admin_screens_for_sections_authors_and_images_load(
    editor_client, make_article, make_image
):
    make_article()
    make_image()
    for name in ["section", "author", "image", "article"]:
        assert (
            editor_client.get(reverse(f"admin:articles_{name}_changelist")).status_code
            == 200
        )
        assert (
            editor_client.get(reverse(f"admin:articles_{name}_add")).status_code == 200
        )
