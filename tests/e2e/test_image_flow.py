"""In Chromium: an editor uploads a sideways phone photo and sets its focal point; the
reader's browser picks a WebP rendition of the upright picture."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.models import Image
from tests import picture_files as files
from tests.e2e.screenshots import save_screenshots

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_editor_uploads_and_places_the_focal_point_reader_gets_webp(
    live_server, page, tmp_path, make_article
):
    get_user_model().objects.create_superuser("desk", "desk@example.org", "pw-desk-9")
    photo = tmp_path / "harbour-at-dusk.jpg"
    photo.write_bytes(files.gps_rotated_jpeg())

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", "pw-desk-9")
    page.click("input[type=submit]")

    page.goto(f"{live_server.url}/admin/articles/image/add/")
    page.set_input_files("#id_file", str(photo))
    preview = page.locator(".focal-picker__frame img")
    expect(preview).to_be_visible()  # the chosen file, shown before upload
    box = preview.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.2)
    expect(page.locator("#id_focal_x")).to_have_value("0.80")
    expect(page.locator("#id_focal_y")).to_have_value("0.20")
    page.fill("#id_alt_text", "Fishing boats tied up in a small harbour at dusk")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("Ana Ruiz / Agencia Sur")

    image = Image.objects.get()
    assert (image.focal_x, image.focal_y) == (0.8, 0.2)
    assert (image.width, image.height) == (400, 600)
    expect(page.locator(".focal-picker__crops figure")).to_have_count(3)
    save_screenshots(page, "admin-image-change")

    page.goto(f"{live_server.url}/admin/articles/image/")
    expect(page.locator("img.image-thumb")).to_have_count(1)
    save_screenshots(page, "admin-image-list")

    story = make_article(headline="Harbour reopens after the storm", lead_image=image)
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    lead = page.locator("figure picture img")
    expect(lead).to_have_attribute("alt", re.compile("Fishing boats"))
    page.wait_for_function("document.querySelector('figure picture img').complete")
    chosen = lead.evaluate(
        "img => [img.currentSrc, img.naturalWidth, img.naturalHeight]"
    )
    assert chosen[0].endswith(".webp"), chosen
    assert chosen[1] * 3 == chosen[2] * 2  # upright: portrait 2:3
    save_screenshots(page, "story-with-photo")
