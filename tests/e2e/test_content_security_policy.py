"""In Chromium: the policy blocks nothing our own pages need, the admin editor included."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.models import Article

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def violations(page):
    return page.evaluate("window.__cspViolations || []")


@pytest.fixture
def watched_page(page):
    page.add_init_script(WATCH_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.csp_console = console
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.console_errors = errors
    return page


def test_reader_pages_log_no_policy_violation(
    live_server, watched_page, make_article, make_section, make_author, make_image
):
    section = make_section(name="Europe", slug="europe")
    author = make_author(name="Tom Okafor", slug="tom-okafor")
    story = make_article(
        slug="baltic-air-policing",
        section=section,
        authors=[author],
        tags=["NATO"],
        lead_image=make_image(),
    )
    for path in [
        "/",
        story.get_absolute_url(),
        "/section/europe/",
        "/tag/nato/",
        "/author/tom-okafor/",
        "/missing/",
    ]:
        watched_page.goto(f"{live_server.url}{path}")
        watched_page.wait_for_load_state("load")
        assert violations(watched_page) == [], path
    assert watched_page.csp_console == []
    # Header mistakes (an unknown Permissions-Policy feature, say) show up here too;
    # the deliberate 404 is the only error a reader's console should see.
    assert [e for e in watched_page.console_errors if "404" not in e] == []


def test_admin_story_form_with_the_rich_text_editor_saves_under_the_policy(
    live_server, watched_page
):
    get_user_model().objects.create_superuser(
        "desk", "desk@example.org", "correct-horse-9"
    )
    page = watched_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", "correct-horse-9")
    page.click("input[type=submit]")

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    expect(page.locator(".ProseMirror:visible")).to_be_visible()
    page.locator("#id_headline").press_sequentially("Policy-safe headline")
    page.locator(".ProseMirror:visible").click()
    page.keyboard.type("Typed into the editor under a strict policy.")
    page.keyboard.press("Control+b")
    page.keyboard.type(" Bold words.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    article = Article.objects.get()
    assert "Typed into the editor under a strict policy." in article.body
    assert "<strong>" in article.body
    assert violations(page) == []
    assert page.csp_console == []
