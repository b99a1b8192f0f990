"""Pictures in S3-compatible object storage, against a real S3 server (SeaweedFS).

The same guarantees as on disk: originals and renditions in the bucket, no object
left by a failed upload, objects deleted once the deletion commits, the maintenance
commands working on the bucket, and reader pages that never talk to the store.
"""

import subprocess
import sys
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from articles.models import Image, Rendition
from newsroom.storage import StorageUnavailable
from tests import picture_files as files
from tests.seaweed import anonymous_get, free_ports

pytestmark = pytest.mark.django_db


def objects(s3) -> dict[str, int]:
    """{key: size} of everything in the test's bucket."""
    return {
        entry["Key"]: entry["Size"]
        for page in s3.client.get_paginator("list_objects_v2").paginate(
            Bucket=s3.bucket
        )
        for entry in page.get("Contents", ())
    }


def reconfigure(settings, **values):
    """Change S3 settings; reassigning STORAGES makes Django build a new storage."""
    for name, value in values.items():
        setattr(settings, name, value)
    settings.STORAGES = {**settings.STORAGES}


def dead_endpoint() -> str:
    (port,) = free_ports(1)
    return f"http://127.0.0.1:{port}"


def upload(client, name="harbour.jpg", data=None, **fields):
    return client.post(
        reverse("admin:articles_image_add"),
        {
            "file": SimpleUploadedFile(name, data or files.jpeg(), "image/jpeg"),
            "alt_text": "Grey warships in a harbour at dawn",
            "credit": "Newsroom",
            "caption": "",
            "focal_x": 0.5,
            "focal_y": 0.5,
            **fields,
        },
    )


def test_an_upload_puts_the_original_and_every_rendition_in_the_bucket(
    s3_media, editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor_client)

    assert response.status_code == 302
    image = Image.objects.get()
    stored = objects(s3_media)
    assert set(stored) == {
        image.file.name,
        *Rendition.objects.values_list("file", flat=True),
    }
    assert len(stored) > 20
    assert image.file.name.startswith("images/")
    assert all(size > 0 for size in stored.values())
    head = s3_media.client.head_object(Bucket=s3_media.bucket, Key=image.file.name)
    assert head["ContentType"] == "image/jpeg"
    assert "immutable" in head["CacheControl"]


