"""In Chromium: the story body typed and never saved comes back after the tab closed."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from desk.models import Autosave
from tests.e2e.test_desk_story_form import desk_user, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_typed_body_is_autosaved_and_restored_after_closing_the_page(
    live_server, browser, make_article
):
    desk_user()
    story = make_article(
        headline="Harbour dredging plan",
        status=Article.Status.DRAFT,
        body="<p>The council met on Monday.</p>",
    )
    before = Article.objects.get(pk=story.pk)
    url = f"{live_server.url}/admin/articles/article/{story.pk}/change/"
    context = browser.new_context()
    page = context.new_page()
    log_in(page, live_server.url, "aylin")
    page.goto(url)
    expect(page.locator(".desk-notice--offer")).to_have_count(0)
    page.locator(".ProseMirror:visible").click()
    page.keyboard.press("End")
    page.keyboard.type(" Dredging starts in March.")
    expect(page.locator(".desk-autosave__status")).to_contain_text(
        "Autosaved privately", timeout=15000
    )
    page.close()  # no Save

    after = Article.objects.get(pk=story.pk)
    assert (after.body, after.version) == (before.body, before.version)
    assert "Dredging starts in March." in Autosave.objects.get().data["body"][0]

    page = context.new_page()
    page.goto(url)
    offer = page.locator(".desk-notice--offer")
    expect(offer).to_contain_text("You have unsaved changes from")
    offer.get_by_role("link", name="Restore my changes").click()
    expect(page.locator(".ProseMirror:visible")).to_contain_text(
        "Dredging starts in March."
    )
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert "Dredging starts in March." in Article.objects.get(pk=story.pk).body
    assert not Autosave.objects.exists()
    expect(page.locator(".desk-notice--offer")).to_have_count(0)
