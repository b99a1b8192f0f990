"""A story's search title, search description, social headline and social picture."""

import json

from django.urls import reverse
from lxml import html as lxml_html

from articles import publishing


def head(response):
    tree = lxml_html.fromstring(response.content)

    def meta(attribute, name):
        found = tree.xpath(f'//meta[@{attribute}="{name}"]/@content')
        return found[0] if found else None

    ld = [
        json.loads(block)
        for block in tree.xpath('//script[@type="application/ld+json"]/text()')
    ]
    article = next(data for data in ld if data["@type"] == "NewsArticle")
    return {
        "title": tree.findtext(".//title"),
        "description": meta("name", "description"),
        "og:title": meta("property", "og:title"),
        "og:description": meta("property", "og:description"),
        "og:image": meta("property", "og:image"),
        "twitter:title": meta("name", "twitter:title"),
        "twitter:description": meta("name", "twitter:description"),
        "twitter:image": meta("name", "twitter:image"),
        "ld": article,
    }


def test_the_search_and_social_fields_reach_every_tag(
    client, make_article, make_image, settings
):
    lead = make_image(alt_text="Lead picture of a frigate")
    social = make_image(alt_text="A share-card picture of the port")
    story = make_article(
        headline="Frigate order signed after months of talks",
        dek="The standfirst readers see.",
        seo_title="Frigate order signed | Navy",
        meta_description="What search results show under the title.",
        social_headline="Four new frigates, finally",
        lead_image=lead,
        social_image=social,
    )

    tags = head(client.get(story.get_absolute_url()))

    assert (
        tags["title"] == f"Frigate order signed | Navy · {settings.NEWSROOM_SITE_NAME}"
    )
    assert tags["description"] == "What search results show under the title."
    assert tags["og:title"] == tags["twitter:title"] == "Four new frigates, finally"
    assert tags["og:description"] == "What search results show under the title."
    assert tags["twitter:description"] == "What search results show under the title."
    social_file = social.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    assert social_file in tags["og:image"]
    assert tags["twitter:image"] == tags["og:image"]
    assert tags["ld"]["headline"] == "Frigate order signed after months of talks"
    assert tags["ld"]["alternativeHeadline"] == "Frigate order signed | Navy"
    assert tags["ld"]["description"] == "What search results show under the title."
    lead_file = lead.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    assert any(social_file in url for url in tags["ld"]["image"])
    assert any(lead_file in url for url in tags["ld"]["image"])


def test_empty_fields_default_to_headline_standfirst_and_lead_picture(
    client, make_article, make_image, settings
):
    lead = make_image()
    story = make_article(
        headline="Frigate order signed", dek="The standfirst.", lead_image=lead
    )

    tags = head(client.get(story.get_absolute_url()))

    assert tags["title"] == f"Frigate order signed · {settings.NEWSROOM_SITE_NAME}"
    assert tags["description"] == "The standfirst."
    assert tags["og:title"] == "Frigate order signed"
    assert tags["og:description"] == "The standfirst."
    assert lead.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0] in tags["og:image"]
    assert "alternativeHeadline" not in tags["ld"]


def test_a_search_title_alone_is_also_the_social_headline(client, make_article):
    story = make_article(headline="Frigate order signed", seo_title="Frigates: signed")

    tags = head(client.get(story.get_absolute_url()))

    assert tags["og:title"] == "Frigates: signed"


def test_the_admin_counts_characters_against_what_results_and_cards_show(
    editor_client, make_article
):
    story = make_article()

    response = editor_client.get(
        reverse("admin:articles_article_change", args=[story.pk])
    )

    text = response.text
    assert 'name="seo_title"' in text
    assert 'data-recommended="60"' in text
    assert 'data-recommended="160"' in text
    assert 'data-recommended="70"' in text
    assert "admin_extra/char_count.js" in text
    assert 'name="social_image"' in text


def test_a_changed_social_picture_renews_the_stories_it_is_shared_with(
    make_article, make_image, editor, django_capture_on_commit_callbacks
):
    social = make_image(alt_text="Port at night")
    story = make_article(social_image=social)
    changes = []
    publishing.subscribe(changes.append)
    try:
        social.alt_text = "The port of Gdańsk at night"
        with django_capture_on_commit_callbacks(execute=True):
            publishing.save_picture(social, by=editor)
    finally:
        publishing.unsubscribe(changes.append)

    assert [change.article_ids for change in changes] == [(story.pk,)]