def test_a_reader_fetches_a_rendition_from_its_public_address(
    s3_media, editor_client, client, make_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(editor_client)
    image = Image.objects.get()
    story = make_article(lead_image=image)

    page = client.get(story.get_absolute_url()).text
    url = image.rendition_for(None, 640, "webp").url

    assert url.startswith(s3_media.url)
    assert url in page
    status, body = anonymous_get(url)
    assert status == 200
    assert body[:4] == b"RIFF"
    assert body[8:12] == b"WEBP"


def test_the_bucket_cannot_be_listed_by_readers(s3_media, make_image):
    image = make_image()

    status, _ = anonymous_get(s3_media.url)
    assert status == 403
    status, _ = anonymous_get(f"{s3_media.url}?list-type=2&prefix=images/")
    assert status == 403
    # What a reader can fetch is what they were given a link to: 128 random bits.
    random_part = image.file.name.rsplit("/", 1)[1].split("-", 1)[0]
    assert len(random_part) == 32
    assert anonymous_get(image.file.url)[0] == 200


def test_reader_pages_never_touch_the_object_store(
    s3_media,
    settings,
    client,
    make_article,
    make_image,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
    story = make_article(lead_image=image)
    paths = [story.get_absolute_url(), reverse("articles:home")]
    live = {path: client.get(path).text for path in paths}

    # The same pages with the store unreachable: any read, write or existence
    # check would fail the request.
    reconfigure(settings, AWS_S3_ENDPOINT_URL=dead_endpoint())
    with pytest.raises(StorageUnavailable):
        default_storage.exists(image.file.name)
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200
        assert response.text == live[path]
    image.refresh_from_db()
    assert image.rendition_for(None, 960).url in live[story.get_absolute_url()]


def test_a_picture_whose_row_cannot_be_saved_leaves_no_object(s3_media, editor):
    with pytest.raises(IntegrityError), transaction.atomic():
        Image.objects.create_from_upload(
            SimpleUploadedFile("noalt.jpg", files.jpeg()), alt_text="", credit="T"
        )

    assert not Image.objects.exists()
    assert objects(s3_media) == {}


def test_an_upload_the_store_refuses_saves_nothing_and_says_so(
    s3_media, settings, editor_client
):
    reconfigure(settings, AWS_STORAGE_BUCKET_NAME="newsroom-no-such-bucket")

    response = upload(editor_client)

    assert response.status_code == 302
    assert not Image.objects.exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("could not be stored" in message for message in messages)


def test_the_store_speaks_oserror_when_it_cannot_be_reached(s3_media, settings):
    reconfigure(settings, AWS_S3_ENDPOINT_URL=dead_endpoint())

    with pytest.raises(StorageUnavailable):
        default_storage.exists("images/anything.jpg")
    with pytest.raises(StorageUnavailable):
        default_storage.save("images/anything.jpg", ContentFile(b"x"))


def test_deleting_a_picture_deletes_its_objects_once_the_deletion_commits(
    s3_media, editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(editor_client)
    image = Image.objects.get()
    assert len(objects(s3_media)) > 20

    with django_capture_on_commit_callbacks(execute=False) as pending:
        response = editor_client.post(
            reverse("admin:articles_image_delete", args=[image.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert not Image.objects.exists()
    assert len(objects(s3_media)) > 20  # nothing removed before the commit
    for callback in pending:
        callback()
    assert objects(s3_media) == {}


def test_orphan_media_finds_and_removes_stray_objects_in_the_bucket(
    s3_media, make_image, django_capture_on_commit_callbacks, capsys
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
    stray = "images/2026/01/0123456789abcdef0123456789abcdef-left-behind.jpg"
    s3_media.client.put_object(Bucket=s3_media.bucket, Key=stray, Body=b"x" * 2048)
    lost = Rendition.objects.filter(image=image).first()
    s3_media.client.delete_object(Bucket=s3_media.bucket, Key=lost.file.name)
    time.sleep(
        1.1
    )  # S3 times have one-second resolution; --min-age 0 means "older than now"

    call_command("orphan_media", "--min-age", "0")
    report = capsys.readouterr().out
    assert f"orphan file: {stray}" in report
    assert "1 rendition rows point at missing files" in report
    assert "Found 1 orphan files" in report
    assert stray in objects(s3_media)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("orphan_media", "--min-age", "0", "--delete")
    stored = objects(s3_media)
    assert stray not in stored
    # The lost rendition was remade, under a row that points at a real object.
    image.refresh_from_db()
    assert set(stored) == {
        image.file.name,
        *Rendition.objects.filter(image=image).values_list("file", flat=True),
    }


def test_orphan_media_leaves_young_objects_alone(s3_media, capsys):
    young = "renditions/2026/01/upload-under-way/w-320-abcdef12.webp"
    s3_media.client.put_object(Bucket=s3_media.bucket, Key=young, Body=b"x")

    call_command("orphan_media", "--delete")

    assert "Removed 0 orphan files" in capsys.readouterr().out
    assert young in objects(s3_media)


def test_regenerate_renditions_remakes_lost_objects_in_the_bucket(
    s3_media, make_image, django_capture_on_commit_callbacks, capsys
):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
    before = objects(s3_media)
    for name in Rendition.objects.values_list("file", flat=True):
        s3_media.client.delete_object(Bucket=s3_media.bucket, Key=name)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("regenerate_renditions", "--force", str(image.pk))

    assert "0 failed" in capsys.readouterr().out
    stored = objects(s3_media)
    names = set(Rendition.objects.values_list("file", flat=True))
    assert set(stored) == {image.file.name, *names}
    assert len(names) == len(before) - 1
    image.refresh_from_db()
    assert {entry[4] for entry in image.ready} == names


def test_s3_media_is_chosen_by_the_environment(s3_server):
    env = {
        **s3_server.environment("newsroom-settings"),
        "AWS_S3_CUSTOM_DOMAIN": "news.example.org/media",
        "AWS_S3_URL_PROTOCOL": "https:",
        "PATH": "/usr/bin:/bin",
    }
    script = (
        "from django.conf import settings; import django; django.setup();"
        "from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__,"
        " settings.MEDIA_URL, s.url('images/a b.jpg'), s.bucket_name, s.querystring_auth)"
    )
    result = run_settings(env, script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "MediaStorage",
        "https://news.example.org/media/",
        "https://news.example.org/media/images/a%20b.jpg",
        "newsroom-settings",
        "False",
    ]


def test_s3_media_without_a_bucket_refuses_to_start():
    result = run_settings(
        {"NEWSROOM_MEDIA_STORAGE": "s3", "PATH": "/usr/bin:/bin"},
        "import django; django.setup()",
    )
    assert result.returncode != 0
    assert "NEWSROOM_MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME" in result.stderr


def run_settings(env, script):
    return subprocess.run(
        [sys.executable, "-c", script],
        env={"DJANGO_SETTINGS_MODULE": "newsroom.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
