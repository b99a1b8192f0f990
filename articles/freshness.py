"""Conditional GET for reader pages, answered before the page is rendered.

A page's ETag is derived from what can change it, all read in one query by index:

- the reader generation, moved in the same transaction as every save or delete of a
  row a reader page shows (stories, bylines, tags, notes, sections, authors, pictures
  and their renditions, redirects);
- the newest publish time that has passed (a scheduled story appears with no write),
  the newest breaking expiry that has passed (a banner ends with no write), the
  newest "unpublish at" that has passed (a story leaves with no write) and the
  newest front-page pin end that has passed (the slot goes back to latest);
- the release: templates, template tags and the site's settings, so a deploy never
  answers 304 with a page the new code renders differently;
- the address asked for (path, query string, host and scheme).

An unchanged page costs that query and a 304; a changed one never matches.
The receivers below stand in for the publishing module's subscribers: when it
lands, its after-change hook should call ``bump()`` and they can go.
"""

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F, Subquery
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from taggit.models import Tag

from newsroom import page_cache

from .compiled_queries import CompiledQuery
from .models import (
    Article,
    Author,
    Byline,
    FrontPageSection,
    FrontPageSlot,
    Image,
    Note,
    ReaderGeneration,
    Rendition,
    Section,
    SlugRedirect,
    TaggedArticle,
    TagRedirect,
)

WATCHED = [
    Article,
    Author,
    Byline,
    FrontPageSection,
    FrontPageSlot,
    Image,
    Note,
    Rendition,
    Section,
    SlugRedirect,
    Tag,
    TaggedArticle,
    TagRedirect,
]


def bump(**kwargs) -> None:
    """Move the generation; pages that showed anything before now have a new ETag,
    and once the change commits Django's page cache starts afresh too (a change
    the publishing module does not make, a section renamed, is seen at once there)."""
    if not ReaderGeneration.objects.filter(pk=1).update(value=F("value") + 1):
        ReaderGeneration.objects.get_or_create(pk=1, defaults={"value": 1})
    transaction.on_commit(page_cache.bump_generation)


def connect() -> None:
    for model in WATCHED:
        uid = f"reader_generation_{model._meta.label_lower}"
        post_save.connect(bump, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(bump, sender=model, dispatch_uid=f"{uid}_delete")


@cache
def release() -> str:
    """What the code renders with: every template's bytes, the template tags' code
    and the site settings."""
    digest = hashlib.sha256()
    folders = [
        Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]
    ]
    folders.append(Path(__file__).parent / "templates")
    for folder in folders:
        for path in sorted(folder.rglob("*.html")):
            digest.update(path.read_bytes())
    # The cards and pictures are drawn by template tags in Python.
    for path in sorted((Path(__file__).parent / "templatetags").glob("*.py")):
        digest.update(path.read_bytes())
    newsroom = sorted(
        (name, repr(getattr(settings, name)))
        for name in dir(settings)
        if name.startswith("NEWSROOM_")
    )
    digest.update(repr((newsroom, settings.STATIC_URL, settings.MEDIA_URL)).encode())
    return digest.hexdigest()[:16]


def freshness_query(now):
    """One row, by index: the generation and the instants around ``now`` that decide
    what readers see (the newest that passed, the next to come)."""
    newest_published = Article.objects.published(now).order_by("-publish_at")
    newest_expired = Article.objects.filter(
        is_breaking=True, breaking_until__lte=now
    ).order_by("-breaking_until")
    # The next change readers will see rides along in the same query, for the page
    # cache's lifetime (newsroom/page_cache.py): same answer as next_change_at().
    next_appearing = Article.objects.scheduled(now).order_by("publish_at")
    next_banner_end = Article.objects.breaking(now).order_by("breaking_until")
    newest_ended = Article.objects.in_state("ended", now).order_by("-unpublish_at")
    next_end = Article.objects.published(now).filter(unpublish_at__gt=now)
    next_end = next_end.order_by("unpublish_at")
    pins = FrontPageSlot.objects.exclude(article=None)
    newest_pin_end = pins.filter(pinned_until__lte=now).order_by("-pinned_until")
    next_pin_end = pins.filter(pinned_until__gt=now).order_by("pinned_until")
    return (
        ReaderGeneration.objects.filter(pk=1)
        .annotate(
            published=Subquery(newest_published.values("publish_at")[:1]),
            expired=Subquery(newest_expired.values("breaking_until")[:1]),
            appearing=Subquery(next_appearing.values("publish_at")[:1]),
            banner_ends=Subquery(next_banner_end.values("breaking_until")[:1]),
            ended=Subquery(newest_ended.values("unpublish_at")[:1]),
            pin_ended=Subquery(newest_pin_end.values("pinned_until")[:1]),
            ends=Subquery(next_end.values("unpublish_at")[:1]),
            pin_ends=Subquery(next_pin_end.values("pinned_until")[:1]),
        )
        .values_list(
            "value",
            "published",
            "expired",
            "ended",
            "pin_ended",
            "appearing",
            "ends",
            "banner_ends",
            "pin_ends",
        )
    )


# Compiled once: building it took four times as long as running it, on every
# reader request and every 304.
freshness_row = CompiledQuery(ReaderGeneration, freshness_query)


def reader_etag(request, *args, **kwargs) -> str | None:
    rows = freshness_row.rows(now=timezone.now())
    if not rows:
        return None  # no generation yet: render, and let the middleware hash it
    *state, appearing, ends, banner_ends, pin_ends = rows[0]
    request.reader_next_change = min(
        (moment for moment in (appearing, ends, banner_ends, pin_ends) if moment),
        default=None,
    )
    state = tuple(state)
    key = repr(
        (release(), state, request.scheme, request.get_host(), request.get_full_path())
    )
    return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'
