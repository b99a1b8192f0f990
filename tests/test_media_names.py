"""Stored picture names can't be guessed: a picture of an unpublished story has a URL
no one finds by counting or by knowing the photographer's file name."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Image
from tests import picture_files as files

STORED = re.compile(
    r"^images/\d{4}/\d{2}/(?P<random>[0-9a-f]+)-(?P<stem>[a-z0-9-]+)\.jpg$"
)


def upload(name):
    return Image.objects.create_from_upload(
        SimpleUploadedFile(name, files.jpeg(), "image/jpeg"),
        alt_text="A harbour",
        credit="Newsroom illustration",
    )


def test_stored_name_carries_at_least_128_random_bits(db):
    names = [upload("Harbour View.jpg").file.name for _ in range(20)]

    randoms = []
    for name in names:
        match = STORED.match(name)
        assert match, name
        randoms.append(match["random"])
        assert match["stem"] == "harbour-view"
    # Hex digits carry four bits each.
    assert min(len(part) for part in randoms) * 4 >= 128
    assert len(set(randoms)) == len(randoms)
    # Random, not a counter or a clock: the parts share no common prefix.
    assert len({part[:4] for part in randoms}) > 10


def test_uploaded_file_name_survives_only_as_a_short_slug(db):
    image = upload("../../Ünïcödé  PHOTO " + "x" * 200 + ".JPG")

    match = STORED.match(image.file.name)
    assert match, image.file.name
    assert match["stem"].startswith("unicode-photo-x")
    assert len(match["stem"]) <= 40
    assert len(image.file.name) <= Image._meta.get_field("file").max_length


def test_renditions_live_under_the_unguessable_name(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = upload("harbour.jpg")
    random_part = STORED.match(image.file.name)["random"]

    renditions = list(image.renditions.all())
    assert renditions
    assert all(random_part in rendition.file.name for rendition in renditions)
