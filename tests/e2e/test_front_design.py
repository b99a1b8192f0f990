"""The reader design in Chromium: self-hosted fonts, a navigation that works at 375 px,
a footer and a 404 page worth landing on; screenshots for people to look at."""

import io

import pytest
from django.core.management import call_command

from tests.e2e.screenshots import save_screenshots

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FEATURE = "/story/analysis-patriot-interceptor-production-bottleneck/"


def test_the_demo_reads_like_a_finished_news_site(live_server, page):
    """One seeding of the demo (its pictures take a while) for every check."""
    call_command("seed_demo", stdout=io.StringIO())
    fonts = []
    page.on(
        "request",
        lambda request: (
            fonts.append(request.url) if request.resource_type == "font" else None
        ),
    )

    # At 375 px every section is reachable: the row scrolls, with a visible cue.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/", wait_until="networkidle")
    links = page.locator(".sections-nav a")
    assert links.count() > 5
    for index in range(links.count()):
        link = links.nth(index)
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box["x"] >= 0, link.inner_text()
        assert box["x"] + box["width"] <= 375, link.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    cue = page.evaluate(
        "getComputedStyle(document.querySelector('.sections-nav'), '::after').content"
    )
    assert cue not in ("none", "normal", "")

    # Fonts come from the site itself; headlines in the serif, labels in the sans.
    assert fonts
    assert all(url.startswith(live_server.url) for url in fonts), fonts
    assert page.evaluate("document.fonts.check('600 20px \"Source Serif 4\"')")
    headline = page.evaluate(
        "getComputedStyle(document.querySelector('.lead-story__headline')).fontFamily"
    )
    assert headline.startswith('"Source Serif 4"')
    label = page.evaluate(
        "getComputedStyle(document.querySelector('.kicker')).fontFamily"
    )
    assert label.startswith("Inter")

    # The 404 page offers search and the latest stories; the footer the rest.
    page.goto(live_server.url + "/no-such-story/")
    assert page.locator("h1").inner_text() == "We could not find that page"
    assert page.locator("main input[type=search]").count() == 1
    assert page.locator("main .latest .card").count() == 4
    footer = page.locator(".site-footer")
    assert footer.get_by_role("link", name="RSS feed").count() == 1
    assert footer.get_by_role("link", name="Corrections").count() == 1
    assert footer.locator(".site-footer__sections a").count() > 5

    for name, path in {
        "front-home": "/",
        "front-story": FEATURE,
        "front-section": "/section/europe/",
        "front-404": "/no-such-story/",
    }.items():
        page.goto(live_server.url + path)
        save_screenshots(page, name)
