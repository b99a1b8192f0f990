"""Sitemaps validate against the sitemaps.org schema; the news sitemap follows Google's."""

from datetime import datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from articles.models import Article
from articles.sitemaps import NEWS_MAX_URLS, news_language

HERE = Path(__file__).parent
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"s": SITEMAP_NS, "news": NEWS_NS}
SECTIONS = ["pages", "stories", "news", "sections", "tags", "authors"]


def _schema(*imports):
    wrapper = etree.fromstring(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        + "".join(
            f'<xsd:import namespace="{ns}" schemaLocation="{name}"/>'
            for ns, name in imports
        )
        + "</xsd:schema>",
        base_url=str(HERE / "wrapper.xsd"),
    )
    return etree.XMLSchema(wrapper)


# The sitemaps.org schema (tests/sitemap.xsd); the news sitemap also needs the news
# extension, which tests/sitemap-news.xsd describes from Google's documentation.
SITEMAP_SCHEMA = _schema((SITEMAP_NS, "sitemap.xsd"))
NEWS_SCHEMA = _schema((SITEMAP_NS, "sitemap.xsd"), (NEWS_NS, "sitemap-news.xsd"))


def fetch(client, url, schema=None):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    if schema is not None:
        schema.assertValid(document)
    return document


def section_url(section):
    return reverse("sitemap_section", args=[section])


def locations(document):
    return [loc.text for loc in document.iterfind("s:url/s:loc", NS)]


def lastmods(document):
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in document.iterfind("s:url", NS)
    }


def absolute(path):
    return f"http://testserver{path}"


@pytest.fixture
def newsroom(make_article, make_section, make_author):
    europe = make_section(name="Europe", slug="europe")
    make_section(name="Empty", slug="empty")
    reporter = make_author(name="Tom Okafor", slug="tom-okafor")
    make_author(name="Idle Writer", slug="idle-writer")
    fresh = make_article(
        headline="Jets scramble over the Baltic",
        slug="jets-scramble",
        section=europe,
        authors=[reporter],
        tags=["NATO"],
        publish_at=timezone.now() - timedelta(hours=3),
    )
    old = make_article(
        headline="Budget passed last week",
        slug="budget-passed",
        section=europe,
        authors=[reporter],
        tags=["Budget"],
        publish_at=timezone.now() - timedelta(days=6),
    )
    return {"fresh": fresh, "old": old}


def test_index_lists_every_sitemap_with_absolute_urls(client, newsroom):
    document = fetch(client, reverse("sitemap_index"))

    assert document.tag == f"{{{SITEMAP_NS}}}sitemapindex"
    listed = [loc.text for loc in document.iterfind("s:sitemap/s:loc", NS)]
    assert listed == [absolute(section_url(section)) for section in SECTIONS]
    for entry in document.iterfind("s:sitemap", NS):
        assert datetime.fromisoformat(entry.findtext("s:lastmod", namespaces=NS))


@pytest.mark.parametrize("section", ["pages", "stories", "sections", "tags", "authors"])
def test_sitemaps_validate_against_the_sitemaps_org_schema(client, newsroom, section):
    document = fetch(client, section_url(section), SITEMAP_SCHEMA)

    assert locations(document)
    for location in locations(document):
        assert location.startswith("http://testserver/")
        assert client.get(location.removeprefix("http://testserver")).status_code == 200


def test_story_lastmod_is_the_updated_time(client, newsroom):
    fresh = newsroom["fresh"]
    fresh.updated_at = fresh.publish_at + timedelta(minutes=45, microseconds=123)
    fresh.save()

    dates = lastmods(fetch(client, section_url("stories"), SITEMAP_SCHEMA))

    assert datetime.fromisoformat(
        dates[absolute(fresh.get_absolute_url())]
    ) == fresh.updated_at.replace(microsecond=0)
    old = newsroom["old"]
    assert datetime.fromisoformat(
        dates[absolute(old.get_absolute_url())]
    ) == old.publish_at.replace(microsecond=0)


def test_listing_sitemaps_hold_what_has_published_stories(client, newsroom):
    sections = locations(fetch(client, section_url("sections")))
    tags = locations(fetch(client, section_url("tags")))
    authors = locations(fetch(client, section_url("authors")))

    assert sections == [absolute("/section/empty/"), absolute("/section/europe/")]
    assert tags == [absolute("/tag/budget/"), absolute("/tag/nato/")]
    assert authors == [absolute("/author/tom-okafor/")]
    europe = lastmods(fetch(client, section_url("sections")))
    assert datetime.fromisoformat(europe[absolute("/section/europe/")]) == newsroom[
        "fresh"
    ].publish_at.replace(microsecond=0)


def test_news_sitemap_follows_googles_format(client, newsroom, settings):
    settings.NEWSROOM_SITE_NAME = "The Baltic Ledger"
    fresh = newsroom["fresh"]

    document = fetch(client, section_url("news"), NEWS_SCHEMA)

    (url,) = document.iterfind("s:url", NS)
    assert url.findtext("s:loc", namespaces=NS) == absolute(fresh.get_absolute_url())
    news = url.find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == (
        "The Baltic Ledger"
    )
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert datetime.fromisoformat(
        news.findtext("news:publication_date", namespaces=NS)
    ) == fresh.first_published_at.replace(microsecond=0)
    assert news.findtext("news:title", namespaces=NS) == fresh.headline


