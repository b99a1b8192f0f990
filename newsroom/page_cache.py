"""Readers' pages from memory: shared-cache headers, purge tags and Django's page cache.

A reader view marks its response with the tags of what it shows (``tag_response``, or
the ``for_readers`` decorator for views that show no particular object). For an
anonymous GET or HEAD, ``ReaderCacheMiddleware`` then

- makes the response public for shared caches (``s-maxage``) until the next change
  readers will see (``Article.objects.next_change_at()``: a scheduled story appearing,
  a breaking banner ending) and never longer, with a short browser ``max-age``,
  because browsers cannot be purged;
- names the tags for Varnish (``xkey``) and for CDNs (``Surrogate-Key``, ``Cache-Tag``),
  so that a purge after a change removes exactly the pages that show what changed;
- keeps a copy in Django's cache (Redis in production, local memory for ``make run``)
  under the current content generation, which ``bump_generation()`` moves after every
  committed change readers can see: the next request renders afresh.

Requests that carry a session (staff) and responses no view marked are private and
never stored. A cache that does not answer costs a request only the render: the error
is logged and the cache is left alone for a few seconds, so an outage of Redis never
becomes an error page or a two-second wait per request.
"""

import hashlib
import logging
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

TAGS_ATTRIBUTE = "reader_cache_tags"
# On every shared page: what every page shows (the sections in the navigation, the
# masthead) changes rarely, and then every page goes at once.
EVERY_PAGE = "site"
LIFETIME_ATTRIBUTE = "reader_cache_lifetime"
GENERATION_KEY = "newsroom:pages:generation"
PAGE_KEY_PREFIX = "newsroom:page"
# 304: the answer to a shared cache revalidating a page it holds keeps it public.
SHAREABLE_STATUSES = {200, 301, 304, 404, 410}
# After a cache error, how long requests skip the cache before trying it again.
CACHE_RETRY_SECONDS = 5.0
# A served page may still be shown this long after a failed revalidation.
STALE_IF_ERROR_SECONDS = 86400
STALE_WHILE_REVALIDATE_SECONDS = 30

_cache_unavailable_until = 0.0


def tag_response(response, *tags, lifetime=None):
    """Mark ``response`` as a reader page showing ``tags``; returns it.

    ``lifetime`` shortens the shared lifetime for pages that should turn over
    quickly whatever happens (search results).
    """
    setattr(
        response, TAGS_ATTRIBUTE, getattr(response, TAGS_ATTRIBUTE, set()) | set(tags)
    )
    if lifetime is not None:
        setattr(response, LIFETIME_ATTRIBUTE, lifetime)
    return response


def for_readers(*tags, lifetime=None):
    """Decorate a view whose responses are reader pages tagged with ``tags``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            return tag_response(
                view(request, *args, **kwargs), *tags, lifetime=lifetime
            )

        return wrapped

    return decorator


def _cache_call(operation, *args, default=None):
    """Run one cache operation; on failure log it and stay away for a while."""
    global _cache_unavailable_until
    if time.monotonic() < _cache_unavailable_until:
        return default
    try:
        return operation(*args)
    except Exception as error:  # whatever the cache client raises when Redis is gone
        _cache_unavailable_until = time.monotonic() + CACHE_RETRY_SECONDS
        logger.warning("Page cache unavailable, rendering uncached: %s", error)
        return default


def current_generation():
    generation = _cache_call(cache.get, GENERATION_KEY)
    if generation is None:
        _cache_call(cache.add, GENERATION_KEY, 1, None)
        generation = _cache_call(cache.get, GENERATION_KEY)
    return generation


def bump_generation():
    """Make every page in Django's cache stale at once; call after a change commits."""

    def incr():
        try:
            return cache.incr(GENERATION_KEY)
        except ValueError:  # nobody has read a page since the cache started
            cache.add(GENERATION_KEY, 1, None)
            return cache.incr(GENERATION_KEY)

    return _cache_call(incr)


def next_change_at(request):
    """The next change readers will see; the freshness check may have read it already."""
    if hasattr(request, "reader_next_change"):
        return request.reader_next_change
    from articles.models import Article

    return Article.objects.next_change_at()


