"""Every string an editor or reader can enter is inert wherever it appears."""

import json
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from articles.models import Article, Author, Image, Section

DIRECTION_OVERRIDE = "\u202e"


def hostile(field: str) -> str:
    """Script tags, an attribute breakout, event handlers and a script-block breakout."""
    return (
        f'<script>alert("{field}")</script>'
        f'"><img src=x onerror=alert("{field}")>'
        f"' onmouseover='alert(\"{field}\")' x='"
        f'</script><script>alert("{field}-2")</script>'
    )


FIELDS = [
    "headline",
    "dek",
    "body",
    "caption",
    "credit",
    "alt",
    "tag",
    "section-name",
    "section-description",
    "author-name",
    "author-bio",
]


class InertnessChecker(HTMLParser):
    """Finds markup that would run: inline scripts, event handlers, javascript: URLs."""

    JSON_SCRIPT_TYPES = {"application/ld+json", "application/json", "importmap"}
    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.json_blocks = []
        self._in_json = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in self.URL_ATTRIBUTES and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"javascript: URL in <{tag} {name}>")
            if name == "x" or (tag == "img" and value == "x"):
                self.problems.append(f"injected attribute on <{tag}>")
        if tag == "script":
            if attributes.get("type") in self.JSON_SCRIPT_TYPES:
                self._in_json = True
                self.json_blocks.append("")
            elif not attributes.get("src"):
                self.problems.append("inline executable <script>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json = False

    def handle_data(self, data):
        if self._in_json:
            self.json_blocks[-1] += data


@pytest.fixture
def hostile_story(make_article, make_image, editor):
    section = Section.objects.create(
        name=hostile("section-name")[:80],
        slug="hostile-section",
        description=hostile("section-description"),
    )
    author = Author.objects.create(
        name=hostile("author-name")[:120],
        slug="hostile-author",
        bio=hostile("author-bio"),
    )
    image = make_image(
        alt_text=hostile("alt")[:250],
        caption=hostile("caption")[:300],
        credit=hostile("credit")[:200],
    )
    story = make_article(
        headline=hostile("headline"),
        slug="hostile-story",
        dek=hostile("dek") + DIRECTION_OVERRIDE + "gnp.exe",
        body=f"<p>{hostile('body')}</p><p><a href=\"javascript:alert('body-link')\">click</a></p>",
        section=section,
        authors=[author],
        lead_image=image,
        tags=[hostile("tag")[:100]],
    )
    return story


def reader_urls(story):
    tag = story.tags.get()
    return [
        reverse("articles:home"),
        story.get_absolute_url(),
        reverse("articles:section", args=[story.section.slug]),
        reverse("articles:author", args=["hostile-author"]),
        reverse("articles:tag", args=[tag.slug]),
    ]


def admin_urls(story):
    return [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[story.pk]),
        reverse("admin:articles_section_changelist"),
        reverse("admin:articles_section_change", args=[story.section.pk]),
        reverse("admin:articles_author_changelist"),
        reverse("admin:articles_author_change", args=[story.authors.get().pk]),
        reverse("admin:articles_image_changelist"),
        reverse("admin:articles_image_change", args=[story.lead_image.pk]),
        reverse("admin:taggit_tag_changelist"),
    ]


def assert_inert(url, response):
    assert response.status_code == 200, url
    checker = InertnessChecker()
    checker.feed(response.content.decode())
    checker.close()
    assert checker.problems == [], url
    for block in checker.json_blocks:
        json.loads(block)  # a </script> breakout would leave invalid JSON behind


def test_hostile_strings_are_inert_on_reader_pages(client, hostile_story):
    for url in reader_urls(hostile_story):
        assert_inert(url, client.get(url))


def test_hostile_strings_are_inert_in_admin_lists_and_forms(
    editor_client, hostile_story
):
    for url in admin_urls(hostile_story):
        assert_inert(url, editor_client.get(url))


def test_hostile_search_query_is_inert(client, hostile_story):
    response = client.get("/search/", {"q": hostile("search")})

    assert_inert("/search/", response)


def test_search_results_showing_hostile_stories_are_inert(client, hostile_story):
    for query in ["headline", "alert"]:
        response = client.get("/search/", {"q": query})
        assert "hostile-story" in response.text, query
        assert_inert(f"/search/?q={query}", response)


