"""In Chromium: the story form and list made for a desk (item 2 of the desk issue).

Also counts the clicks and fields it takes an editor to publish a new story with a
picture, from the dashboard, and takes the dashboard and story list screenshots."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from taggit.models import Tag

from articles.models import Article, Author, Byline
from tests.conftest import jpeg_bytes, role_user
from tests.e2e.screenshots import save_screenshots

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def desk_user(username="aylin", first="Aylin", last="Demir", role="Editor"):
    user = role_user(username, role)
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


class Counted:
    """The editor's hands: every click and every field filled is counted."""

    def __init__(self, page):
        self.page, self.clicks, self.fields = page, 0, 0

    def click(self, locator):
        locator.click()
        self.clicks += 1

    def fill(self, locator, value):
        locator.fill(value)
        self.fields += 1

    def type(self, value):
        self.page.keyboard.type(value)
        self.fields += 1

    def select(self, locator, value):
        locator.select_option(value)
        self.fields += 1

    def choose_file(self, locator, path):
        locator.set_input_files(path)
        self.fields += 1


def test_editor_publishes_a_story_with_a_new_picture_from_the_dashboard(
    live_server, page, make_section, tmp_path
):
    user = desk_user()
    Author.objects.create(name="Aylin Demir", slug="aylin-demir", user=user)
    make_section(name="Defence Industry", slug="industry")
    photo = tmp_path / "expo.jpg"
    photo.write_bytes(jpeg_bytes((1600, 900), (120, 60, 30)))
    log_in(page, live_server.url, "aylin")
    hands = Counted(page)

    hands.click(page.get_by_role("link", name="New story"))
    hands.fill(page.locator("#id_headline"), "Minister pledges joint production")
    hands.fill(page.locator("#id_dek"), "A framework for shells and vehicles.")
    hands.click(page.locator(".ProseMirror:visible"))
    hands.type("The agreement was signed on the exhibition floor.")
    hands.fill(page.locator("#id_tags"), "IDEF")
    hands.select(page.locator("#id_status"), "published")
    expect(page.locator("#publish-hint")).to_have_text(
        "Publish at: now, when you save."
    )
    hands.click(page.locator("#id_section + .select2 .select2-selection"))
    hands.fill(page.locator(".select2-container--open .select2-search__field"), "Def")
    hands.click(page.locator(".select2-results__option", has_text="Defence"))
    # The picture is uploaded from the story form, in the admin's own popup.
    with page.expect_popup() as opened:
        hands.click(page.locator("#add_id_lead_image"))
    popup = opened.value
    hands.choose_file(popup.locator("#id_file"), str(photo))
    hands.fill(popup.locator("#id_alt_text"), "Visitors walk past armoured vehicles")
    hands.fill(popup.locator("#id_credit"), "Newsroom illustration")
    with popup.expect_event("close"):
        hands.click(popup.locator("input[name=_save]"))
    # The writer's byline came filled in.
    expect(page.locator("#id_bylines-0-author")).to_have_value(
        str(Author.objects.get().pk)
    )
    hands.click(page.locator("input[name=_save]"))
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    story = Article.objects.get()
    assert story.is_published
    assert story.lead_image.alt_text == "Visitors walk past armoured vehicles"
    assert [a.name for a in story.byline_authors] == ["Aylin Demir"]
    # Before the desk: 12 clicks and 11 fields after login.
    assert (hands.clicks, hands.fields) == (7, 9)


def test_tag_suggestions_byline_order_and_the_story_list(
    live_server, page, make_article, make_author, make_image
):
    desk_user()
    make_article(headline="Alliance meets", tags=["NATO"])
    first = make_author(name="Jonas Berg", slug="jonas-berg")
    second = make_author(name="Mei Lin", slug="mei-lin")
    story = make_article(
        headline="Two reporters on the summit", status=Article.Status.DRAFT
    )
    Byline.objects.create(article=story, author=first, position=0)
    Byline.objects.create(article=story, author=second, position=1)
    picture = make_image()
    now = timezone.now()
    for n in range(52):
        make_article(
            headline=f"Council debates harbour dredging plan, part {n}, with long words",
            lead_image=picture if n % 3 == 0 else None,
            publish_at=now + timedelta(hours=n - 26),
            is_breaking=n % 7 == 0,
            breaking_until=now + timedelta(hours=2) if n % 7 == 0 else None,
        )
    log_in(page, live_server.url, "aylin")

    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    page.locator("#id_tags").press_sequentially("nato")
    option = page.get_by_role("option", name="NATO")
    expect(option).to_be_visible()
    page.locator("#id_tags").press("ArrowDown")
    page.locator("#id_tags").press("Enter")
    expect(page.locator("#id_tags")).to_have_value("NATO, ")
    page.get_by_role("button", name="Move author down").first.click()
    rows = page.locator("#bylines-group tr.form-row:not(.empty-form)")
    expect(rows.first.locator("select")).to_have_value(str(second.pk))
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    story.refresh_from_db()
    assert story.tags.names()[0] == "NATO"
    assert not Tag.objects.filter(name="nato").exists()
    assert [a.name for a in story.byline_authors] == ["Mei Lin", "Jonas Berg"]

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/articles/article/")
    expect(page.locator("#result_list tbody tr")).to_have_count(50)
    save_screenshots(page, "desk-story-list", widths=(1280,))
    headline = page.locator("th.column-headline_cell").bounding_box()
    assert headline["width"] >= 300, headline
    for column in ("status_label", "is_breaking", "lead_thumbnail"):
        box = page.locator(f"th.column-{column}").bounding_box()
        assert box["x"] + box["width"] <= 1280, (column, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_dashboard_links_each_block_to_its_stories(live_server, page, make_article):
    user = desk_user()
    now = timezone.now()
    make_article(
        headline="Explosions heard in the port",
        is_breaking=True,
        breaking_until=now + timedelta(minutes=80),
    )
    make_article(headline="Budget vote at noon", publish_at=now + timedelta(hours=5))
    make_article(headline="Rail strike talks", status=Article.Status.REVIEW)
    make_article(
        headline="Half-written harbour piece",
        status=Article.Status.DRAFT,
        created_by=user,
    )
    make_article(headline="Frigate leaves for the Baltic")
    log_in(page, live_server.url, "aylin")
    breaking = page.locator(".desk-block--breaking")
    expect(breaking).to_contain_text("Explosions heard in the port")
    expect(breaking).to_contain_text("left")
    expect(page.locator(".desk-block--drafts")).to_contain_text("Half-written")
    save_screenshots(page, "desk-dashboard")
    page.locator(".desk-block--review h2 a").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text("Rail strike talks")
