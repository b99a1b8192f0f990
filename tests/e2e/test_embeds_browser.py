"""In Chromium, under the site's policy: an embed asks nothing of its provider until
the reader clicks, and then only the provider's player frame, which the story page's
policy lets in."""

from urllib.parse import urlsplit

import pytest

from articles.models import Article

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def test_no_third_party_request_before_the_click(live_server, page, make_article):
    story = make_article(
        slug="with-video",
        body='<p>Watch this.</p><figure class="embed" '
        'data-url="https://www.youtube.com/watch?v=9bZkp7q19f0"></figure>',
    )
    assert 'data-provider="youtube"' in Article.objects.get(pk=story.pk).body
    ours = urlsplit(live_server.url).netloc
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if urlsplit(request.url).netloc != ours
            else None
        ),
    )
    page.add_init_script(WATCH_VIOLATIONS)

    page.goto(live_server.url + story.get_absolute_url(), wait_until="networkidle")

    assert elsewhere == []  # the placeholder, its text and link are all ours
    button = page.get_by_role("button", name="Load the video from YouTube")
    assert button.is_visible()
    assert page.get_by_role("link", name="Open on YouTube").count() == 1

    button.click()
    page.wait_for_selector("iframe.embed__frame")
    page.wait_for_timeout(500)

    # After the click, exactly the player frame is asked for (this machine has no
    # internet, so it fails to load; what counts is the attempt and the policy).
    assert elsewhere
    assert all(
        url.startswith("https://www.youtube-nocookie.com/embed/9bZkp7q19f0")
        for url in elsewhere
    ), elsewhere
    assert page.evaluate("window.__cspViolations") == []