def feed_urls(story):
    tag = story.tags.get()
    urls = []
    for base in [
        "/",
        f"/section/{story.section.slug}/",
        f"/tag/{tag.slug}/",
        "/author/hostile-author/",
    ]:
        urls += [f"{base}feed/", f"{base}feed/atom/"]
    return urls


SITEMAPS = [
    "/sitemap.xml",
    "/sitemap-stories.xml",
    "/sitemap-news.xml",
    "/sitemap-sections.xml",
    "/sitemap-tags.xml",
    "/sitemap-authors.xml",
]

# Elements whose text feed readers render as HTML. Titles (RSS, Atom type="text",
# news:title) are plain text by their specs, so a literal "<" there is inert.
HTML_CARRYING = {"description", "summary", "content", "subtitle", "encoded"}


def assert_inert_xml(url, response):
    assert response.status_code == 200, url
    root = ElementTree.fromstring(response.content)  # a breakout would not parse
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        assert name not in {"script", "img", "iframe"}, f"{url}: <{name}> element"
        assert not any(a.rsplit("}", 1)[-1].startswith("on") for a in element.attrib), (
            url
        )
        content_type = element.attrib.get("type")
        if content_type is None and element.tag.startswith(
            "{http://www.w3.org/2005/Atom}"
        ):
            content_type = (
                "text"  # RFC 4287: Atom text constructs default to plain text
            )
        declared_plain = content_type in {"plain", "text"}
        if name in HTML_CARRYING and element.text and not declared_plain:
            checker = InertnessChecker()
            checker.feed(element.text)
            checker.close()
            assert checker.problems == [], f"{url} <{name}>: {checker.problems}"


def test_hostile_strings_are_inert_in_feeds(client, hostile_story):
    for url in feed_urls(hostile_story):
        response = client.get(url)
        assert "hostile-story" in response.text, url
        assert_inert_xml(url, response)


def test_hostile_strings_are_inert_in_sitemaps(client, hostile_story):
    for url in SITEMAPS:
        assert_inert_xml(url, client.get(url))
    assert "hostile-story" in client.get("/sitemap-news.xml").text


def test_structured_data_and_social_tags_stay_inside_their_blocks(
    client, hostile_story
):
    page = client.get(hostile_story.get_absolute_url())
    checker = InertnessChecker()
    checker.feed(page.text)

    headlines = [
        json.loads(block).get("headline")
        for block in checker.json_blocks
        if "headline" in block
    ]
    assert headlines
    assert all(h.startswith('<script>alert("headline")') for h in headlines if h)
    assert '<meta property="og:title" content="&lt;script&gt;' in page.text


def test_hostile_slugs_are_refused_by_the_admin(editor_client):
    response = editor_client.post(
        reverse("admin:articles_section_add"),
        {"name": "Europe", "slug": '"><script>x</script>', "position": "0"},
    )

    assert response.status_code == 200
    assert "Enter a valid “slug”" in response.text
    assert not Section.objects.exists()


def test_body_is_sanitised_when_saved_from_code(hostile_story):
    body = Article.objects.get(pk=hostile_story.pk).body

    assert "<script" not in body
    assert "onerror" not in body
    assert "javascript:" not in body


def test_direction_overrides_are_removed_from_plain_text(
    make_image, make_section, make_author
):
    rlo = DIRECTION_OVERRIDE
    section = make_section(name=f"Europe{rlo}", description=f"About{rlo}")
    author = make_author(name=f"Tom{rlo}", bio=f"Bio{rlo}")
    image = make_image(
        alt_text=f"Ships{rlo}", caption=f"Caption{rlo}", credit=f"Credit{rlo}"
    )
    story = Article.objects.create(
        headline=f"Exercise{rlo}gnp.exe", slug="rlo", dek=f"Dek{rlo}", section=section
    )

    stored = [
        *Article.objects.filter(pk=story.pk).values_list("headline", "dek").get(),
        *Section.objects.filter(pk=section.pk).values_list("name", "description").get(),
        *Author.objects.filter(pk=author.pk).values_list("name", "bio").get(),
        *Image.objects.filter(pk=image.pk)
        .values_list("alt_text", "caption", "credit")
        .get(),
    ]
    assert stored[0] == "Exercisegnp.exe"
    assert not any(rlo in value for value in stored)


def test_inertness_checker_catches_live_markup():
    checker = InertnessChecker()
    checker.feed(
        '<p onclick="x">a</p><script>alert(1)</script><a href=" JavaScript:alert(1)">b</a>'
    )

    assert len(checker.problems) == 3
