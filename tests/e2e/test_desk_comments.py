"""In Chromium: an editor comments on a passage of a story, replies and resolves."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from desk.models import Comment
from tests.e2e.screenshots import save_screenshots
from tests.e2e.test_desk_story_form import desk_user, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_comment_reply_and_resolve_without_touching_the_story(
    live_server, page, make_article
):
    desk_user()
    story = make_article(headline="Harbour dredging plan", status=Article.Status.DRAFT)
    log_in(page, live_server.url, "aylin")
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    page.fill("#desk-comment-text", "Which council? Name it in the first line.")
    page.select_option("#desk-comment-field", "body")
    page.fill("#desk-comment-quote", "The council met")
    page.get_by_role("button", name="Add comment").click()
    expect(page.locator(".messagelist")).to_contain_text("readers never see it")
    thread = page.locator(".desk-comment").first
    expect(thread).to_contain_text("on Body")
    expect(thread.locator("blockquote")).to_have_text("The council met")
    thread.get_by_label("Reply").fill("Done, it is the port council.")
    thread.get_by_role("button", name="Reply").click()
    expect(page.locator(".desk-comment").first).to_contain_text("the port council")
    save_screenshots(
        page.locator("#desk-comments").page, "desk-comments", widths=(375,)
    )
    page.locator(".desk-comment").first.get_by_role("button", name="Resolve").click()
    expect(page.locator(".desk-comment").first).to_contain_text("Resolved by")
    assert Comment.objects.count() == 2
    assert Article.objects.get(pk=story.pk).version == story.version
