"""Pictures from the library, pull quotes and embeds inside a story body."""

import feedparser
import pytest
from django.core.exceptions import ValidationError
from reversion.models import Version

from articles import publishing, story_blocks
from articles.models import Article

YOUTUBE = "https://www.youtube.com/watch?v=9bZkp7q19f0"


def body_with(picture, *, embed=YOUTUBE):
    return (
        "<p>First paragraph.</p>"
        f'<figure class="story-picture" data-image="{picture.pk}"></figure>'
        '<aside class="pull-quote"><p>Everyone is queuing.</p></aside>'
        f'<figure class="embed" data-url="{embed}"></figure>'
        "<p>Last paragraph.</p>"
    )


@pytest.fixture
def feature(
    make_article,
    make_image,
    make_section,
    make_author,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(
        execute=True
    ):  # renditions, as in the admin
        picture = make_image(
            alt_text="A factory hall at dusk",
            caption="Seekers set the pace.",
            credit="Newsroom illustration",
        )
    picture.refresh_from_db()
    article = make_article(
        slug="feature",
        headline="The Patriot arithmetic",
        section=make_section(),
        authors=[make_author()],
    )
    article.body = body_with(picture)
    article.full_clean()
    article.save()
    return article, picture


@pytest.mark.parametrize(
    ("url", "provider", "embed_id"),
    [
        (YOUTUBE, "youtube", "9bZkp7q19f0"),
        ("https://youtu.be/9bZkp7q19f0", "youtube", "9bZkp7q19f0"),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
        (
            "https://x.com/NATO/status/1780000000000000000",
            "x",
            "NATO/1780000000000000000",
        ),
        (
            "https://bsky.app/profile/nato.int/post/3kq2abcdefghi",
            "bluesky",
            "nato.int/3kq2abcdefghi",
        ),
        ("https://www.instagram.com/p/C5abcDEFghi/", "instagram", "C5abcDEFghi"),
        (
            "https://www.tiktok.com/@nato/video/7350000000000000000",
            "tiktok",
            "nato/7350000000000000000",
        ),
        (
            "https://mastodon.social/@nato/112000000000000000",
            "mastodon",
            "mastodon.social/nato/112000000000000000",
        ),
    ],
)
def test_each_provider_is_stored_as_provider_and_id(url, provider, embed_id):
    assert story_blocks.parse_embed(url) == (provider, embed_id)
    stored = story_blocks.clean(f'<figure class="embed" data-url="{url}"></figure>')
    assert f'data-provider="{provider}"' in stored
    assert "data-url" not in stored


def test_the_sanitiser_keeps_the_blocks_and_nothing_else(make_article, make_image):
    picture = make_image()
    story = make_article(
        body=(
            f'<figure class="story-picture" data-image="{picture.pk}" onclick="x()">'
            '<img src="https://tracker.example/p.gif"></figure>'
            '<aside class="pull-quote" style="color:red"><p>Quote</p></aside>'
            '<figure class="gallery" data-image="1"></figure>'
            '<iframe src="https://evil.example/"></iframe><script>alert(1)</script>'
            '<figure class="story-picture" data-image="1 OR 1=1"></figure>'
        )
    )

    assert story.body == (
        f'<figure class="story-picture" data-image="{picture.pk}"></figure>'
        '<aside class="pull-quote"><p>Quote</p></aside>'
    )


def test_an_embed_the_site_cannot_show_is_a_clear_form_error(
    editor_client, make_article, make_section, make_author
):
    from django.urls import reverse

    from tests.admin_forms import change_form_data

    story = make_article(section=make_section(), authors=[make_author()])
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        change_form_data(
            story,
            body='<p>Text</p><figure class="embed" data-url="https://evil.example/v"></figure>',
        ),
    )

    assert response.status_code == 200
    assert "is not one the site can show" in response.text
    assert "YouTube, Vimeo, X (Twitter), Bluesky, Instagram, TikTok, Mastodon" in (
        response.text
    )
    story.refresh_from_db()
    assert "evil.example" not in story.body
    with pytest.raises(ValidationError):
        story_blocks.clean(
            '<figure class="embed" data-url="javascript:alert(1)"></figure>'
        )


def test_the_story_page_draws_the_picture_the_quote_and_a_placeholder(client, feature):
    article, picture = feature

    response = client.get(article.get_absolute_url())

    html = response.text
    body = html[html.index('<div class="story__body">') : html.index("</article>")]
    assert 'alt="A factory hall at dusk"' in body
    assert "Seekers set the pace." in body
    assert "Picture source: Newsroom illustration" in body
    assert 'loading="lazy"' in body
    assert "srcset=" in body
    assert '<aside class="pull-quote"><p>Everyone is queuing.</p></aside>' in body
    assert 'href="https://www.youtube.com/watch?v=9bZkp7q19f0"' in body
    assert "<iframe" not in body
    # The player's address is only data for the script; nothing loads from it.
    assert 'src="https://www.youtube' not in body
    assert "js/embeds.js" in html
    policy = response["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com" in policy
    assert "script-src 'self'" in policy


def test_pages_without_embeds_keep_the_policy_that_frames_nothing(client, make_article):
    story = make_article(body="<p>Plain story.</p>")

    for url in ("/", story.get_absolute_url()):
        response = client.get(url)
        assert "frame-src" not in response["Content-Security-Policy"], url
        assert "js/embeds.js" not in response.text, url


def test_the_picture_uses_its_renditions_with_srcset(client, feature, settings):
    article, picture = feature
    picture.refresh_from_db()
    assert picture.ready, "renditions are made when the picture is uploaded"

    body = client.get(article.get_absolute_url()).text

    assert picture.srcset(None, "webp").split(",")[0].split()[0] in body
    assert 'sizes="(min-width: 46rem) 44rem, 100vw"' in body


def test_feeds_carry_pictures_as_absolute_img_and_embeds_as_links(client, feature):
    article, picture = feature

    for url in ("/feed/", "/feed/atom/"):
        parsed = feedparser.parse(client.get(url).content)
        (entry,) = parsed.entries
        content = entry.content[0].value
        assert 'src="http://testserver/media/' in content, url
        assert 'alt="A factory hall at dusk"' in content, url
        assert 'href="https://www.youtube.com/watch?v=9bZkp7q19f0"' in content, url
        assert "<iframe" not in content, url


def test_json_ld_lists_the_inline_pictures(client, feature):
    import json
    import re

    article, picture = feature
    html = client.get(article.get_absolute_url()).text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    news = next(
        data for data in map(json.loads, blocks) if data["@type"] == "NewsArticle"
    )

    stem = picture.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    assert any(stem in url for url in news["image"])


def test_a_revision_restore_brings_the_blocks_back(feature, editor):
    article, picture = feature
    publishing.save_story(article, by=editor)  # the revision with the blocks
    with_blocks = Version.objects.get_for_object(article).first()
    article.refresh_from_db()
    article.body = "<p>Someone cut the feature down to one line.</p>"
    publishing.save_story(article, by=editor)

    article.refresh_from_db()
    publishing.restore_revision(
        article, with_blocks, by=editor, expected_version=article.version
    )

    article.refresh_from_db()
    assert f'data-image="{picture.pk}"' in article.body
    assert '<aside class="pull-quote">' in article.body
    assert 'data-provider="youtube"' in article.body
    assert Article.objects.get(pk=article.pk).body == article.body
