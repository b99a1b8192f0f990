"""In Chromium, two editors in two browsers: the second save is refused, nothing is lost.

Also takes the screenshots of the editorial screens (change form, conflict, history,
revision diff) and of a story with corrections, for people to look at."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Byline, Note
from tests.conftest import role_user
from tests.e2e.screenshots import save_screenshots

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def editor(username, first, last):
    user = role_user(username, "Editor")
    user.first_name, user.last_name = first, last
    user.set_password(f"pw-{username}-1")
    user.save()
    return user


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"pw-{username}-1")
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()


@pytest.fixture
def story(make_article, make_section, make_image, make_author):
    article = make_article(
        headline="Navy confirms second frigate for the Baltic patrol",
        slug="navy-second-frigate-baltic",
        publish_at=timezone.now() - timedelta(days=1),
        dek="The ship joins the allied task group next month, the ministry said.",
        body=(
            "<p>The navy confirmed on Tuesday that a second frigate will join the "
            "allied patrol in the Baltic Sea.</p><p>The ministry did not say how "
            "long the deployment would last.</p>"
        ),
        section=make_section(name="Europe", slug="europe"),
        lead_image=make_image(
            alt_text="A grey frigate leaving harbour", credit="Newsroom illustration"
        ),
        tags=["Baltic", "Navy"],
    )
    Byline.objects.create(
        article=article, author=make_author(name="Tom Okafor", slug="tom-okafor")
    )
    return article


def test_second_editor_is_refused_and_keeps_their_text(live_server, browser, story):
    editor("aylin", "Aylin", "Demir")
    editor("nadia", "Nadia", "Okafor")
    url = f"{live_server.url}/admin/articles/article/{story.pk}/change/"
    first, second = browser.new_context(), browser.new_context()
    a, b = first.new_page(), second.new_page()
    log_in(a, live_server.url, "aylin")
    log_in(b, live_server.url, "nadia")
    a.goto(url)
    b.goto(url)
    save_screenshots(b, "admin-change-form", widths=(1280,))

    a.fill("#id_headline", "Navy confirms two more frigates for the Baltic patrol")
    a.click("input[name=_continue]")
    expect(a.locator(".messagelist")).to_contain_text("was changed successfully")

    b.fill("#id_dek", "Nadia's new standfirst, typed while Aylin was saving.")
    b.click("input[name=_continue]")

    conflict = b.locator(".edit-conflict")
    expect(conflict).to_contain_text("Aylin Demir saved this story while you were")
    expect(conflict).to_contain_text("What Aylin Demir changed")
    expect(b.locator("#id_dek")).to_have_value(
        "Nadia's new standfirst, typed while Aylin was saving."
    )
    save_screenshots(b, "admin-edit-conflict", widths=(1280,))
    saved = Article.objects.get(pk=story.pk)
    assert saved.headline == "Navy confirms two more frigates for the Baltic patrol"
    assert saved.dek == story.dek

    b.check("input[name=overwrite]")
    b.click("input[name=_continue]")
    expect(b.locator(".messagelist")).to_contain_text("was changed successfully")
    saved = Article.objects.get(pk=story.pk)
    assert saved.dek == "Nadia's new standfirst, typed while Aylin was saving."
    # Their form still held the old headline: it went back, and says so in history.
    assert saved.headline == story.headline

    b.goto(f"{live_server.url}/admin/articles/article/")
    expect(b.locator("#result_list")).to_contain_text("Navy confirms")
    save_screenshots(b, "admin-story-list", widths=(1280,))

    b.goto(f"{live_server.url}/admin/articles/article/{story.pk}/history/")
    expect(b.locator("#revision-list")).to_contain_text("Compare and restore")
    save_screenshots(b, "admin-history", widths=(1280,))
    b.locator("#revision-list a", has_text="Compare and restore").first.click()
    expect(b.locator(".field-diff")).to_be_visible()
    save_screenshots(b, "admin-revision-diff", widths=(1280,))
    first.close()
    second.close()


def test_story_with_corrections_reads_well(live_server, page, story):
    now = timezone.now()
    Note.objects.create(
        article=story,
        kind=Note.Kind.CORRECTION,
        text="An earlier version of this story gave the wrong name for the frigate.",
        created_at=now - timedelta(hours=5),
    )
    Note.objects.create(
        article=story,
        kind=Note.Kind.UPDATE,
        text="Adds the ministry's statement on how long the ship will stay.",
        created_at=now - timedelta(hours=1),
        is_substantive=True,
    )
    Article.objects.filter(pk=story.pk).update(updated_at=now - timedelta(hours=1))

    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    notes = page.locator(".story__notes li")
    expect(notes).to_have_count(2)
    expect(notes.first).to_contain_text("Correction")
    expect(page.locator(".story__header .meta")).to_contain_text("Updated")
    save_screenshots(page, "story-with-corrections")
    page.goto(f"{live_server.url}/corrections/")
    expect(page.locator(".correction")).to_have_count(1)
    save_screenshots(page, "corrections-page")


def test_a_draft_preview_through_a_signed_link(live_server, browser, story):
    editor("aylin", "Aylin", "Demir")
    Article.objects.filter(pk=story.pk).update(status=Article.Status.DRAFT)
    desk = browser.new_context()
    page = desk.new_page()
    log_in(page, live_server.url, "aylin")
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    link = page.locator("#preview-share-link").input_value()
    save_screenshots(page, "admin-draft-with-share-link", widths=(1280,))
    desk.close()

    outsider = browser.new_context()
    reader = outsider.new_page()
    reader.goto(link)
    expect(reader.locator(".preview-banner")).to_contain_text("readers cannot see")
    expect(reader.locator("h1")).to_have_text(story.headline)
    save_screenshots(reader, "draft-preview")
    outsider.close()
