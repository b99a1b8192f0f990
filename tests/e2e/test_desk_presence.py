"""In Chromium, two editors on one story see each other; a tab in the background
stays on the notice, a closed one leaves it. Also the story-form screenshot with
the presence notice and an autosave offer."""

import time
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from desk.models import Autosave, Presence
from tests.admin_forms import change_form_data
from tests.e2e.screenshots import save_screenshots
from tests.e2e.test_desk_story_form import desk_user, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def wait_for(condition, seconds=10):
    """The server has seen what the page sent (its requests are asynchronous)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the page's request never arrived"
        time.sleep(0.1)


HIDE = """() => {
  Object.defineProperty(document, "hidden", { value: true, configurable: true });
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def test_two_editors_see_each_other_until_one_closes_the_story(
    live_server, browser, make_article, make_section, make_author
):
    aylin = desk_user("aylin", "Aylin", "Demir")
    desk_user("nadia", "Nadia", "Okafor")
    story = make_article(
        headline="Navy confirms second frigate for the Baltic patrol",
        status=Article.Status.DRAFT,
        section=make_section(name="Europe"),
        authors=[make_author(name="Tom Okafor")],
        body="<p>The navy confirmed on Tuesday that a second frigate will join.</p>",
    )
    Autosave.objects.create(
        user=aylin,
        article=story,
        data={
            k: [str(v)]
            for k, v in change_form_data(
                story, body="<p>Aylin's unsaved paragraph.</p>"
            ).items()
        },
        loaded_version=story.version,
        saved_at=timezone.now(),
    )
    url = f"{live_server.url}/admin/articles/article/{story.pk}/change/"
    a, b = browser.new_context().new_page(), browser.new_context().new_page()
    for page in (a, b):
        page.clock.install()
    log_in(a, live_server.url, "aylin")
    log_in(b, live_server.url, "nadia")

    b.goto(url)
    a.goto(url)
    notice = a.locator("#desk-presence")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Nadia Okafor, since")
    expect(notice).to_contain_text("no unsaved changes")
    # Nadia sees Aylin on her next heartbeat, and Aylin sees Nadia typing.
    b.clock.run_for(16_000)
    expect(b.locator("#desk-presence")).to_contain_text("Aylin Demir, since")
    b.fill("#id_dek", "Nadia's standfirst")
    b.clock.run_for(16_000)
    wait_for(lambda: Presence.objects.filter(user__username="nadia", has_changes=True))
    a.clock.run_for(16_000)
    expect(notice).to_contain_text("Nadia Okafor, since")
    expect(notice).to_contain_text("with unsaved changes")
    expect(a.locator(".desk-notice--offer")).to_contain_text(
        "You have unsaved changes from"
    )
    a.set_viewport_size({"width": 1280, "height": 900})
    a.locator("#desk-presence").scroll_into_view_if_needed()
    save_screenshots(a, "desk-story-form-presence-autosave")

    # Nadia's tab goes to the background for a long while: it keeps beating.
    b.evaluate(HIDE)
    b.clock.run_for(75_000)
    a.clock.run_for(16_000)
    expect(notice).to_contain_text("Nadia Okafor")

    # She leaves the story (the page goes away as on closing the tab: pagehide):
    # the beacon takes her off and Aylin's next heartbeat shows it.
    b.goto("about:blank")
    # The beacon is on its way; wait for it, not for the TTL.
    wait_for(lambda: not Presence.objects.filter(user__username="nadia", closed=False))
    a.clock.run_for(16_000)
    expect(notice).to_be_hidden()

    # She opens it again and her browser dies (no pagehide, no beacon): she stays
    # on the notice until her last heartbeat runs out, 45 s later.
    b.goto(url)
    a.clock.run_for(16_000)
    expect(notice).to_contain_text("Nadia Okafor")
    b.context.close()
    with time_machine.travel(timezone.now() + timedelta(seconds=46), tick=True):
        a.clock.run_for(16_000)
        expect(notice).to_be_hidden()
