"""In Chromium, under the site's CSP: an open live story picks up what the desk
posts without a reload, a reader further down gets a "new updates" button instead,
and a breaking story reaches a front page that is already open."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from articles import publishing
from tests.e2e.screenshots import save_screenshots

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


@pytest.fixture
def fast_polls(settings):
    settings.NEWSROOM_LIVE_POLL_SECONDS = 1
    settings.NEWSROOM_LIVE_HEAD_MAX_AGE = 1
    settings.NEWSROOM_BREAKING_POLL_SECONDS = 1


@pytest.fixture
def reader(page):
    page.add_init_script(WATCH)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.console_errors = errors
    yield page
    # The live server outlives the test: stop the page's polling and let a request
    # already sent finish, so that none runs into the next test's database setup.
    page.goto("about:blank")
    page.wait_for_timeout(500)


def clean(page):
    assert page.evaluate("window.__cspViolations") == []
    assert [e for e in page.console_errors if "favicon" not in e] == []


@pytest.fixture
def desk_user(db):
    return get_user_model().objects.create_superuser(
        "desk", "desk@example.org", "correct-horse-9"
    )


@pytest.fixture
def live_story(make_article, desk_user):
    story = make_article(
        headline="Drones shot down over Lithuania", slug="drones-over-lithuania"
    )
    publishing.open_live_coverage(story, by=desk_user)
    publishing.post_entry(
        story, by=desk_user, body="<p>Air-raid sirens sounded in Vilnius.</p>"
    )
    return story


def test_an_entry_posted_at_the_desk_appears_on_an_open_page_without_reload(
    live_server, reader, browser, live_story, fast_polls, desk_user
):
    reader.goto(f"{live_server.url}{live_story.get_absolute_url()}")
    expect(reader.locator(".live-entry")).to_have_count(1)
    reader.evaluate("window.__samePage = true")

    desk = browser.new_context().new_page()
    desk.goto(f"{live_server.url}/admin/")
    desk.fill("#id_username", "desk")
    desk.fill("#id_password", "correct-horse-9")
    desk.click("input[type=submit]")
    desk.goto(f"{live_server.url}/admin/live/livecoverage/story/{live_story.pk}/")
    desk.locator(".ProseMirror:visible").click()
    desk.keyboard.type("The airport has reopened.")
    desk.fill("#id_headline", "Airport reopens")
    desk.check("#id_is_key_event")
    desk.get_by_role("button", name="Post entry").click()
    expect(desk.locator(".messagelist")).to_contain_text("Posted.")

    new_entry = reader.locator(".live__entries .live-entry").first
    expect(new_entry).to_contain_text("The airport has reopened.", timeout=10_000)
    expect(reader.locator("[data-live-key-events]")).to_contain_text("Airport reopens")
    assert reader.evaluate("window.__samePage") is True
    save_screenshots(reader, "live-story")
    clean(reader)
    save_screenshots(desk, "live-desk")
    desk.goto("about:blank")
    desk.context.close()


def test_a_reader_further_down_gets_a_new_updates_button(
    live_server, reader, live_story, fast_polls, desk_user
):
    for number in range(12):
        publishing.post_entry(
            live_story,
            by=desk_user,
            body="".join(f"<p>Paragraph {n} of update {number}.</p>" for n in range(4)),
        )
    reader.set_viewport_size({"width": 375, "height": 700})
    reader.goto(f"{live_server.url}{live_story.get_absolute_url()}")
    reader.locator(".live-entry").nth(8).scroll_into_view_if_needed()
    reader.wait_for_timeout(300)

    publishing.post_entry(live_story, by=desk_user, body="<p>Statement due.</p>")
    publishing.post_entry(live_story, by=desk_user, body="<p>Minister speaks.</p>")

    button = reader.get_by_role("button", name="2 new updates")
    expect(button).to_be_visible(timeout=10_000)
    assert reader.locator(".live__entries", has_text="Minister speaks.").count() == 0
    reader.screenshot(path=str(reader_artifact("live-new-updates-375.png")))
    button.click()
    first = reader.locator(".live__entries .live-entry").first
    expect(first).to_contain_text("Minister speaks.")
    expect(button).to_be_hidden()
    clean(reader)


def test_a_deleted_entry_disappears_from_an_open_page(
    live_server, reader, live_story, fast_polls, desk_user
):
    doomed = publishing.post_entry(live_story, by=desk_user, body="<p>Wrong name.</p>")
    reader.goto(f"{live_server.url}{live_story.get_absolute_url()}")
    expect(reader.get_by_text("Wrong name.")).to_be_visible()

    publishing.delete_entry(doomed, by=desk_user)

    expect(reader.get_by_text("Wrong name.")).to_have_count(0, timeout=10_000)
    clean(reader)


def test_an_ended_story_stops_asking(
    live_server, reader, live_story, fast_polls, desk_user
):
    asked = []
    reader.on(
        "request",
        lambda request: asked.append(request.url) if "/head/" in request.url else None,
    )
    reader.goto(f"{live_server.url}{live_story.get_absolute_url()}")
    publishing.close_live_coverage(live_story, by=desk_user)

    expect(reader.locator(".live__status")).to_contain_text(
        "This live coverage has ended", timeout=10_000
    )
    count = len(asked)
    reader.wait_for_timeout(2500)
    assert len(asked) == count


def test_a_breaking_story_reaches_an_open_front_page(
    live_server, reader, make_article, make_section, make_author, fast_polls, desk_user
):
    make_article(headline="Quiet morning", slug="quiet-morning")
    story = make_article(
        headline="Explosion reported at Baltic port",
        slug="explosion-at-baltic-port",
        status="draft",
        section=make_section(name="Europe", slug="europe"),
        authors=[make_author(name="Tom Okafor", slug="tom-okafor")],
    )
    reader.goto(f"{live_server.url}/")
    expect(reader.locator("aside.breaking")).to_have_count(0)

    publishing.set_breaking(
        story, by=desk_user, until=timezone.now() + timedelta(seconds=6)
    )
    publishing.publish(story, by=desk_user)

    banner = reader.locator("aside.breaking")
    expect(banner).to_contain_text("Explosion reported", timeout=10_000)
    save_screenshots(reader, "live-breaking-banner", widths=(375,))
    expect(banner).to_have_count(0, timeout=15_000)
    clean(reader)


def reader_artifact(name):
    from tests.e2e.screenshots import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name
