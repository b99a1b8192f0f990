"""In Chromium: a reader searches from the masthead and opens a result."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.screenshots import save_screenshots

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_reader_finds_a_story_by_a_drone_name_and_opens_it(
    live_server, page, make_article, make_section, make_author, make_image
):
    section = make_section(name="Defence Industry", slug="industry")
    author = make_author(name="Aylin Demir", slug="aylin-demir")
    make_article(
        headline="Baykar confirms new export order from Southeast Asia",
        slug="baykar-export-order",
        dek="The customer was not named; deliveries start next year.",
        body=(
            "<p>Baykar said on Tuesday it had signed a contract to supply the "
            "<strong>Bayraktar TB2</strong> to a Southeast Asian armed force.</p>"
            "<p>The TB2 has been exported to more than 30 countries.</p>"
        ),
        section=section,
        authors=[author],
        tags=["Drones", "Türkiye"],
        lead_image=make_image(alt_text="A grey drone on a runway"),
    )
    for n in range(3):
        make_article(
            headline=f"Drone maker {n} opens a new plant",
            section=section,
            body="<p>Bayraktar engineers visited the site.</p>",
            publish_at=timezone.now() - timedelta(hours=n + 2),
        )

    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(f"{live_server.url}/")
    page.get_by_role("searchbox", name="Search stories").fill("Bayraktar TB2")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=Bayraktar\+TB2$"))
    expect(page.locator(".search-summary__count")).to_have_text(
        "1 story for Bayraktar TB2"
    )
    expect(page.locator(".search-result mark").first).to_have_text("Bayraktar")
    save_screenshots(page, "search")

    page.get_by_role("searchbox", name="Search stories").nth(1).fill("Bayraktar")
    page.get_by_role("button", name="Search").nth(1).click()
    expect(page.locator(".search-result")).to_have_count(4)

    page.get_by_role(
        "link", name="Baykar confirms new export order from Southeast Asia"
    ).click()
    expect(page.locator("h1")).to_have_text(
        "Baykar confirms new export order from Southeast Asia"
    )
    blocks = page.locator('script[type="application/ld+json"]').all_text_contents()
    types = [json.loads(block)["@type"] for block in blocks]
    assert types == ["NewsArticle", "BreadcrumbList"]
    expect(page.locator('meta[property="og:type"]')).to_have_attribute(
        "content", "article"
    )
    save_screenshots(page, "story-found")