def test_news_sitemap_holds_the_last_48_hours_only(client, make_article):
    now = timezone.now()
    make_article(headline="Inside the window", publish_at=now - timedelta(hours=47))
    make_article(headline="Just outside", publish_at=now - timedelta(hours=49))

    document = fetch(client, section_url("news"), NEWS_SCHEMA)
    titles = [title.text for title in document.iterfind(".//news:title", NS)]
    assert titles == ["Inside the window"]

    with time_machine.travel(now + timedelta(hours=2), tick=False):
        # The schema wants at least one <url>; with no news the sitemap is an empty
        # <urlset>, which crawlers read as "nothing new".
        assert fetch(client, section_url("news")).find("s:url", NS) is None


def test_news_sitemap_dates_a_story_by_its_first_publication(client, make_article):
    story = make_article(
        headline="First published long ago",
        publish_at=timezone.now() - timedelta(days=5),
    )
    # Republished with a new time: still not news.
    story.publish_at = timezone.now() - timedelta(minutes=5)
    story.save()

    assert fetch(client, section_url("news")).find("s:url", NS) is None


def test_news_sitemap_carries_at_most_1000_urls(client, db):
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline=f"Live update {n}",
            slug=f"live-update-{n}",
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(seconds=n + 1),
            first_published_at=now - timedelta(seconds=n + 1),
        )
        for n in range(NEWS_MAX_URLS + 5)
    )

    first = fetch(client, section_url("news"), NEWS_SCHEMA)
    assert len(first.findall("s:url", NS)) == NEWS_MAX_URLS
    assert first.findtext(".//news:title", namespaces=NS) == "Live update 0"
    rest = fetch(client, section_url("news") + "?p=2", NEWS_SCHEMA)
    assert len(rest.findall("s:url", NS)) == 5
    index = fetch(client, reverse("sitemap_index"))
    listed = [loc.text for loc in index.iterfind("s:sitemap/s:loc", NS)]
    assert absolute(section_url("news") + "?p=2") in listed


def test_headline_with_markup_stays_text_in_the_news_sitemap(client, make_article):
    headline = 'Ships & "drones" </news:title><script>alert(1)</script>'
    make_article(headline=headline)

    document = fetch(client, section_url("news"), NEWS_SCHEMA)

    assert document.findtext(".//news:title", namespaces=NS) == headline


HIDDEN = {
    "draft": {"status": Article.Status.DRAFT},
    "review": {"status": Article.Status.REVIEW},
    "scheduled": {"publish_at": timedelta(hours=1)},
}


@pytest.mark.parametrize("state", HIDDEN)
def test_no_sitemap_reveals_an_unpublished_story(
    client, newsroom, make_article, make_author, state
):
    fields = dict(HIDDEN[state])
    if "publish_at" in fields:
        fields["publish_at"] = timezone.now() + fields["publish_at"]
    ghost = make_author(name="Ghost Writer", slug="ghost-writer")
    secret = make_article(
        headline="Secret embargoed headline",
        slug="secret-story",
        section=newsroom["fresh"].section,
        authors=[ghost],
        tags=["Operation Nightjar"],
        **fields,
    )
    before = {section: fetch(client, section_url(section)) for section in SECTIONS}

    for section, document in before.items():
        text = etree.tostring(document, encoding="unicode")
        assert "secret-story" not in text, section
        assert "Secret embargoed" not in text, section
        assert "operation-nightjar" not in text, section
        assert "ghost-writer" not in text, section
    europe = lastmods(before["sections"])[absolute("/section/europe/")]
    assert datetime.fromisoformat(europe) < secret.created_at


def test_scheduled_story_enters_the_sitemaps_at_its_publish_time(client, make_article):
    publish_at = timezone.now() + timedelta(hours=1)
    make_article(headline="Embargo lifts", slug="embargo-lifts", publish_at=publish_at)
    url = absolute("/story/embargo-lifts/")

    with time_machine.travel(publish_at - timedelta(seconds=1), tick=False):
        assert url not in locations(fetch(client, section_url("stories")))
        assert url not in locations(fetch(client, section_url("news")))
    with time_machine.travel(publish_at + timedelta(seconds=1), tick=False):
        assert url in locations(fetch(client, section_url("stories")))
        assert url in locations(fetch(client, section_url("news")))


def test_unknown_sitemap_answers_404(client, db):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get(section_url("stories") + "?p=9").status_code == 404


def test_sitemaps_run_a_fixed_number_of_queries(
    client, make_article, make_author, make_section
):
    sections = [make_section() for _ in range(3)]
    authors = [make_author(name=f"Writer {n}") for n in range(4)]

    def add(start, stop):
        for n in range(start, stop):
            make_article(
                headline=f"Story {n}",
                section=sections[n % 3],
                authors=authors[: 1 + n % 4],
                tags=[f"topic-{n}", "NATO"],
                publish_at=timezone.now() - timedelta(hours=n + 1),
            )

    urls = [reverse("sitemap_index"), *(section_url(section) for section in SECTIONS)]

    def queries():
        counts = {}
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            counts[url] = len(captured)
        return counts

    add(0, 3)
    few = queries()
    add(3, 40)
    assert queries() == few
    # 12 for the index of six sitemaps, and two indexed LIMIT 1 reads of the next
    # scheduled change, which bounds how long shared caches may keep the answer.
    assert max(few.values()) <= 14, few


def test_robots_txt_names_both_sitemaps(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap-news.xml" in lines
    assert client.head("/robots.txt").status_code == 200
    assert client.post("/robots.txt").status_code == 405


@pytest.mark.parametrize(
    ("language_code", "expected"),
    [
        ("en", "en"),
        ("en-gb", "en"),
        ("de", "de"),
        ("zh-hans", "zh-cn"),
        ("zh-tw", "zh-tw"),
    ],
)
def test_news_language_is_what_google_news_accepts(language_code, expected):
    assert news_language(language_code) == expected
