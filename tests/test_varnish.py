"""The VCL in docker/varnish, run by a real varnishd through docker/varnish/start.sh.

The origin here is a small HTTP server whose answers each test chooses, so every rule
of the VCL is checked on its own: what is stored, what passes, what a purge removes,
what a dead backend leaves readers.
"""

import gzip
import http.client
import time

import pytest

from tests.varnish import PURGE_TOKEN, fetch


def purge(port, keys, token=PURGE_TOKEN):
    return fetch(port, "/", "PURGE", {"xkey-purge": keys, "purge-token": token})[0]


def test_a_public_page_is_served_from_memory_after_the_first_reader(varnish, origin):
    first, first_body = fetch(varnish, "/story/one/")
    second, second_body = fetch(varnish, "/story/one/")
    assert first.getheader("X-Cache") == "miss"
    assert second.getheader("X-Cache") == "hit"
    assert second_body == first_body
    assert [path for path, _ in origin.seen] == ["/story/one/"]


def test_readers_cookies_do_not_split_the_cache_or_reach_the_backend(varnish, origin):
    fetch(varnish, "/tag/nato/", headers={"Cookie": "_ga=1; theme=dark"})
    response, _ = fetch(varnish, "/tag/nato/", headers={"Cookie": "other=2"})
    assert response.getheader("X-Cache") == "hit"
    assert origin.seen == [("/tag/nato/", None)]


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/private/page/", {}),
        ("/sets-cookie/", {}),
        ("/admin/articles/", {}),
        ("/preview/12/", {}),
        ("/story/one/", {"Cookie": "sessionid=staff"}),
        ("/story/one/", {"Cookie": "csrftoken=abc"}),
    ],
)
def test_personal_answers_are_never_stored(varnish, origin, path, headers):
    fetch(varnish, path, headers=headers)
    response, _ = fetch(varnish, path, headers=headers)
    assert response.getheader("X-Cache") == "miss"
    assert len(origin.seen) == 2


def test_a_signed_in_editor_reaches_the_backend_with_the_session(varnish, origin):
    fetch(varnish, "/story/one/", headers={"Cookie": "sessionid=staff"})
    assert origin.seen == [("/story/one/", "sessionid=staff")]


def test_a_purge_removes_exactly_the_pages_tagged_with_the_key(varnish, origin):
    for path in ("/story/one/", "/section/europe/", "/tag/nato/"):
        fetch(varnish, path)
    assert purge(varnish, "one europe").status == 200
    fresh = {
        path: fetch(varnish, path)[0].getheader("X-Cache")
        for path in ("/story/one/", "/section/europe/", "/tag/nato/")
    }
    assert fresh == {
        "/story/one/": "miss",
        "/section/europe/": "miss",
        "/tag/nato/": "hit",
    }


def test_tags_are_not_shown_to_readers(varnish):
    response, _ = fetch(varnish, "/story/one/")
    assert response.getheader("xkey") is None


@pytest.mark.parametrize("token", ["", "wrong-token"])
def test_a_purge_without_the_token_is_refused(varnish, origin, token):
    fetch(varnish, "/story/one/")
    assert purge(varnish, "one", token=token).status == 403
    assert fetch(varnish, "/story/one/")[0].getheader("X-Cache") == "hit"


def test_a_purge_must_name_its_keys(varnish):
    response, _ = fetch(varnish, "/", "PURGE", {"purge-token": PURGE_TOKEN})
    assert response.status == 400


def test_a_backend_error_does_not_replace_a_page(varnish, origin):
    fetch(varnish, "/broken/")
    response, _ = fetch(varnish, "/broken/")
    assert response.status == 500
    assert len(origin.seen) == 2


def test_readers_get_the_last_good_page_while_the_backend_is_down(varnish, origin):
    fetch(varnish, "/story/one/")
    fetch(varnish, "/section/europe/")
    # A purged page is kept as a fallback too (soft purge).
    purge(varnish, "europe")
    origin.healthy = False
    origin.shutdown()
    origin.server_close()
    time.sleep(7)  # three probe intervals: the backend is now sick
    story, story_body = fetch(varnish, "/story/one/")
    section, section_body = fetch(varnish, "/section/europe/")
    assert (story.status, section.status) == (200, 200)
    assert story_body.startswith("/story/one/")
    assert section_body.startswith("/section/europe/")


def test_a_page_nobody_cached_says_the_site_is_back_in_a_moment(varnish, origin):
    origin.shutdown()
    origin.server_close()
    response, body = fetch(varnish, "/never/seen/")
    assert response.status == 503
    assert "Back in a moment" in body
    assert response.getheader("Retry-After") == "10"


def test_the_backend_sees_the_reader_address_nginx_forwarded(varnish, origin):
    fetch(
        varnish,
        "/private/",
        headers={"X-Real-IP": "203.0.113.9", "X-Forwarded-For": "203.0.113.9"},
    )
    assert origin.forwarded_for == "203.0.113.9"


def test_http_and_https_are_cached_apart(varnish, origin):
    fetch(varnish, "/story/one/", headers={"X-Forwarded-Proto": "https"})
    plain, _ = fetch(varnish, "/story/one/", headers={"X-Forwarded-Proto": "http"})
    secure, _ = fetch(varnish, "/story/one/", headers={"X-Forwarded-Proto": "https"})
    assert plain.getheader("X-Cache") == "miss"
    assert secure.getheader("X-Cache") == "hit"


def test_pages_are_stored_gzipped_once_and_sent_as_each_reader_can_take_them(
    varnish, origin
):
    def raw(headers):
        connection = http.client.HTTPConnection("127.0.0.1", varnish, timeout=10)
        connection.request("GET", "/story/one/", headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response, body

    zipped, zipped_body = raw({"Accept-Encoding": "gzip, deflate, br"})
    plain, plain_body = raw({})

    assert zipped.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in zipped.getheader("Vary", "")
    assert plain.getheader("Content-Encoding") is None
    assert plain.getheader("X-Cache") == "hit"
    assert gzip.decompress(zipped_body) == plain_body == b"/story/one/ #1"
    assert len(origin.seen) == 1
