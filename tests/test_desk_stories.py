"""The story form and list as a desk uses them: names, byline order, tags, columns."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from tests.admin_forms import add_form_data, change_form_data, management

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/article/"


def test_the_admin_says_stories_not_articles(editor_client, make_article):
    story = make_article()
    pages = [
        editor_client.get("/admin/").text,
        editor_client.get(CHANGELIST).text,
        editor_client.get(f"{CHANGELIST}add/").text,
        editor_client.get(f"{CHANGELIST}{story.pk}/change/").text,
    ]
    for page in pages:
        assert "Stories" in page or "story" in page
        assert "Article" not in page.replace("articles/article", "")
    assert "Add story" in pages[2]


def test_byline_sits_with_the_headline_and_has_no_position_number(
    editor_client, make_article, make_author
):
    story = make_article(authors=[make_author(name="Aylin Demir")])
    page = editor_client.get(f"{CHANGELIST}{story.pk}/change/").text
    assert page.index('id="bylines-group"') < page.index('name="body"')
    assert page.index('name="headline"') < page.index('id="bylines-group"')
    assert 'type="hidden" name="bylines-0-position"' in page
    assert 'class="column-position hidden"' in page  # the admin's CSS hides it
    assert "desk/byline-order.js" in page


def test_byline_order_follows_the_submitted_positions_and_new_rows_go_last(
    editor_client, make_article, make_author
):
    first, second, third = (
        make_author(name=name) for name in ("Aylin Demir", "Jonas Berg", "Mei Lin")
    )
    story = make_article(authors=[first, second], status=Article.Status.DRAFT)
    data = change_form_data(story)
    data["bylines-0-position"], data["bylines-1-position"] = "1", "0"
    data.update(management("bylines", 3, 2))
    data["bylines-2-author"] = str(third.pk)
    data["bylines-2-position"] = ""
    response = editor_client.post(f"{CHANGELIST}{story.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"]
    story.refresh_from_db()
    assert [a.name for a in story.byline_authors] == [
        "Jonas Berg",
        "Aylin Demir",
        "Mei Lin",
    ]
    assert [b.position for b in story.bylines.all()] == [0, 1, 2]


def test_typing_nato_is_offered_the_existing_nato_tag(editor_client, make_article):
    make_article(tags=["NATO"])
    make_article(tags=["Türkiye", "National budget"])
    url = reverse("admin:articles_article_tag_suggestions")
    names = [
        tag["name"] for tag in editor_client.get(url, {"q": "nato"}).json()["tags"]
    ]
    assert names[0] == "NATO"
    assert "Türkiye" not in names
    accents = editor_client.get(url, {"q": "turk"}).json()["tags"]
    assert [tag["name"] for tag in accents] == ["Türkiye"]
    assert accents[0]["stories"] == 1
    assert editor_client.get(url, {"q": "  "}).json() == {"tags": []}


def test_tag_suggestions_need_a_staff_login(client):
    response = client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "n"})
    assert response.status_code == 302
    assert "/login/" in response.url


def test_saving_nato_or_turkiye_reuses_the_existing_tags(editor_client, make_article):
    make_article(tags=["NATO", "Türkiye"])
    response = editor_client.post(
        f"{CHANGELIST}add/",
        add_form_data(headline="Summit opens", tags="nato, turkiye, TÜRKIYE, Baltic"),
    )
    assert response.status_code == 302
    story = Article.objects.get(headline="Summit opens")
    assert sorted(story.tags.names()) == ["Baltic", "NATO", "Türkiye"]
    assert not Tag.objects.filter(name__in=["nato", "turkiye"]).exists()
    assert Tag.objects.count() == 3


def test_story_list_is_paginated_at_fifty_with_the_desk_columns(
    editor_client, make_article
):
    for n in range(55):
        make_article(headline=f"Story number {n}")
    page = editor_client.get(CHANGELIST)
    assert len(page.context["cl"].result_list) == 50
    text = page.text
    for column in ("headline_cell", "status_label", "is_breaking", "lead_thumbnail"):
        assert f"column-{column}" in text
    assert "?p=2" in text


def test_publish_at_says_now_before_saving(editor_client):
    page = editor_client.get(f"{CHANGELIST}add/").text
    assert "Left empty on a published story: now, when you save." in page
    assert "desk/publish-hint.js" in page


def test_technical_models_are_listed_only_for_admins(editor_client, desk_editor):
    from django.contrib.auth.models import Permission
    from django.test import Client

    # Even an editor given the right to look at login attempts and users does not
    # get them in the sidebar; admins still do.
    desk_editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_accessattempt", "view_user"])
    )
    client = Client()
    client.force_login(desk_editor)
    editor_page = client.get("/admin/").text
    admin_page = editor_client.get("/admin/").text
    for name in ("Access attempts", "Users", "Groups"):
        assert name not in editor_page
        assert name in admin_page
    assert "Stories" in editor_page
