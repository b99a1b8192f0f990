"""The reader 404: search and the latest stories, never a story readers cannot see."""

from articles.models import Article


def test_the_404_page_offers_search_and_the_latest_published_stories(
    client, make_article
):
    make_article(headline="Council approves budget")
    make_article(headline="Unfinished draft", status=Article.Status.DRAFT)

    response = client.get("/no-such-story/")

    assert response.status_code == 404
    assert 'action="/search/"' in response.text
    assert "Council approves budget" in response.text
    assert "Unfinished draft" not in response.text
    assert '<meta name="robots" content="noindex">' in response.text


def test_the_footer_lists_sections_feeds_and_corrections(client, make_section):
    make_section(name="Europe", slug="europe")

    response = client.get("/")

    footer = response.text[response.text.index('<footer class="site-footer">') :]
    assert 'href="/section/europe/"' in footer
    assert 'href="/feed/"' in footer
    assert 'href="/corrections/"' in footer
