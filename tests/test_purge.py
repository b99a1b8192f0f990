"""Purges after a change: written down first, sent to a real Varnish, retried."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import reader_cache
from articles.models import PurgeRequest
from tests.varnish import (
    PURGE_TOKEN,
    fetch,
    free_port,
)


def purging_to(settings, port, token=PURGE_TOKEN):
    settings.NEWSROOM_PURGE_BACKENDS = [
        {
            "BACKEND": "articles.purge_backends.VarnishPurge",
            "OPTIONS": {"url": f"http://127.0.0.1:{port}", "token": token},
        }
    ]


def cache_state(port, *paths):
    return {path: fetch(port, path)[0].getheader("X-Cache") for path in paths}


@pytest.mark.django_db
def test_a_purge_is_recorded_sent_and_removes_exactly_its_pages(settings, varnish):
    purging_to(settings, varnish)
    fetch(varnish, "/story-1/")
    fetch(varnish, "/story-2/")

    reader_cache.request_purge({"story-1"})

    row = PurgeRequest.objects.get()
    assert row.keys == "story-1"
    assert row.sent_at is not None
    assert row.attempts == 0
    assert cache_state(varnish, "/story-1/", "/story-2/") == {
        "/story-1/": "miss",
        "/story-2/": "hit",
    }


@pytest.mark.django_db
def test_an_unacknowledged_purge_waits_and_goes_out_with_the_next(settings, varnish):
    fetch(varnish, "/story-1/")
    fetch(varnish, "/story-2/")
    purging_to(settings, free_port())  # nothing listens there

    reader_cache.request_purge({"story-1"})

    first = PurgeRequest.objects.get()
    assert first.sent_at is None
    assert first.attempts == 1
    assert "127.0.0.1" in first.last_error

    purging_to(settings, varnish)
    reader_cache.request_purge({"story-2"})

    assert not PurgeRequest.objects.filter(sent_at=None).exists()
    assert cache_state(varnish, "/story-1/", "/story-2/") == {
        "/story-1/": "miss",
        "/story-2/": "miss",
    }


@pytest.mark.django_db
def test_a_purge_refused_by_the_proxy_is_kept_for_a_retry(settings, varnish):
    fetch(varnish, "/story-1/")
    purging_to(settings, varnish, token="not-the-token")

    reader_cache.request_purge({"story-1"})

    row = PurgeRequest.objects.get()
    assert row.sent_at is None
    assert "403" in row.last_error
    assert cache_state(varnish, "/story-1/") == {"/story-1/": "hit"}

    purging_to(settings, varnish)
    assert reader_cache.send_pending() is True
    assert cache_state(varnish, "/story-1/") == {"/story-1/": "miss"}


@pytest.mark.django_db
def test_a_purge_older_than_any_cached_page_is_dropped_not_sent(settings):
    purging_to(settings, free_port())
    reader_cache.request_purge({"story-1"})
    PurgeRequest.objects.update(
        created_at=timezone.now()
        - timedelta(seconds=settings.NEWSROOM_SHARED_MAX_AGE + 1)
    )

    assert reader_cache.send_pending() is True

    row = PurgeRequest.objects.get()
    assert row.sent_at is not None
    assert row.last_error.startswith("Dropped")


@pytest.mark.django_db
def test_without_a_proxy_nothing_is_recorded(settings):
    settings.NEWSROOM_PURGE_BACKENDS = []
    reader_cache.request_purge({"story-1", "home"})
    assert not PurgeRequest.objects.exists()


@pytest.mark.django_db
def test_many_keys_go_out_in_requests_varnish_accepts(settings, varnish, origin):
    purging_to(settings, varnish)
    paths = [f"/story-{number}/" for number in range(250)]
    for path in paths[:3] + paths[-3:]:
        fetch(varnish, path)

    reader_cache.request_purge({path.strip("/") for path in paths})

    assert set(cache_state(varnish, *paths[:3], *paths[-3:]).values()) == {"miss"}
