from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article


def test_published_queryset_is_the_visibility_rule(make_article):
    visible = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(status=Article.Status.REVIEW)
    make_article(publish_at=timezone.now() + timedelta(seconds=30))

    assert list(Article.objects.published()) == [visible]


def test_database_refuses_a_published_row_without_publish_at(make_article):
    with pytest.raises(IntegrityError):
        make_article(status=Article.Status.PUBLISHED, publish_at=None)


def test_database_refuses_breaking_without_expiry(make_article):
    with pytest.raises(IntegrityError):
        make_article(is_breaking=True, breaking_until=None)


def test_first_published_at_is_kept_across_republishing(make_article):
    article = make_article()
    first = article.first_published_at
    article.status = Article.Status.DRAFT
    article.save()
    article.status = Article.Status.PUBLISHED
    article.publish_at = timezone.now()
    article.save()

    assert first is not None
    assert article.first_published_at == first


def test_display_status_calls_a_future_publication_scheduled(make_article):
    assert (
        make_article(publish_at=timezone.now() + timedelta(days=1)).display_status
        == "Scheduled"
    )
    assert make_article().display_status == "Published"
    assert make_article(status=Article.Status.REVIEW).display_status == "In review"


@pytest.mark.parametrize(
    ("hostile", "forbidden"),
    [
        ("<p>Hi</p><script>alert(1)</script>", "<script"),
        ('<p onclick="alert(1)">Hi</p>', "onclick"),
        ('<p><a href="javascript:alert(1)">x</a></p>', "javascript:"),
        ('<iframe src="https://evil.example/"></iframe><p>x</p>', "<iframe"),
        ('<p><img src=x onerror="alert(1)"></p>', "onerror"),
        ('<h1 style="color:red">Big</h1>', "<h1"),
        ('<p><a href="data:text/html,hi">x</a></p>', "data:"),
    ],
)
def test_body_is_sanitised_on_every_save_not_only_in_the_admin(
    make_article, hostile, forbidden
):
    article = make_article(body=hostile)
    article.refresh_from_db()

    assert forbidden not in article.body


def test_sanitiser_keeps_the_allowed_formatting(make_article):
    body = (
        "<h2>Sub</h2><h3>Minor</h3><p><strong>b</strong> <em>i</em> "
        '<a href="https://www.nato.int/">NATO</a> <a href="mailto:desk@example.org">desk</a></p>'
        "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote>"
    )
    article = make_article(body=body)
    article.refresh_from_db()

    for kept in [
        "<h2>",
        "<h3>",
        "<strong>",
        "<em>",
        'href="https://www.nato.int/"',
        "mailto:",
        "<ul>",
        "<ol>",
        "<blockquote>",
    ]:
        assert kept in article.body