def shared_lifetime(request, response, now):
    """Seconds a shared cache may keep ``response``: never past the next change."""
    lifetime = getattr(response, LIFETIME_ATTRIBUTE, settings.NEWSROOM_SHARED_MAX_AGE)
    next_change = next_change_at(request)
    until_change = None
    if next_change is not None:
        until_change = max(0, math.floor((next_change - now).total_seconds()))
        lifetime = min(lifetime, until_change)
    return lifetime, until_change


def public_cache_control(response, lifetime, until_change):
    # Revalidating in the background must not run past the next change either.
    room = (
        STALE_WHILE_REVALIDATE_SECONDS
        if until_change is None
        else max(0, min(STALE_WHILE_REVALIDATE_SECONDS, until_change - lifetime))
    )
    if "Cache-Control" in response:
        del response["Cache-Control"]
    patch_cache_control(
        response,
        public=True,
        max_age=min(settings.NEWSROOM_BROWSER_MAX_AGE, lifetime),
        s_maxage=lifetime,
        stale_while_revalidate=room,
        stale_if_error=STALE_IF_ERROR_SECONDS,
    )


def private(response):
    if "Cache-Control" in response:
        del response["Cache-Control"]
    patch_cache_control(response, private=True, no_store=True)
    for header in ("xkey", "Surrogate-Key", "Cache-Tag"):
        if header in response:
            del response[header]


def page_key(request, generation):
    address = request.build_absolute_uri().encode()
    return f"{PAGE_KEY_PREFIX}:{generation}:{hashlib.sha256(address).hexdigest()}"


class ReaderCacheMiddleware:
    """Public, tagged, cookie-free reader pages; everything else private.

    Sits after ConditionalGetMiddleware, so a page served from the cache still answers
    If-None-Match with a 304, and before the session middleware, so a cached page is
    served without touching the session, the user or the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        anonymous = settings.SESSION_COOKIE_NAME not in request.COOKIES
        readable = request.method in ("GET", "HEAD") and anonymous
        # GET only: a HEAD response may reach us without its body.
        use_page_cache = request.method == "GET" and anonymous
        use_page_cache = use_page_cache and settings.NEWSROOM_PAGE_CACHE
        generation = current_generation() if use_page_cache else None
        if generation is not None:
            cached = self.cached_response(request, generation)
            if cached is not None:
                return cached
        response = self.get_response(request)
        tags = getattr(response, TAGS_ATTRIBUTE, None)
        if tags is None or not readable:
            if tags is not None or not response.has_header("Cache-Control"):
                private(response)
            return response
        if not self.shareable(response):
            private(response)
            return response
        now = timezone.now()
        lifetime, until_change = shared_lifetime(request, response, now)
        public_cache_control(response, lifetime, until_change)
        tags = sorted({*tags, EVERY_PAGE})
        response["xkey"] = response["Surrogate-Key"] = " ".join(tags)
        response["Cache-Tag"] = ",".join(tags)
        storable = response.status_code != 304 and not response.streaming
        if generation is not None and lifetime > 0 and storable:
            self.store(request, response, generation, lifetime)
        return response

    def shareable(self, response):
        if response.status_code not in SHAREABLE_STATUSES:
            return False
        if response.cookies or response.has_header("Set-Cookie"):
            logger.warning("A reader page set a cookie; it was not made public")
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v}
        if vary - {"accept-encoding"}:
            logger.warning("A reader page varies on %s; it was not made public", vary)
            return False
        return True

    def store(self, request, response, generation, lifetime):
        expires = time.time() + lifetime
        headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() != "cache-control"
        ]
        entry = (expires, response.status_code, headers, response.content)
        _cache_call(cache.set, page_key(request, generation), entry, lifetime)

    def cached_response(self, request, generation):
        entry = _cache_call(cache.get, page_key(request, generation))
        if entry is None:
            return None
        expires, status, headers, content = entry
        remaining = math.floor(expires - time.time())
        if remaining <= 0:
            return None
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        # What is left of the lifetime: a shared cache downstream must not keep the
        # copy longer than this one would have.
        public_cache_control(response, remaining, remaining)
        response["X-Page-Cache"] = "hit"
        return response
