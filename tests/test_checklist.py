"""The publication checklist as a breaking desk works it: an alert or a brief may go
out before its picture, a feature may not; and the demo newsroom obeys it."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.demo import briefs, features
from articles.models import Article
from tests.admin_forms import add_form_data

BRIEF = "<p>" + "Word " * 120 + "</p>"
FEATURE = "<p>" + "Word " * 600 + "</p>"


def publish(client, publishable, **fields):
    data = add_form_data(
        headline="Drones downed over the border",
        dek="At least four aircraft were shot down.",
        status="published",
        **{**publishable, "lead_image": ""},
        **fields,
    )
    return client.post(reverse("admin:articles_article_add"), data)


def test_a_brief_may_go_out_before_its_picture(editor_client, publishable):
    response = publish(editor_client, publishable, body=BRIEF)

    assert response.status_code == 302
    assert Article.objects.get().is_published


def test_a_breaking_story_of_any_length_may_go_out_before_its_picture(
    editor_client, publishable
):
    response = publish(editor_client, publishable, body=FEATURE, is_breaking="on")

    assert response.status_code == 302
    assert Article.objects.get().is_breaking_now


def test_a_feature_waits_for_its_picture(editor_client, publishable):
    response = publish(editor_client, publishable, body=FEATURE)

    assert response.status_code == 200
    message = str(response.context["adminform"].form.non_field_errors())
    assert "a lead image" in message
    assert "briefs of up to 300 words" in message
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_every_published_demo_story_passes_the_checklist():
    call_command("seed_demo", verbosity=0)

    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    assert published.count() >= 38
    assert {story.headline: story.publication_problems() for story in published} == {
        story.headline: [] for story in published
    }
    without_picture = published.filter(lead_image=None)
    assert without_picture.exists()  # the layouts are exercised without pictures
    assert all(story.may_go_out_before_its_picture for story in without_picture)


def demo_pages():
    """The demo's published stories as the home page pages them, newest first."""
    stories = [
        story
        for story in features.FULL_STORIES + briefs.BRIEFS
        if story["state"] in ("published", "breaking")
    ]
    stories.sort(key=lambda story: story["hours_ago"])
    return [stories[start : start + 12] for start in range(0, len(stories), 12)]


def test_no_illustration_motif_repeats_on_a_page_of_the_home_page():
    for number, page in enumerate(demo_pages(), 1):
        scenes = [story["image"]["scene"] for story in page if story["image"]]
        assert len(scenes) == len(set(scenes)), (number, scenes)


def test_demo_alt_texts_are_all_different_and_describe_an_illustration():
    alts = [
        story["image"]["alt"]
        for story in features.FULL_STORIES + briefs.BRIEFS
        if story["image"]
    ]

    assert len(alts) == len(set(alts))
    assert all(alt.startswith("Illustration: ") for alt in alts)
