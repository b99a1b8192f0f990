"""Page metadata: titles, canonical links, Open Graph, Twitter cards and JSON-LD."""

import json
from datetime import datetime, timedelta
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Author, Note

# Google's structured data guidelines for Article/NewsArticle: no property is
# required; these are the recommended ones.
GOOGLE_RECOMMENDED = {"headline", "image", "datePublished", "dateModified", "author"}


class HeadParser(HTMLParser):
    """Collects <title>, <meta>, <link> and JSON-LD blocks the way a crawler reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.json_ld: list = []
        self.title = ""
        self._in = None
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link":
            self.links.setdefault(attrs.get("rel", ""), []).append(attrs.get("href"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in, self._buffer = "json", []
        elif tag == "title":
            self._in, self._buffer = "title", []

    def handle_data(self, data):
        if self._in:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if self._in == "json" and tag == "script":
            self.json_ld.append(json.loads("".join(self._buffer)))
        elif self._in == "title" and tag == "title":
            self.title = "".join(self._buffer)
        if tag in ("script", "title"):
            self._in = None


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.text)
    return parser


def one(parser, key):
    (value,) = parser.meta[key]
    return value


def of_type(parser, schema_type):
    (found,) = [item for item in parser.json_ld if item["@type"] == schema_type]
    return found


@pytest.fixture
def story(make_article, make_section, make_author, make_image):
    europe = make_section(name="Europe", slug="europe")
    reporter = make_author(name="Tom Okafor", slug="tom-okafor")
    agency = make_author(
        name="Continental Press Agency", slug="cpa", kind=Author.Kind.ORGANIZATION
    )
    image = make_image(alt_text="Jets on a wet runway at dawn")
    article = make_article(
        headline="Italian jets take over Baltic air policing",
        slug="italian-jets",
        dek="Four fighters arrive at Ämari air base.",
        section=europe,
        authors=[reporter, agency],
        tags=["NATO", "Baltic states"],
        lead_image=image,
        publish_at=timezone.now() - timedelta(hours=5),
    )
    article.updated_at = article.publish_at + timedelta(hours=1)
    article.save()
    return article


def test_story_page_has_title_description_and_canonical(client, story):
    head = head_of(client, story.get_absolute_url())

    assert head.title == "Italian jets take over Baltic air policing · Newsroom"
    assert one(head, "description") == "Four fighters arrive at Ämari air base."
    assert head.links["canonical"] == ["http://testserver/story/italian-jets/"]
    assert one(head, "robots") == "max-image-preview:large"


def test_story_page_has_open_graph_and_twitter_card(client, story):
    head = head_of(client, story.get_absolute_url())
    picture = story.lead_image.rendition_for("16:9", 1200)

    assert one(head, "og:type") == "article"
    assert one(head, "og:title") == story.headline
    assert one(head, "og:description") == story.dek
    assert one(head, "og:url") == "http://testserver/story/italian-jets/"
    assert one(head, "og:site_name") == "Newsroom"
    assert one(head, "og:image") == f"http://testserver{picture.url}"
    assert int(one(head, "og:image:width")) == picture.width
    assert int(one(head, "og:image:height")) == picture.height
    assert one(head, "og:image:alt") == "Jets on a wet runway at dawn"
    assert datetime.fromisoformat(one(head, "article:published_time")) == (
        story.publish_at.replace(microsecond=0)
    )
    assert datetime.fromisoformat(one(head, "article:modified_time")) == (
        story.updated_at.replace(microsecond=0)
    )
    assert one(head, "article:section") == "Europe"
    assert head.meta["article:tag"] == ["NATO", "Baltic states"]
    assert head.meta["article:author"] == [
        "http://testserver/author/tom-okafor/",
        "http://testserver/author/cpa/",
    ]
    assert one(head, "twitter:card") == "summary_large_image"
    assert one(head, "twitter:title") == story.headline
    assert one(head, "twitter:image") == f"http://testserver{picture.url}"
    assert "twitter:site" not in head.meta


def test_news_article_json_ld_has_googles_recommended_properties(client, story):
    head = head_of(client, story.get_absolute_url())
    article = of_type(head, "NewsArticle")

    assert article["@context"] == "https://schema.org"
    assert GOOGLE_RECOMMENDED <= article.keys()
    assert article["headline"] == story.headline
    assert article["description"] == story.dek
    assert datetime.fromisoformat(article["datePublished"]) == (
        story.publish_at.replace(microsecond=0)
    )
    assert datetime.fromisoformat(article["dateModified"]) == (
        story.updated_at.replace(microsecond=0)
    )
    assert datetime.fromisoformat(article["datePublished"]).utcoffset() is not None
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Tom Okafor",
            "url": "http://testserver/author/tom-okafor/",
        },
        {
            "@type": "Organization",
            "name": "Continental Press Agency",
            "url": "http://testserver/author/cpa/",
        },
    ]
    assert article["mainEntityOfPage"] == {
        "@type": "WebPage",
        "@id": "http://testserver/story/italian-jets/",
    }
    assert article["articleSection"] == "Europe"
    assert article["keywords"] == ["NATO", "Baltic states"]
    publisher = article["publisher"]
    assert publisher["name"] == "Newsroom"
    assert publisher["logo"] == {
        "@type": "ImageObject",
        "url": "http://testserver/static/img/logo.png",
        "width": 512,
        "height": 512,
    }


def test_json_ld_images_are_the_16_9_4_3_and_1_1_renditions(client, story):
    head = head_of(client, story.get_absolute_url())
    image = story.lead_image

    expected = list(
        dict.fromkeys(
            f"http://testserver{image.rendition_for(ratio, 1200).url}"
            for ratio in ("16:9", "4:3", "1:1")
        )
    )
    assert of_type(head, "NewsArticle")["image"] == expected


def test_breadcrumbs_lead_from_home_through_the_section(client, story):
    head = head_of(client, story.get_absolute_url())

    assert of_type(head, "BreadcrumbList")["itemListElement"] == [
        {
            "@type": "ListItem",
            "position": 1,
            "name": "Newsroom",
            "item": "http://testserver/",
        },
        {
            "@type": "ListItem",
            "position": 2,
            "name": "Europe",
            "item": "http://testserver/section/europe/",
        },
        {"@type": "ListItem", "position": 3, "name": story.headline},
    ]


def test_json_ld_carries_the_corrections_and_nothing_else(client, story):
    dated = timezone.now() - timedelta(minutes=30)
    Note.objects.create(
        article=story,
        kind=Note.Kind.CORRECTION,
        text="An earlier version named the wrong air base.",
        created_at=dated,
    )
    Note.objects.create(
        article=story, kind=Note.Kind.UPDATE, text="The jets have landed."
    )
    Note.objects.create(
        article=story, kind=Note.Kind.CLARIFICATION, text="Four, not five, jets."
    )

    article = of_type(head_of(client, story.get_absolute_url()), "NewsArticle")

    assert article["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version named the wrong air base.",
            "datePublished": timezone.localtime(dated)
            .replace(microsecond=0)
            .isoformat(),
        }
    ]


def test_story_without_corrections_has_no_correction_property(client, story):
    assert "correction" not in of_type(
        head_of(client, story.get_absolute_url()), "NewsArticle"
    )


HOSTILE_HEADLINE = (
    'Navy says "no comment" </script><script>alert(1)</script> <!-- & \' done'
)


def test_headline_with_script_and_quotes_cannot_break_out(client, make_article):
    story = make_article(headline=HOSTILE_HEADLINE, dek='A "quoted" <b>dek</b>')

    response = client.get(story.get_absolute_url())
    head = head_of(client, story.get_absolute_url())

    assert "<script>alert(1)</script>" not in response.text
    assert "<!-- &" not in response.text
    assert of_type(head, "NewsArticle")["headline"] == HOSTILE_HEADLINE
    assert of_type(head, "BreadcrumbList")["itemListElement"][-1]["name"] == (
        HOSTILE_HEADLINE
    )
    assert one(head, "og:title") == HOSTILE_HEADLINE
    assert one(head, "twitter:title") == HOSTILE_HEADLINE
    assert one(head, "description") == 'A "quoted" <b>dek</b>'
    assert head.title == f"{HOSTILE_HEADLINE} · Newsroom"


def test_long_headline_is_cut_to_110_characters_in_json_ld(client, make_article):
    headline = "Ministers " + "agree on a very long list of things " * 5
    story = make_article(headline=headline.strip())

    head = head_of(client, story.get_absolute_url())

    assert len(of_type(head, "NewsArticle")["headline"]) <= 110
    assert of_type(head, "NewsArticle")["headline"].endswith("…")
    assert one(head, "og:title") == headline.strip()


def test_story_without_picture_shares_the_default_social_image(client, make_article):
    story = make_article(headline="No picture", dek="")

    head = head_of(client, story.get_absolute_url())

    assert one(head, "og:image") == "http://testserver/static/img/social.png"
    assert (one(head, "og:image:width"), one(head, "og:image:height")) == (
        "1200",
        "630",
    )
    assert one(head, "twitter:card") == "summary_large_image"
    assert of_type(head, "NewsArticle")["image"] == [
        "http://testserver/static/img/social.png"
    ]
    # Without a standfirst the description comes from the body.
    assert one(head, "description") == "The body of the story."


def test_story_without_byline_is_credited_to_the_publisher(client, make_article):
    story = make_article(headline="Unsigned story")

    article = of_type(head_of(client, story.get_absolute_url()), "NewsArticle")

    assert article["author"] == [article["publisher"]]
    assert article["author"][0]["@type"] == "NewsMediaOrganization"


def test_site_identity_comes_from_settings(client, settings, story):
    settings.NEWSROOM_PUBLISHER_NAME = "Baltic Ledger Media Ltd"
    settings.NEWSROOM_LOGO = "https://cdn.example.org/logo.png"
    settings.NEWSROOM_PUBLISHER_SAME_AS = ["https://social.example/@ledger"]
    settings.NEWSROOM_TWITTER_SITE = "@ledger"

    head = head_of(client, story.get_absolute_url())
    publisher = of_type(head, "NewsArticle")["publisher"]

    assert publisher["name"] == "Baltic Ledger Media Ltd"
    assert publisher["logo"] == {
        "@type": "ImageObject",
        "url": "https://cdn.example.org/logo.png",
    }
    assert publisher["sameAs"] == ["https://social.example/@ledger"]
    assert one(head, "twitter:site") == "@ledger"


def test_front_page_describes_the_site(client, story):
    head = head_of(client, "/")

    assert head.links["canonical"] == ["http://testserver/"]
    assert one(head, "og:type") == "website"
    assert one(head, "description") == "Defence and world news, as it happens"
    website = of_type(head, "WebSite")
    assert website["url"] == "http://testserver/"
    assert website["publisher"]["@type"] == "NewsMediaOrganization"
    assert website["potentialAction"]["target"] == (
        "http://testserver/search/?q={search_term_string}"
    )


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/section/europe/", "Europe"),
        ("/tag/nato/", "NATO"),
        ("/author/tom-okafor/", "Tom Okafor"),
    ],
)
def test_listing_pages_have_canonical_social_tags_and_breadcrumbs(
    client, story, url, name
):
    head = head_of(client, url)

    assert head.links["canonical"] == [f"http://testserver{url}"]
    assert one(head, "og:title") == name
    assert one(head, "og:url") == f"http://testserver{url}"
    assert one(head, "og:image") == "http://testserver/static/img/social.png"
    crumbs = of_type(head, "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Newsroom", name]


def test_author_page_is_a_profile_page(client, story):
    head = head_of(client, "/author/cpa/")

    assert one(head, "og:type") == "profile"
    assert of_type(head, "ProfilePage")["mainEntity"] == {
        "@type": "Organization",
        "name": "Continental Press Agency",
        "url": "http://testserver/author/cpa/",
    }


def test_later_listing_pages_are_their_own_canonical(client, settings, make_article):
    settings.NEWSROOM_PAGE_SIZE = 1
    make_article(tags=["NATO"])
    make_article(tags=["NATO"])

    head = head_of(client, "/tag/nato/?page=2&utm_source=feed")

    assert head.links["canonical"] == ["http://testserver/tag/nato/?page=2"]


def test_story_page_queries_do_not_grow_with_tags_authors_and_notes(
    client, make_article, make_author, make_image
):
    def story_with(count):
        article = make_article(
            authors=[make_author(name=f"Writer {n}") for n in range(count)],
            tags=[f"topic-{n}" for n in range(count)],
            lead_image=make_image(),
        )
        for n in range(count):
            Note.objects.create(article=article, text=f"Correction {n}.")
        return article

    def queries(article):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.get_absolute_url()).status_code == 200
        return len(captured)

    # Created first, so that each is the other's related story.
    small, large = story_with(1), story_with(8)
    assert queries(small) == queries(large)


def test_draft_preview_carries_no_structured_data_or_social_tags(
    editor_client, make_article
):
    draft = make_article(headline="Draft under embargo", status=Article.Status.DRAFT)

    head = head_of(editor_client, reverse("articles:preview", args=[draft.pk]))

    assert head.json_ld == []
    assert "og:title" not in head.meta
    assert "canonical" not in head.links
    assert one(head, "robots") == "noindex, nofollow"


@pytest.fixture
def story_with_renditions(make_article, make_image, django_capture_on_commit_callbacks):
    # The commit hooks make the renditions, as they do after an upload.
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(alt_text="A frigate leaves harbour")
    assert image.renditions.exists()
    return make_article(headline="Frigate sails", lead_image=image)


def test_shared_picture_is_the_1200_wide_16_9_rendition(client, story_with_renditions):
    head = head_of(client, story_with_renditions.get_absolute_url())
    image = story_with_renditions.lead_image
    crop = image.renditions.get(ratio="16:9", width=1200, format="jpeg")

    assert one(head, "og:image") == f"http://testserver{crop.file.url}"
    assert (one(head, "og:image:width"), one(head, "og:image:height")) == (
        "1200",
        "675",
    )
    assert one(head, "og:image:type") == "image/jpeg"


def test_json_ld_offers_16_9_4_3_and_1_1_crops_of_the_picture(
    client, story_with_renditions
):
    head = head_of(client, story_with_renditions.get_absolute_url())
    image = story_with_renditions.lead_image
    # The widest crop of each shape, up to 1200 px (a 1600x900 photo has no square
    # that wide, and nothing is upscaled).
    crops = [
        image.renditions.filter(ratio=ratio, format="jpeg").order_by("-width").first()
        for ratio in ("16:9", "4:3", "1:1")
    ]

    assert of_type(head, "NewsArticle")["image"] == [
        f"http://testserver{crop.file.url}" for crop in crops
    ]
    assert [crop.width for crop in crops[:2]] == [1200, 1200]
    assert all(crop.width * crop.height >= 50_000 for crop in crops)
