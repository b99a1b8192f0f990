"""Tags are case-insensitive, editors merge duplicates, and old tag pages redirect."""

from django.contrib.admin.models import LogEntry
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, TagRedirect
from tests.admin_forms import change_form_data


def merge(client, tags, survivor):
    return client.post(
        reverse("admin:taggit_tag_changelist"),
        {
            "action": "merge_tags",
            "_selected_action": [tag.pk for tag in tags],
            "apply": "1",
            "survivor": survivor.pk,
        },
        follow=True,
    )


def test_tags_differing_only_in_case_are_one_tag(make_article):
    first = make_article(tags=["F-35"])
    second = make_article(tags=["f-35"])

    assert Tag.objects.count() == 1
    assert first.tags.get() == second.tags.get()


def test_merge_asks_which_tag_to_keep(client, desk_editor, make_article):
    make_article(tags=["Türkiye", "Turkey"])
    make_article(tags=["Türkiye"])
    client.force_login(desk_editor)

    page = client.post(
        reverse("admin:taggit_tag_changelist"),
        {
            "action": "merge_tags",
            "_selected_action": list(Tag.objects.values_list("pk", flat=True)),
        },
    )

    assert page.status_code == 200
    assert "Choose the tag to keep" in page.text
    # The most used tag is offered first and chosen by default.
    assert page.context["tags"][0].name == "Türkiye"
    assert Tag.objects.count() == 2


def test_merging_moves_stories_and_redirects_the_old_tag_page(
    client, desk_editor, make_article
):
    both = make_article(headline="Tagged both ways", tags=["Türkiye", "Turkey"])
    old_only = make_article(headline="Tagged the old way", tags=["Turkey"])
    keep, drop = Tag.objects.get(name="Türkiye"), Tag.objects.get(name="Turkey")
    client.force_login(desk_editor)

    response = merge(client, [keep, drop], keep)

    assert "Merged the tags “Turkey” into “Türkiye”" in response.text
    assert list(Tag.objects.values_list("name", flat=True)) == ["Türkiye"]
    assert list(both.tags.names()) == ["Türkiye"]
    assert list(old_only.tags.names()) == ["Türkiye"]
    assert Article.objects.get(pk=both.pk).version == both.version + 1
    client.logout()
    redirect = client.get("/tag/turkey/")
    assert redirect.status_code == 301
    assert redirect["Location"] == "/tag/turkiye/"
    assert "Tagged the old way" in client.get("/tag/turkiye/").text
    assert LogEntry.objects.filter(
        object_id=str(old_only.pk), change_message__contains="into “Türkiye”"
    ).exists()


def test_redirects_follow_a_tag_merged_twice(client, desk_editor, make_article):
    make_article(tags=["UAV", "Drone", "Drones"])
    uav, drone, drones = (Tag.objects.get(name=n) for n in ("UAV", "Drone", "Drones"))
    client.force_login(desk_editor)
    merge(client, [uav, drone], drone)
    merge(client, [drone, drones], drones)

    assert client.get("/tag/uav/")["Location"] == "/tag/drones/"
    assert client.get("/tag/drone/")["Location"] == "/tag/drones/"
    assert TagRedirect.objects.count() == 2


def test_a_merged_tag_typed_again_becomes_the_survivor(
    client, desk_editor, make_article
):
    story = make_article(status=Article.Status.DRAFT, tags=["Turkey", "Türkiye"])
    client.force_login(desk_editor)
    merge(client, list(Tag.objects.all()), Tag.objects.get(name="Türkiye"))
    story.refresh_from_db()

    client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        change_form_data(story, tags="Turkey, NATO"),
    )

    assert sorted(Tag.objects.values_list("name", flat=True)) == ["NATO", "Türkiye"]


def test_a_redirect_to_a_tag_with_no_published_story_reveals_nothing(
    client, desk_editor, make_article
):
    make_article(status=Article.Status.DRAFT, tags=["Secret op", "Secret operation"])
    client.force_login(desk_editor)
    merge(client, list(Tag.objects.all()), Tag.objects.get(name="Secret operation"))
    client.logout()

    assert client.get("/tag/secret-op/").status_code == 404


def test_reporters_cannot_merge_tags(client, reporter, make_article):
    make_article(tags=["A", "B"])
    client.force_login(reporter)

    response = merge(client, list(Tag.objects.all()), Tag.objects.get(name="A"))

    assert response.status_code == 403
    assert Tag.objects.count() == 2


def test_taggits_unchecked_merge_page_is_gone(client, reporter):
    client.force_login(reporter)

    assert client.get("/admin/taggit/tag/merge-tags/").status_code in (302, 403, 404)
