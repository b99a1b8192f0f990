"""Pictures: odd uploads through the admin, private metadata, renditions, reader pages."""

import io
import os
import resource
import signal
from datetime import timedelta
from pathlib import Path

import PIL.Image
import PIL.ImageFile
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Image, Rendition
from tests import picture_files as files

pytestmark = pytest.mark.django_db


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file())


def upload(client, name, data, content_type="image/jpeg", **fields):
    form = {
        "file": SimpleUploadedFile(name, data, content_type),
        "alt_text": "Boats in a harbour",
        "credit": "Test agency",
        "caption": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
        **fields,
    }
    return client.post(reverse("admin:articles_image_add"), form)


@pytest.fixture
def upload_now(editor_client, django_capture_on_commit_callbacks):
    """Upload through the admin and let the commit hooks (renditions) run."""

    def send(name, data, content_type="image/jpeg", **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return upload(editor_client, name, data, content_type, **fields)

    return send


def story_with(image, make_article, **fields):
    return make_article(headline="Harbour reopens", lead_image=image, **fields)


def opened(path: Path) -> PIL.Image.Image:
    picture = PIL.Image.open(path)
    picture.load()
    return picture


def assert_no_private_metadata(path: Path):
    raw = path.read_bytes()
    picture = opened(path)
    exif = picture.getexif()
    assert not exif, (path, dict(exif))
    assert not exif.get_ifd(files.GPS_IFD)
    for marker in (b"Exif\x00\x00", b"GPS", b"xmpmeta", b"Photoshop 3.0", b"8BIM"):
        assert marker not in raw, (path, marker)
    assert b"52.52N" not in raw
    assert b"SERIAL-123456" not in raw
    assert "comment" not in picture.info
    assert "xmp" not in picture.info


ACCEPTED = {
    "1x1.png": (files.encoded(PIL.Image.new("RGB", (1, 1), "red"), "PNG"), (1, 1)),
    "cmyk.jpg": (files.cmyk_jpeg(), (800, 500)),
    "ramp-16bit.png": (files.png16_gradient(), (512, 64)),
    "animated.gif": (files.animated_gif(), (320, 200)),
    "sideways-gps.jpg": (files.gps_rotated_jpeg(), (400, 600)),
    "big-photo.jpg": (files.jpeg((6000, 4000), (90, 110, 70)), (6000, 4000)),
    "cutout.png": (files.transparent_png(), (700, 400)),
    "still.webp": (files.encoded(PIL.Image.new("RGB", (900, 600)), "WEBP"), (900, 600)),
}

REFUSED = {
    "bomb.png": (files.bomb_png(), "too large (400 megapixels); the limit is 50"),
    "truncated.jpg": (files.truncated_jpeg(), "damaged or incomplete"),
    "page.jpg": (files.HTML, "This is an HTML file"),
    "drawing.svg": (files.SVG, "This is an SVG file"),
    "empty.jpg": (b"", "The file is empty"),
    "scan.tif": (files.other_format("TIFF"), "This is a TIFF file"),
    "paint.bmp": (files.other_format("BMP"), "This is a BMP file"),
    "favicon.ico": (files.other_format("ICO"), "This is an ICO file"),
    "notes.jpg": (b"Meeting notes, not a picture." * 10, "not an image we can read"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_refused_upload_is_a_form_error_with_no_file_and_no_row(editor_client, name):
    data, message = REFUSED[name]
    response = upload(editor_client, name, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["file"]
    assert any(message in error for error in errors), errors
    if message.startswith("This is") or "not an image" in message:
        assert "Upload a JPEG, PNG, WebP or GIF image" in errors[0]
    assert not Image.objects.exists()
    assert media_files() == []


@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted_upload_is_normalised_and_shown_on_reader_pages(
    upload_now, client, make_article, name
):
    data, size = ACCEPTED[name]
    response = upload_now(name, data, "application/octet-stream")

    assert response.status_code == 302, response.context["adminform"].form.errors
    image = Image.objects.get()
    assert (image.width, image.height) == size
    stored = opened(Path(image.file.path))
    assert stored.size == size
    assert stored.mode in ("RGB", "RGBA")
    assert image.ready
    assert image.renditions.count() == len(image.ready)
    assert max(r.width for r in image.renditions.all()) <= min(size[0], 1920)
    for path in media_files():
        assert_no_private_metadata(path)

    story = story_with(image, make_article)
    for url in (story.get_absolute_url(), "/"):
        page = client.get(url)
        assert page.status_code == 200
        assert "<picture>" in page.text
        assert 'type="image/webp"' in page.text
        assert 'alt="Boats in a harbour"' in page.text


def test_photo_with_gps_is_stored_upright_and_no_media_file_keeps_the_location(
    upload_now,
):
    upload_now("sideways.jpg", files.gps_rotated_jpeg(), credit="", caption="")

    image = Image.objects.get()
    assert (image.width, image.height) == (400, 600)
    original = opened(Path(image.file.path)).convert("RGB")
    # Orientation 6: the red top-left corner of the stored pixels shows top-right.
    red, green, blue = original.getpixel((390, 10))
    assert red > 200
    assert green < 60
    assert blue < 60
    assert original.getpixel((10, 10))[2] > 150
    paths = media_files()
    assert len(paths) == 1 + image.renditions.count() > 10
    for path in paths:
        assert_no_private_metadata(path)
    # Read before stripping, offered as the defaults the editor left empty.
    assert image.credit == "Ana Ruiz / Agencia Sur"
    assert image.caption == "Fishing boats return to harbour at dusk"


def test_iptc_credit_and_caption_fill_empty_fields_but_never_the_editors_words(
    upload_now,
):
    data = files.with_iptc(files.jpeg(), credit="Reuters", caption="Quayside, 06:00")
    upload_now("agency.jpg", data, credit="", caption="")
    upload_now("agency.jpg", data, credit="Own staff", caption="The quay at dawn")

    first, second = Image.objects.order_by("pk")
    assert (first.credit, first.caption) == ("Reuters", "Quayside, 06:00")
    assert (second.credit, second.caption) == ("Own staff", "The quay at dawn")
    assert b"Reuters" not in Path(first.file.path).read_bytes()


def test_cmyk_and_16_bit_pictures_keep_their_tones(upload_now):
    upload_now("cmyk.jpg", files.cmyk_jpeg())
    upload_now("ramp.png", files.png16_gradient(), "image/png")

    cmyk, ramp = Image.objects.order_by("pk")
    red, green, blue = opened(Path(cmyk.file.path)).getpixel((10, 10))
    assert red > 200
    assert green < 50
    assert blue < 50
    shades = opened(Path(ramp.file.path)).convert("L")
    # Pillow's own conversion would clip the ramp to white from its 256th step.
    assert shades.getpixel((0, 5)) < 5
    assert 120 <= shades.getpixel((256, 5)) <= 136
    assert shades.getpixel((511, 5)) > 250


def test_animated_gif_becomes_a_still_of_its_first_frame(editor_client, upload_now):
    response = upload_now("loop.gif", files.animated_gif(), "image/gif")

    image = Image.objects.get()
    assert image.file.name.endswith(".png")
    stored = PIL.Image.open(image.file.path)
    assert not getattr(stored, "is_animated", False)
    assert stored.convert("RGB").getpixel((5, 5)) == (255, 0, 0)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("animated" in m and "first frame" in m for m in messages)


def test_transparent_picture_falls_back_to_png_not_jpeg(upload_now):
    upload_now("cutout.png", files.transparent_png(), "image/png")

    image = Image.objects.get()
    formats = set(image.renditions.values_list("format", flat=True))
    assert formats == {"webp", "png"}
    fallback = image.rendition_for(None, 640)
    assert fallback.url.endswith(".png")
    assert (
        opened(
            Path(settings.MEDIA_ROOT)
            / image.renditions.get(ratio="", width=640, format="png").file.name
        ).mode
        == "RGBA"
    )


def test_big_photo_gets_every_width_and_crop_and_nothing_is_upscaled(upload_now):
    upload_now("big.jpg", files.jpeg((6000, 4000)))
    upload_now("small.jpg", files.jpeg((700, 500)))

    big, small = Image.objects.order_by("pk")
    widths = sorted(
        big.renditions.filter(ratio="", format="webp").values_list("width", flat=True)
    )
    assert widths == [320, 640, 960, 1280, 1920]
    for ratio, (rw, rh) in {"16:9": (16, 9), "4:3": (4, 3), "1:1": (1, 1)}.items():
        crops = big.renditions.filter(ratio=ratio, format="jpeg")
        assert sorted(c.width for c in crops) == [320, 640, 1200]
        for crop in crops:
            assert crop.height == round(crop.width * rh / rw)
            assert opened(Path(crop.file.path)).size == (crop.width, crop.height)
    assert sorted(
        small.renditions.filter(ratio="", format="jpeg").values_list("width", flat=True)
    ) == [320, 640, 700]
    assert sorted(
        small.renditions.filter(ratio="1:1", format="webp").values_list(
            "width", flat=True
        )
    ) == [320, 500]
    assert not small.renditions.filter(width__gt=700).exists()


def test_crops_are_cut_around_the_focal_point(upload_now):
    upload_now("band.jpg", files.two_tone((1600, 900)), focal_x="0.9")

    image = Image.objects.get()
    square = opened(
        Path(image.renditions.get(ratio="1:1", width=640, format="jpeg").file.path)
    )
    # The red band is the right fifth; a square around x=0.9 holds it all.
    red, _, blue = square.getpixel((600, 320))
    assert red > 180
    assert blue < 80
    assert square.getpixel((20, 320))[2] > 150  # still blue on its left edge


def test_rendition_for_picks_the_closest_ready_width_without_a_query(
    upload_now, django_assert_num_queries
):
    upload_now("photo.jpg", files.jpeg((1600, 900)))
    image = Image.objects.get()

    with django_assert_num_queries(0):
        assert image.rendition_for(None, 500).width == 640
        assert image.rendition_for(None, 640, "webp").width == 640
        assert image.rendition_for(None, 5000).width == 1600  # the widest there is
        teaser = image.rendition_for("4:3", 1200)
        assert (teaser.width, teaser.height) == (1200, 900)
        assert teaser.url.endswith(".jpg")
        assert image.rendition_for("1:1", 100, "webp").url.endswith(".webp")
        srcset = image.srcset("16:9", "webp")
    assert srcset.count("w, ") == 2
    assert srcset.endswith(" 1200w")


def test_pages_fall_back_to_the_original_until_renditions_are_ready(
    editor_client, client, make_article
):
    # No commit hooks run here: the task has not made anything yet.
    upload(editor_client, "photo.jpg", files.jpeg((1600, 900)))
    image = Image.objects.get()
    assert image.ready == []
    assert not Rendition.objects.exists()

    assert image.rendition_for("16:9", 640).url == image.file.url
    page = client.get(story_with(image, make_article).get_absolute_url())
    assert page.status_code == 200
    assert f'src="{image.file.url}"' in page.text
    assert 'width="1600" height="900"' in page.text


def test_story_page_serves_picture_with_srcsets_sizes_and_dimensions(
    upload_now, client, make_article
):
    upload_now("photo.jpg", files.jpeg((1600, 900)))
    image = Image.objects.get()
    story = story_with(image, make_article)
    make_article(headline="Second story", lead_image=image)  # a card on the home page

    lead = client.get(story.get_absolute_url()).text
    assert '<source type="image/webp" srcset="' in lead
    assert ".webp 320w" in lead
    assert ".webp 1600w" in lead
    assert 'sizes="(min-width: 46rem) 44rem, 100vw"' in lead
    assert 'fetchpriority="high"' in lead
    assert 'width="960" height="540"' in lead

    home = client.get("/").text
    crop = image.rendition_for("16:9", 960)
    assert f'src="{crop.url}"' in home  # cards use the focal-point crop
    assert 'loading="lazy"' in home


def test_reader_requests_never_touch_pillow(
    upload_now, client, make_article, make_author, make_section, monkeypatch
):
    upload_now("photo.jpg", files.jpeg((1600, 900)))
    upload_now("sideways.jpg", files.gps_rotated_jpeg())
    first, second = Image.objects.order_by("pk")
    section = make_section(name="Harbours", slug="harbours")
    author = make_author(name="Ana Ruiz", slug="ana-ruiz", photo=second)
    for n in range(14):
        make_article(
            headline=f"Story {n}",
            slug=f"story-{n}",
            section=section,
            authors=[author],
            tags=["ports"],
            lead_image=(first, second, None)[n % 3],
            publish_at=timezone.now() - timedelta(minutes=n + 1),
        )
    pages = [
        "/",
        "/?page=2",
        "/section/harbours/",
        "/tag/ports/",
        "/author/ana-ruiz/",
        "/story/story-0/",
        "/story/story-1/",
        "/search/?q=story",
        "/feed/",
        "/section/harbours/feed/",
        "/sitemap.xml",
    ]
    opened_files = []
    real_open, real_feed = PIL.Image.open, PIL.ImageFile.Parser.feed

    def spy_open(fp, *args, **kwargs):
        opened_files.append(str(getattr(fp, "name", fp)))
        return real_open(fp, *args, **kwargs)

    def spy_feed(parser, data):
        opened_files.append("<parser>")
        return real_feed(parser, data)

    monkeypatch.setattr(PIL.Image, "open", spy_open)
    monkeypatch.setattr(PIL.ImageFile.Parser, "feed", spy_feed)
    for round_ in ("first", "second"):
        opened_files.clear()
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, url
        # A process may read a static logo's size once; an upload, never.
        assert not [
            name
            for name in opened_files
            if settings.MEDIA_URL.strip("/") in name or name == "<parser>"
        ], round_
        if round_ == "second":
            assert opened_files == []
    # The spy works: our own pipeline, outside a request, is seen.
    Image.objects.create_from_upload(
        SimpleUploadedFile("x.jpg", files.jpeg()), alt_text="x", credit="y"
    )
    assert opened_files


def test_server_chooses_file_names_and_never_overwrites(upload_now):
    upload_now("../../etc/Harbour View.png", files.jpeg(), "image/png")
    upload_now(
        "../../etc/Harbour View.png", files.jpeg(color=(200, 10, 10)), "image/png"
    )

    first, second = Image.objects.order_by("pk")
    assert first.file.name != second.file.name
    for image in (first, second):
        name = image.file.name
        assert name.startswith("images/")
        assert ".." not in name
        assert name.endswith("-harbour-view.jpg")  # the content decides the extension
    assert opened(Path(first.file.path)).getpixel((1, 1))[2] > 100
    assert opened(Path(second.file.path)).getpixel((1, 1))[0] > 150


def test_size_cap_and_pixel_cap_come_from_settings(editor_client, settings):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 50_000
    response = upload(editor_client, "photo.jpg", files.noisy_jpeg((600, 400)))
    assert "the limit is" in response.text
    assert "MB" in response.text

    settings.NEWSROOM_IMAGE_MAX_BYTES = 25 * 1024 * 1024
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 1_000_000
    response = upload(editor_client, "photo.jpg", files.jpeg((1600, 900)))
    assert "1600 × 900 pixels, 1 megapixels" in response.text
    assert "the limit is 1 megapixels" in response.text
    assert not Image.objects.exists()
    assert media_files() == []


def test_pillows_warning_zone_counts_as_too_large(editor_client, settings):
    # Above Pillow's warning limit (89.5 MP) but below its error limit (179 MP).
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 500_000_000
    response = upload(editor_client, "bomb.png", files.bomb_png((10000, 10000)))

    assert "The image is too large" in response.text
    assert not Image.objects.exists()
    assert media_files() == []


def test_an_insert_that_fails_after_the_file_was_written_removes_the_file(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Image.objects.create_from_upload(
            SimpleUploadedFile("photo.jpg", files.jpeg()),
            alt_text="",  # breaks the database constraint after the file is stored
            credit="Agency",
        )
    assert not Image.objects.exists()
    assert media_files() == []


@pytest.fixture
def disk_limit():
    """Make writes past ``limit`` bytes fail as on a full disk (EFBIG, no signal)."""
    previous_signal = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    previous = resource.getrlimit(resource.RLIMIT_FSIZE)

    def apply(limit):
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, previous[1]))

    yield apply
    resource.setrlimit(resource.RLIMIT_FSIZE, previous)
    signal.signal(signal.SIGXFSZ, previous_signal)


def test_full_disk_during_upload_leaves_no_file_no_row_and_no_500(
    editor_client, disk_limit
):
    data = files.noisy_jpeg((1200, 900))
    disk_limit(64 * 1024)
    try:
        response = upload(editor_client, "photo.jpg", data)
    finally:
        disk_limit(resource.RLIM_INFINITY)

    assert response.status_code == 302  # back to the form, with a message
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("could not be stored" in m for m in messages), messages
    assert not Image.objects.exists()
    assert media_files() == []


def test_full_disk_while_making_renditions_leaves_no_rendition_behind(
    upload_now, client, make_article, disk_limit
):
    upload_now("photo.jpg", files.noisy_jpeg((1600, 1000), quality=80))
    image = Image.objects.get()
    original = Path(image.file.path)
    Rendition.objects.all().delete()
    Image.objects.update(ready=[])
    for path in media_files():
        if path != original:
            path.unlink()

    disk_limit(20 * 1024)
    try:
        with pytest.raises(Exception, match="failed"):
            call_command(
                "regenerate_renditions", stdout=io.StringIO(), stderr=io.StringIO()
            )
    finally:
        disk_limit(resource.RLIM_INFINITY)

    assert not Rendition.objects.exists()
    assert media_files() == [original]
    page = client.get(story_with(Image.objects.get(), make_article).get_absolute_url())
    assert page.status_code == 200
    assert f'src="{image.file.url}"' in page.text


def test_regenerate_renditions_remakes_lost_and_stale_files(
    upload_now, django_capture_on_commit_callbacks
):
    upload_now("photo.jpg", files.jpeg((1600, 900)))
    image = Image.objects.get()
    count = image.renditions.count()
    lost = image.renditions.filter(ratio="16:9")
    for rendition in lost:
        os.remove(rendition.file.path)
    lost.delete()

    out = io.StringIO()
    call_command("regenerate_renditions", stdout=out)
    image.refresh_from_db()
    assert image.renditions.count() == count == len(image.ready)
    assert "1 images: 6 renditions made" in out.getvalue()
    assert all(Path(r.file.path).exists() for r in image.renditions.all())

    before = set(image.renditions.values_list("file", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("regenerate_renditions", "--force", str(image.pk), stdout=out)
    after = set(image.renditions.values_list("file", flat=True))
    assert len(after) == count
    assert not before & after
    assert len(media_files()) == 1 + count  # the replaced files are gone


def test_orphan_media_lists_and_removes_only_unreferenced_old_files(
    upload_now, settings
):
    upload_now("photo.jpg", files.jpeg())
    image = Image.objects.get()
    root = Path(settings.MEDIA_ROOT)
    stray = root / "images/2024/01/abc123-left-behind.jpg"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(files.jpeg())
    old = (timezone.now() - timedelta(hours=3)).timestamp()
    os.utime(stray, (old, old))
    fresh = root / "renditions/2024/01/x/w-320-inflight.jpg"  # an upload under way
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(b"...")
    unrelated = root / "exports/report.pdf"
    unrelated.parent.mkdir()
    unrelated.write_bytes(b"%PDF")
    os.utime(unrelated, (old, old))

    out = io.StringIO()
    call_command("orphan_media", stdout=out)
    assert "orphan file: images/2024/01/abc123-left-behind.jpg" in out.getvalue()
    assert "Found 1 orphan files" in out.getvalue()
    assert stray.exists()

    call_command("orphan_media", "--delete", stdout=out)
    assert not stray.exists()
    assert fresh.exists()
    assert unrelated.exists()
    assert Path(image.file.path).exists()
    assert all(Path(r.file.path).exists() for r in image.renditions.all())


# The worker closes its database connection between tasks, as in production.
@pytest.mark.django_db(transaction=True)
def test_database_queue_makes_renditions_in_the_worker_not_the_request(
    editor_client, client, make_article, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    upload(editor_client, "photo.jpg", files.jpeg((1600, 900)))
    image = Image.objects.get()
    assert image.ready == []  # queued, not made in the request
    queued = DBTaskResult.objects.get()
    assert queued.status == TaskResultStatus.READY
    assert queued.args_kwargs["args"] == [image.pk]
    story = story_with(image, make_article)
    assert f'src="{image.file.url}"' in client.get(story.get_absolute_url()).text

    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )

    image.refresh_from_db()
    assert len(image.ready) == 28
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert ".webp 1600w" in client.get(story.get_absolute_url()).text


def test_prepare_refuses_without_a_form_too():
    with pytest.raises(ValidationError, match="too large"):
        Image.objects.create_from_upload(
            SimpleUploadedFile("bomb.png", files.bomb_png()), alt_text="x", credit="y"
        )
    assert media_files() == []


def test_a_strip_taller_than_webp_allows_is_served_as_jpeg(
    upload_now, client, make_article
):
    response = upload_now("timeline.jpg", files.jpeg((320, 16400)))

    assert response.status_code == 302
    image = Image.objects.get()
    full = {(fmt, width) for ratio, width, _, fmt, _ in image.ready if not ratio}
    assert full == {("jpeg", 320)}  # WebP stops at 16383 pixels a side
    assert image.rendition_for("1:1", 320, "webp").url.endswith(".webp")
    page = client.get(story_with(image, make_article).get_absolute_url())
    assert page.status_code == 200
    assert 'width="320" height="16400"' in page.text
