"""In Chromium: an editor publishes a story in the admin; a reader finds and follows it."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.models import Article
from tests.conftest import jpeg_bytes
from tests.e2e.screenshots import save_screenshots

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def choose_in_autocomplete(page, field_id, text):
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_editor_publishes_and_reader_follows_the_tag(
    live_server, page, make_author, make_section, tmp_path
):
    get_user_model().objects.create_superuser(
        "desk", "desk@example.org", "correct-horse-9"
    )
    make_author(name="Aylin Demir", slug="aylin-demir")
    make_section(name="Defence Industry", slug="industry")
    photo = tmp_path / "istanbul-expo.jpg"
    photo.write_bytes(jpeg_bytes((1600, 900), (120, 60, 30)))

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", "correct-horse-9")
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("Newsroom")

    page.goto(f"{live_server.url}/admin/articles/image/add/")
    page.set_input_files("#id_file", str(photo))
    page.fill(
        "#id_alt_text", "Visitors walk past armoured vehicles at an exhibition hall"
    )
    page.fill("#id_credit", "Newsroom illustration")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator("#id_headline").press_sequentially(
        "Minister pledges joint production with Türkiye"
    )
    expect(page.locator("#id_slug")).to_have_value(
        "minister-pledges-joint-production-with-turkiye"
    )
    page.fill("#id_dek", "A new framework for shells and armoured vehicles.")
    page.locator(".ProseMirror:visible").click()
    page.keyboard.type("The agreement was signed on the exhibition floor in Istanbul.")
    page.fill("#id_tags", "IDEF, Defence industry")
    page.select_option("#id_status", "published")
    choose_in_autocomplete(page, "id_section", "Defence")
    choose_in_autocomplete(page, "id_lead_image", "armoured vehicles")
    choose_in_autocomplete(page, "id_bylines-0-author", "Aylin")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    article = Article.objects.get()
    assert article.is_published
    assert "exhibition floor" in article.body

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/")
    headline = page.get_by_role(
        "link", name="Minister pledges joint production with Türkiye"
    )
    expect(headline.first).to_be_visible()
    save_screenshots(page, "home")
    headline.first.click()
    expect(page.locator("h1")).to_have_text(
        "Minister pledges joint production with Türkiye"
    )
    expect(page.locator("figure img")).to_have_attribute(
        "alt", re.compile("armoured vehicles")
    )
    expect(page.locator(".byline")).to_contain_text("Aylin Demir")
    save_screenshots(page, "story")

    page.get_by_role("link", name="IDEF").click()
    expect(page).to_have_url(re.compile(r"/tag/idef/$"))
    expect(page.locator("h1")).to_have_text("IDEF")
    expect(
        page.get_by_role("link", name="Minister pledges joint production with Türkiye")
    ).to_be_visible()
