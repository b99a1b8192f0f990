"""The image admin: list, form, focal point, replacing and deleting pictures."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Image, Rendition
from tests import picture_files as files

pytestmark = pytest.mark.django_db


def media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def change_form(image, **fields):
    form = {
        "alt_text": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "focal_x": image.focal_x,
        "focal_y": image.focal_y,
        **fields,
    }
    return {key: value for key, value in form.items() if value is not None}


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_image_list_shows_thumbnail_size_credit_and_story_count(
    editor_client, make_image, make_article
):
    used = make_image(alt_text="Tanker at anchor", credit="Port authority")
    make_image(alt_text="Empty quay", credit="Newsroom illustration")
    make_article(lead_image=used)
    make_article(lead_image=used)

    response = editor_client.get(reverse("admin:articles_image_changelist"))

    assert response.status_code == 200
    rows = {image.alt_text: image for image in response.context["cl"].result_list}
    assert rows["Tanker at anchor"].story_count == 2
    assert rows["Empty quay"].story_count == 0
    text = response.text
    assert "1600\u00a0×\u00a0900" in text
    assert "Port authority" in text
    assert 'class="image-thumb"' in text
    assert "column-story_count" in text


def test_change_form_shows_preview_focal_point_crops_and_help(
    editor_client, make_image, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(focal_x=0.25, focal_y=0.75)
    image.refresh_from_db()

    response = editor_client.get(
        reverse("admin:articles_image_change", args=[image.pk])
    )

    text = response.text
    assert "data-focal-picker" in text
    assert '<line x1="25.0" y1="0" x2="25.0" y2="100"/>' in text
    assert '<line x1="0" y1="75.0" x2="100" y2="75.0"/>' in text
    assert image.rendition_for(None, 960).url in text
    for ratio in ("16:9", "4:3", "1:1"):
        assert f"{ratio} crop" in text
    assert "admin_extra/image.js" in text
    assert "What the picture shows, for readers who cannot see it" in text
    assert "JPEG, PNG, WebP or GIF, up to 25 MB and 50 megapixels" in text
    assert "files ready" in text


def test_alt_text_and_credit_are_required(editor_client):
    response = editor_client.post(
        reverse("admin:articles_image_add"),
        {
            "file": SimpleUploadedFile("plain.jpg", files.jpeg()),
            "alt_text": "",
            "credit": "",
            "focal_x": 0.5,
            "focal_y": 0.5,
        },
    )

    errors = response.context["adminform"].form.errors
    assert "This field is required." in errors["alt_text"]
    assert "The file carries no credit to use" in errors["credit"][0]
    assert not Image.objects.exists()
    assert media_files() == set()


def test_credit_from_the_file_is_used_and_the_editor_is_told(editor_client, on_commit):
    with on_commit():
        response = editor_client.post(
            reverse("admin:articles_image_add"),
            {
                "file": SimpleUploadedFile("gps.jpg", files.gps_rotated_jpeg()),
                "alt_text": "Fishing boats at dusk",
                "credit": "",
                "focal_x": 0.5,
                "focal_y": 0.5,
            },
        )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.credit == "Ana Ruiz / Agencia Sur"
    assert image.uploaded_by.username == "chief"
    assert any("Ana Ruiz / Agencia Sur" in m for m in messages_of(response))


def test_moving_the_focal_point_recuts_only_the_crops_it_changes(
    editor_client, on_commit
):
    with on_commit():
        image = Image.objects.create_from_upload(
            SimpleUploadedFile("band.jpg", files.two_tone()),
            alt_text="A red band",
            credit="Test",
        )
    widths = {r.key: r.file.name for r in image.renditions.all()}

    with on_commit():
        response = editor_client.post(
            reverse("admin:articles_image_change", args=[image.pk]),
            change_form(image, focal_x=0.95),
        )

    assert response.status_code == 302
    now = {r.key: r.file.name for r in Image.objects.get().renditions.all()}
    assert now.keys() == widths.keys()
    for key, name in now.items():
        # A 16:9 picture's 16:9 crop is the whole picture, wherever the focal point.
        if key[0] in ("4:3", "1:1"):
            assert name != widths[key]  # a new cut, under a new name
        else:
            assert name == widths[key]
    assert media_files() == {image.file.name, *now.values()}


def test_replacing_the_file_swaps_renditions_and_removes_old_files(
    editor_client, on_commit, client, make_article
):
    with on_commit():
        image = Image.objects.create_from_upload(
            SimpleUploadedFile("old.jpg", files.jpeg((1600, 900))),
            alt_text="Old picture",
            credit="Test",
        )
    old_files = media_files()

    with on_commit():
        response = editor_client.post(
            reverse("admin:articles_image_change", args=[image.pk]),
            change_form(
                image, file=SimpleUploadedFile("new.png", files.transparent_png())
            ),
        )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith("-new.png")
    assert (image.width, image.height) == (700, 400)
    assert not old_files & media_files()
    assert media_files() == {
        image.file.name,
        *(r.file.name for r in Rendition.objects.all()),
    }
    assert {fmt for _, _, _, fmt, _ in image.ready} == {"webp", "png"}
    story = make_article(lead_image=image)
    assert "new" in client.get(story.get_absolute_url()).text


def test_a_refused_replacement_keeps_the_current_picture(editor_client, on_commit):
    with on_commit():
        image = Image.objects.create_from_upload(
            SimpleUploadedFile("keep.jpg", files.jpeg()), alt_text="Keep", credit="T"
        )
    before = media_files()

    response = editor_client.post(
        reverse("admin:articles_image_change", args=[image.pk]),
        change_form(image, file=SimpleUploadedFile("evil.jpg", files.SVG)),
    )

    assert response.status_code == 200
    assert "This is an SVG file" in response.text
    assert media_files() == before
    assert Image.objects.get().file.name == image.file.name


def test_deleting_an_image_removes_its_files_once_the_deletion_commits(
    editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = Image.objects.create_from_upload(
            SimpleUploadedFile("gone.jpg", files.jpeg()), alt_text="Gone", credit="T"
        )
    assert len(media_files()) > 20

    with django_capture_on_commit_callbacks(execute=False) as pending:
        response = editor_client.post(
            reverse("admin:articles_image_delete", args=[image.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert not Image.objects.exists()
    assert not Rendition.objects.exists()
    assert len(media_files()) > 20  # nothing removed before the commit
    for callback in pending:
        callback()
    assert media_files() == set()


def test_bulk_delete_removes_files_of_every_selected_image(editor_client, on_commit):
    with on_commit():
        for n in range(2):
            Image.objects.create_from_upload(
                SimpleUploadedFile(f"{n}.jpg", files.jpeg()),
                alt_text=f"{n}",
                credit="T",
            )

    with on_commit():
        response = editor_client.post(
            reverse("admin:articles_image_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": list(Image.objects.values_list("pk", flat=True)),
                "post": "yes",
            },
        )

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert media_files() == set()


def test_an_image_used_by_stories_cannot_be_deleted_and_the_stories_are_named(
    editor_client, make_image, make_article
):
    image = make_image(alt_text="Harbour at dawn")
    make_article(headline="Port strike ends", lead_image=image)
    make_article(headline="Ferries run again", lead_image=image)
    files_before = media_files()

    response = editor_client.post(
        reverse("admin:articles_image_delete", args=[image.pk]),
        {"post": "yes"},
        follow=True,
    )

    assert Image.objects.filter(pk=image.pk).exists()
    text = response.text
    assert "cannot be deleted" in text
    assert "lead image of 2 stories" in text
    assert "“Port strike ends”" in text
    assert "“Ferries run again”" in text
    assert media_files() == files_before

    response = editor_client.post(
        reverse("admin:articles_image_changelist"),
        {"action": "delete_selected", "_selected_action": [image.pk], "post": "yes"},
        follow=True,
    )
    assert Image.objects.filter(pk=image.pk).exists()
    assert "“Ferries run again”" in response.text
    assert media_files() == files_before


def test_remake_renditions_action(editor_client, make_image, on_commit):
    image = make_image()  # made without running the commit hooks: no renditions
    assert Image.objects.get().ready == []

    with on_commit():
        response = editor_client.post(
            reverse("admin:articles_image_changelist"),
            {"action": "remake_renditions", "_selected_action": [image.pk]},
            follow=True,
        )

    assert "Renditions of 1 picture are being made again" in response.text
    assert len(Image.objects.get().ready) == 28
