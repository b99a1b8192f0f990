"""The site behind a real Varnish: readers are served from memory, and a change
purges exactly the pages that show it once it commits."""

import pytest
from django.urls import reverse

from articles import publishing
from articles.models import Article
from tests.varnish import get_page


@pytest.fixture
def newsroom(make_article, make_section, make_author, editor):
    europe = make_section(name="Europe", slug="europe")
    asia = make_section(name="Asia", slug="asia")
    author = make_author(name="Aylin Demir", slug="aylin-demir")
    lead = make_article(
        headline="Ministers agree on air defence", section=europe, authors=[author]
    )
    elsewhere = make_article(
        headline="Typhoon season begins", section=asia, authors=[author]
    )
    draft = make_article(
        headline="Border crossing reopens",
        status=Article.Status.DRAFT,
        section=europe,
        authors=[author],
    )
    return {"lead": lead, "elsewhere": elsewhere, "draft": draft, "editor": editor}


def test_a_second_reader_is_served_by_varnish(site_varnish, newsroom):
    story = newsroom["lead"].get_absolute_url()
    assert get_page(site_varnish, story)[:2] == (200, "miss")
    status, cache, body = get_page(site_varnish, story)
    assert (status, cache) == (200, "hit")
    assert "Ministers agree on air defence" in body


def test_publishing_purges_the_pages_it_changes_and_no_others(site_varnish, newsroom):
    home = reverse("articles:home")
    europe = reverse("articles:section", args=["europe"])
    asia = reverse("articles:section", args=["asia"])
    typhoon = newsroom["elsewhere"].get_absolute_url()
    for path in (home, europe, asia, typhoon):
        get_page(site_varnish, path)
        assert get_page(site_varnish, path)[1] == "hit", path

    publishing.publish(newsroom["draft"], by=newsroom["editor"])

    for path in (home, europe):
        status, cache, body = get_page(site_varnish, path)
        assert cache == "miss", path
        assert "Border crossing reopens" in body, path
    assert get_page(site_varnish, asia)[1] == "hit"
    assert get_page(site_varnish, typhoon)[1] == "hit"


def test_unpublishing_takes_the_story_off_every_page_that_showed_it(
    site_varnish, newsroom
):
    story = newsroom["lead"].get_absolute_url()
    home = reverse("articles:home")
    author = reverse("articles:author", args=["aylin-demir"])
    for path in (story, home, author):
        get_page(site_varnish, path)

    publishing.unpublish(newsroom["lead"], by=newsroom["editor"])

    assert get_page(site_varnish, story)[0] == 404
    for path in (home, author):
        assert (
            "Ministers agree on air defence" not in get_page(site_varnish, path)[2]
        ), path


def test_renaming_a_section_renews_every_page_its_navigation_is_on(
    site_varnish, newsroom
):
    pages = [
        reverse("articles:home"),
        newsroom["elsewhere"].get_absolute_url(),
        reverse("articles:section", args=["asia"]),
    ]
    for path in pages:
        get_page(site_varnish, path)
        assert get_page(site_varnish, path)[1] == "hit", path
    europe = newsroom["lead"].section
    europe.name = "Europe and Eurasia"
    europe.save()

    for path in pages:
        status, cache, body = get_page(site_varnish, path)
        assert (status, cache) == (200, "miss"), path
        assert "Europe and Eurasia" in body, path


def test_renaming_an_author_renews_every_page_naming_them_and_no_other(
    site_varnish, newsroom, make_article
):
    unsigned = make_article(headline="Unsigned agency copy").get_absolute_url()
    story = newsroom["lead"].get_absolute_url()
    author_page = reverse("articles:author", args=["aylin-demir"])
    # Cards name their authors too.
    home = reverse("articles:home")
    for path in (story, author_page, home, unsigned):
        get_page(site_varnish, path)
        assert get_page(site_varnish, path)[1] == "hit", path
    author = newsroom["lead"].authors.get()
    author.name = "Aylin Demir-Kaya"
    author.save()

    for path in (story, author_page, home):
        status, cache, body = get_page(site_varnish, path)
        assert (status, cache) == (200, "miss"), path
        assert "Aylin Demir-Kaya" in body, path
    assert get_page(site_varnish, unsigned)[1] == "hit"
