"""Editorial comments: staff only, on a field or a quoted passage, with replies,
resolve and reopen, mentions, the story's history, and never on a reader surface."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from articles.models import Article
from desk import comments
from desk.models import Comment

pytestmark = pytest.mark.django_db

SECRET = "Zebracrossing check the minister's quote"
# The part of a comment no reader page may hold (search pages echo the query word).
LEAK = "check the minister"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def story(make_article, make_section, make_author, make_image, reporter):
    return make_article(
        headline="Harbour dredging plan approved",
        slug="harbour-dredging",
        section=make_section(name="Europe", slug="europe"),
        authors=[make_author(name="Tom Okafor", slug="tom-okafor")],
        lead_image=make_image(),
        tags=["Ports"],
        created_by=reporter,
    )


def change_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def test_staff_comment_on_a_field_with_a_quote_reply_resolve_and_reopen(
    story, desk_editor, reporter
):
    editor = logged_in(desk_editor)
    add = reverse("admin:desk_comment_add", args=[story.pk])
    response = editor.post(
        add,
        {
            "text": "Source for this figure, @reporter?",
            "field": "body",
            "quote": "The council met on Monday.",
        },
    )
    assert response.status_code == 302
    assert response.url.endswith("#desk-comments")
    thread = Comment.objects.get()
    assert (thread.field, thread.quote) == ("body", "The council met on Monday.")
    assert list(thread.mentions.all()) == [reporter]

    logged_in(reporter).post(
        add, {"text": "Council minutes, page 4.", "parent": thread.pk}
    )
    page = editor.get(change_url(story)).text
    assert "Source for this figure" in page
    assert "on Body" in page
    assert "Council minutes, page 4." in page

    state = reverse("admin:desk_comment_state", args=[story.pk, thread.pk, "resolve"])
    editor.post(state)
    thread.refresh_from_db()
    assert thread.resolved_by == desk_editor
    assert "Resolved by" in editor.get(change_url(story)).text
    editor.post(
        reverse("admin:desk_comment_state", args=[story.pk, thread.pk, "reopen"])
    )
    thread.refresh_from_db()
    assert thread.is_open

    # The story itself did not move.
    assert Article.objects.get(pk=story.pk).version == story.version
    history = [
        e.get_change_message() for e in LogEntry.objects.filter(object_id=str(story.pk))
    ]
    assert any(m.startswith("Commented on Body") for m in history)
    assert any(m.startswith("Replied to a comment") for m in history)
    assert any(m.startswith("Resolved the comment") for m in history)
    assert any(m.startswith("Reopened the comment") for m in history)
    assert (
        "Commented on Body"
        in editor.get(reverse("admin:articles_article_history", args=[story.pk])).text
    )


def test_an_empty_comment_is_refused_with_a_message(story, desk_editor):
    client = logged_in(desk_editor)
    response = client.post(
        reverse("admin:desk_comment_add", args=[story.pk]), {"text": "  "}, follow=True
    )
    assert "Write something before adding a comment." in response.text
    assert not Comment.objects.exists()


def test_comments_need_a_staff_login_that_may_see_the_story(
    story, client, other_reporter
):
    add = reverse("admin:desk_comment_add", args=[story.pk])
    assert client.post(add, {"text": "hello"}).status_code == 302  # to the login
    from django.contrib.auth import get_user_model

    clerk = get_user_model().objects.create_user("clerk", is_staff=True)
    assert logged_in(clerk).post(add, {"text": "hello"}).status_code == 403
    assert not Comment.objects.exists()


def test_mentions_are_staff_usernames_only(desk_editor, reporter, db):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("reader", email="r@example.org")
    found = comments.mentioned("Ask @Reporter and @reader, mail me@example.org")
    assert found == [reporter]


def test_open_comments_are_listed_on_the_dashboard(story, desk_editor):
    comments.add(story, by=desk_editor, text="Check the second paragraph.")
    response = logged_in(desk_editor).get("/admin/")
    block = next(b for b in response.context["desk"] if b.key == "comments")
    assert block.count == 1
    assert block.stories[0].open_comments == 1
    listing = logged_in(desk_editor).get(block.link)
    assert [s.pk for s in listing.context["cl"].result_list] == [story.pk]


READER_ROOTS = [
    "/",
    "/feed/",
    "/feed/atom/",
    "/sitemap.xml",
    "/robots.txt",
    "/corrections/",
    "/search/?q=Zebracrossing",
    "/search/?q=harbour",
]


def test_comments_never_reach_a_reader_page_feed_sitemap_search_or_json_ld(
    story, desk_editor, client
):
    comments.add(story, by=desk_editor, text=SECRET, field="headline", quote="Harbour")
    reply = Comment.objects.get()
    comments.add(story, by=desk_editor, text=SECRET + " (reply)", parent=reply)
    seen, queue = set(), list(READER_ROOTS)
    story_page = None
    while queue and len(seen) < 300:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            queue.append(response.url)
            continue
        assert response.status_code == 200, url
        body = response.content.decode()
        assert LEAK not in body.replace("&#x27;", "'"), url
        if url == story.get_absolute_url():
            story_page = body
        for link in re.findall(r'(?:href|src)="([^"#]+)', body) + re.findall(
            r"<loc>([^<]+)</loc>", body
        ):
            target = urlsplit(
                urljoin("http://testserver" + url, link.replace("&amp;", "&"))
            )
            if target.netloc not in ("testserver", "") or target.path.startswith(
                ("/static/", "/media/", "/admin/")
            ):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    assert story_page is not None
    assert "application/ld+json" in story_page
    assert {"/tag/ports/", "/section/europe/", "/author/tom-okafor/"} <= seen
