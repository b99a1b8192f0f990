"""Reader pages in shared caches: headers, lifetimes bounded by the schedule, and
Django's page cache seeing every committed change on the next request."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, Note
from newsroom import page_cache


@pytest.fixture(autouse=True)
def _empty_cache(monkeypatch, settings):
    settings.NEWSROOM_PAGE_CACHE = True
    cache.clear()
    monkeypatch.setattr(page_cache, "_cache_unavailable_until", 0.0)


@pytest.fixture
def story(make_article, make_section, make_author):
    section = make_section(name="Europe", slug="europe")
    author = make_author(name="Aylin Demir", slug="aylin-demir")
    return make_article(
        headline="Ministers agree on air defence",
        slug="air-defence",
        section=section,
        authors=[author],
        tags=["NATO"],
    )


def reader_urls(story):
    tag = story.tags.get()
    return [
        reverse("articles:home"),
        story.get_absolute_url(),
        story.section.get_absolute_url(),
        reverse("articles:tag", args=[tag.slug]),
        story.bylines.get().author.get_absolute_url(),
        reverse("articles:corrections"),
        reverse("articles:search") + "?q=air",
        reverse("articles:feed"),
        reverse("articles:feed_atom"),
        reverse("articles:tag_feed", args=[tag.slug]),
        "/sitemap.xml",
        "/sitemap-stories.xml",
        "/robots.txt",
    ]


def directives(response):
    parts = [part.strip() for part in response["Cache-Control"].split(",")]
    return dict(part.partition("=")[::2] for part in parts)


def test_anonymous_reader_pages_are_public_tagged_and_cookie_free(client, story):
    for url in reader_urls(story):
        response = client.get(url)
        assert response.status_code == 200, url
        control = directives(response)
        assert "public" in control, url
        assert int(control["s-maxage"]) > 0, url
        assert int(control["max-age"]) <= 30, url
        assert "stale-if-error" in control, url
        assert response["xkey"], url
        assert response["Surrogate-Key"] == response["xkey"], url
        assert not response.cookies, url
        assert "cookie" not in response.get("Vary", "").lower(), url


def test_a_story_page_names_the_story_and_the_lists_it_belongs_to(client, story):
    response = client.get(story.get_absolute_url())
    keys = set(response["xkey"].split())
    tag = story.tags.get()
    assert {
        f"story-{story.pk}",
        f"section-{story.section_id}",
        f"tag-{tag.pk}",
        f"author-{story.bylines.get().author_id}",
    } <= keys


def test_listings_name_every_story_they_show(client, story, make_article):
    other = make_article(headline="Second story", section=story.section)
    response = client.get(story.section.get_absolute_url())
    keys = set(response["xkey"].split())
    assert {
        f"story-{story.pk}",
        f"story-{other.pk}",
        f"section-{story.section_id}",
    } <= keys


def test_search_results_turn_over_quickly(client, story, settings):
    response = client.get(reverse("articles:search") + "?q=air")
    assert int(directives(response)["s-maxage"]) <= settings.NEWSROOM_SEARCH_MAX_AGE


def test_staff_see_reader_pages_privately(editor_client, story):
    for url in reader_urls(story):
        response = editor_client.get(url)
        control = directives(response)
        assert "private" in control, url
        assert "no-store" in control, url
        assert "xkey" not in response, url


def test_previews_and_the_admin_are_private(client, editor_client, story):
    preview = editor_client.get(reverse("articles:preview", args=[story.pk]))
    admin = editor_client.get(reverse("admin:articles_article_changelist"))
    for response in (preview, admin):
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        assert "xkey" not in response


def test_a_missing_page_is_not_shared(client, db):
    response = client.get("/story/no-such-story/")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")


def test_the_shared_lifetime_ends_at_the_next_scheduled_story(
    client, story, make_article, settings
):
    with time_machine.travel(timezone.now(), tick=False):
        make_article(
            headline="Embargoed report",
            publish_at=timezone.now() + timedelta(seconds=90),
        )
        control = directives(client.get(reverse("articles:home")))
    assert int(control["s-maxage"]) == 90
    assert int(control["max-age"]) == settings.NEWSROOM_BROWSER_MAX_AGE
    assert int(control["stale-while-revalidate"]) == 0


def test_the_shared_lifetime_ends_when_a_breaking_banner_does(client, story):
    with time_machine.travel(timezone.now(), tick=False):
        Article.objects.filter(pk=story.pk).update(
            is_breaking=True, breaking_until=timezone.now() + timedelta(seconds=40)
        )
        control = directives(client.get(reverse("articles:home")))
    assert int(control["s-maxage"]) == 40


def test_without_a_schedule_pages_keep_the_longest_lifetime(client, story, settings):
    control = directives(client.get(story.get_absolute_url()))
    assert int(control["s-maxage"]) == settings.NEWSROOM_SHARED_MAX_AGE


def test_a_cached_page_is_served_without_touching_the_database(
    client, story, django_assert_num_queries
):
    client.get(story.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert "Ministers agree on air defence" in response.text


def test_a_cached_page_still_answers_if_none_match_with_304(client, story):
    first = client.get(story.get_absolute_url())
    again = client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_story_scheduled_two_seconds_ahead_appears_at_its_time_not_before(
    client, story, make_article
):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        make_article(
            headline="Scheduled two seconds ahead",
            publish_at=start + timedelta(seconds=2),
        )
        home = reverse("articles:home")
        feed = reverse("articles:feed")
        sitemap = "/sitemap-stories.xml"
        for url in (home, feed, sitemap):
            assert "Scheduled two seconds ahead" not in client.get(url).text
            assert "scheduled-two" not in client.get(url).text
        clock.shift(timedelta(seconds=1, milliseconds=900))
        assert "Scheduled two seconds ahead" not in client.get(home).text
        clock.shift(timedelta(milliseconds=100))
        assert "Scheduled two seconds ahead" in client.get(home).text
        assert "Scheduled two seconds ahead" in client.get(feed).text


def change_is_seen(
    client, url, change, expected, *, django_capture_on_commit_callbacks
):
    assert expected not in client.get(url).text
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        change()
    assert expected in client.get(url).text


def test_publishing_is_seen_on_the_next_request(
    client, story, make_article, editor, django_capture_on_commit_callbacks
):
    draft = make_article(
        headline="Fresh off the desk",
        status=Article.Status.DRAFT,
        section=story.section,
        lead_image=None,
    )
    draft.bylines.create(author=story.bylines.get().author)
    Article.objects.filter(pk=draft.pk).update(body="<p>Short brief.</p>")
    draft.refresh_from_db()
    for url in (reverse("articles:home"), story.section.get_absolute_url()):
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(draft, by=editor)
    for url in (
        reverse("articles:home"),
        story.section.get_absolute_url(),
        reverse("articles:feed"),
    ):
        assert "Fresh off the desk" in client.get(url).text, url


def test_unpublishing_is_seen_on_the_next_request(
    client, story, editor, django_capture_on_commit_callbacks
):
    url = reverse("articles:home")
    assert "Ministers agree on air defence" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        publishing.unpublish(story, by=editor)
    assert "Ministers agree on air defence" not in client.get(url).text
    assert client.get(story.get_absolute_url()).status_code == 404


def test_an_edit_of_a_live_story_is_seen_on_the_next_request(
    client, story, editor, django_capture_on_commit_callbacks
):
    def edit():
        story.headline = "Ministers agree on a new air defence shield"
        publishing.save_story(story, by=editor, expected_version=story.version)

    change_is_seen(
        client,
        story.get_absolute_url(),
        edit,
        "new air defence shield",
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )


def test_a_new_correction_is_seen_on_the_next_request(
    client, story, editor, django_capture_on_commit_callbacks
):
    urls = (story.get_absolute_url(), reverse("articles:corrections"))
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        publishing.add_note(
            story,
            by=editor,
            kind=Note.Kind.CORRECTION,
            text="An earlier version misnamed the minister.",
            is_substantive=True,
        )
    for url in urls:
        assert "misnamed the minister" in client.get(url).text, url


def test_the_breaking_banner_comes_and_goes_on_time(
    client, story, editor, django_capture_on_commit_callbacks
):
    home = reverse("articles:home")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.get(home)
        with django_capture_on_commit_callbacks(execute=True):
            publishing.set_breaking(
                story, by=editor, until=start + timedelta(minutes=10)
            )
        assert "breaking" in client.get(home).text.lower()
        banner = client.get(home).text.count("Ministers agree on air defence")
        clock.shift(timedelta(minutes=10))
        assert client.get(home).text.count("Ministers agree on air defence") < banner


def test_a_picture_change_is_seen_on_the_next_request(
    client, story, make_image, editor, django_capture_on_commit_callbacks
):
    picture = make_image(alt_text="A radar dish at dusk")
    Article.objects.filter(pk=story.pk).update(lead_image=picture)

    def describe_again():
        picture.alt_text = "Two radar dishes against an orange sky"
        publishing.save_picture(picture, by=editor)

    change_is_seen(
        client,
        story.get_absolute_url(),
        describe_again,
        "Two radar dishes against an orange sky",
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )


def test_a_tag_merge_is_seen_on_the_next_request(
    client, story, make_article, editor, django_capture_on_commit_callbacks
):
    from taggit.models import Tag

    make_article(headline="Alliance summit opens", tags=["Nato alliance"])
    survivor = Tag.objects.get(name="NATO")
    url = reverse("articles:tag", args=[survivor.slug])

    change_is_seen(
        client,
        url,
        lambda: publishing.merge_tags(
            survivor, [Tag.objects.get(name="Nato alliance")], by=editor
        ),
        "Alliance summit opens",
        django_capture_on_commit_callbacks=django_capture_on_commit_callbacks,
    )


def test_a_rolled_back_change_leaves_the_cache_alone(
    client, story, editor, django_capture_on_commit_callbacks
):
    from django.db import transaction

    url = story.get_absolute_url()
    client.get(url)
    generation = page_cache.current_generation()

    def unpublish_then_fail():
        with transaction.atomic():
            publishing.unpublish(story, by=editor)
            raise RuntimeError("the editor's request failed after the change")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            unpublish_then_fail()
    assert callbacks == []
    assert page_cache.current_generation() == generation
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_pages_render_when_redis_is_down(client, story, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    for url in reader_urls(story):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"], url


def test_redis_down_is_reported_but_the_site_stays_up(client, db, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["cache"] == "unavailable"


def test_new_renditions_of_a_story_picture_are_seen_on_the_next_request(
    client, story, make_image, django_capture_on_commit_callbacks
):
    from articles.tasks import build_renditions

    picture = make_image(alt_text="A radar dish at dusk")
    Article.objects.filter(pk=story.pk).update(lead_image=picture)
    url = story.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        build_renditions(picture.pk, force=True)

    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert "/media/renditions/" in response.text
