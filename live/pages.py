"""The live part of a story page: entries newest first, paged, with the pinned entry
and the key events on top, and the LiveBlogPosting structured data."""

from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse

from articles.plain_text import html_to_text
from articles.structured_data import w3c_datetime
from articles.text import plain

from . import entries
from .models import LiveCoverage

PAGE_SIZE = 20


def page_of(position: int) -> int:
    return position // PAGE_SIZE + 1


def entry_url(article, entry, *, position=None) -> str:
    """The story page showing the entry, at its anchor."""
    if position is None:
        newer = entry.coverage.entries.filter(posted_at__gt=entry.posted_at).count()
        same_time = entry.coverage.entries.filter(
            posted_at=entry.posted_at, pk__gt=entry.pk
        ).count()
        position = newer + same_time
    url = article.get_absolute_url()
    page = page_of(position)
    if page > 1:
        url += f"?page={page}"
    return f"{url}#entry-{entry.pk}"


def coverage_context(request, article) -> dict | None:
    """Everything the live block of a story page shows, in at most four queries."""
    try:
        # No query when the story's own query joined it (the story page does).
        coverage = article.live_coverage
    except LiveCoverage.DoesNotExist:
        return None
    # The sequence first: entries read after it can only be newer, and the script
    # replays from it, so a page (or a cached copy of it) never misses a change.
    sequence = coverage.sequence
    rows = list(coverage.entries.select_related("author"))
    states = [entries.snapshot(row) for row in rows]
    images = entries.images_of(states)
    shown = [
        entries.shown(row.pk, state, images)
        for row, state in zip(rows, states, strict=True)
    ]
    paginator = Paginator(shown, PAGE_SIZE, allow_empty_first_page=True)
    page = paginator.get_page(request.GET.get("page") if request else None)
    positions = {entry.id: index for index, entry in enumerate(shown)}
    story_url = article.get_absolute_url()

    def address(entry):
        number = page_of(positions[entry.id])
        if number == page.number:
            return f"#{entry.anchor}"
        query = f"?page={number}" if number > 1 else ""
        return f"{story_url}{query}#{entry.anchor}"

    key_events = [(entry, address(entry)) for entry in shown if entry.key_event]
    pinned = next((entry for entry in shown if entry.pinned), None)
    return {
        "coverage": coverage,
        "article": article,
        "page_obj": page,
        "entries": page.object_list,
        "pinned": pinned if page.number == 1 else None,
        "key_events": key_events,
        "sequence": sequence,
        "poll": settings.NEWSROOM_LIVE_POLL_SECONDS,
        "head_url": reverse("live:head", args=[article.pk]),
        "log_url": reverse("live:log_base", args=[article.pk]),
        "json_ld": structured_data(request, article, coverage, shown, positions),
        # Open pages keep up by themselves on the first page only; older pages stay.
        "coverage_is_polled": coverage.is_open and page.number == 1,
    }


def structured_data(request, article, coverage, shown, positions) -> dict:
    """schema.org LiveBlogPosting: every entry, each with its own address."""

    def absolute(path):
        return request.build_absolute_uri(path) if request else path

    story_url = article.get_absolute_url()

    def entry_address(entry):
        number = page_of(positions[entry.id])
        query = f"?page={number}" if number > 1 else ""
        return absolute(f"{story_url}{query}#{entry.anchor}")

    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": plain(article.headline),
        "url": absolute(story_url),
        "coverageStartTime": w3c_datetime(coverage.started_at),
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": entry.label,
                "articleBody": html_to_text(entry.body),
                "datePublished": w3c_datetime(entry.posted_at),
                "url": entry_address(entry),
                **(
                    {"author": {"@type": "Person", "name": entry.author}}
                    if entry.author
                    else {}
                ),
            }
            for entry in shown
        ],
    }
    if article.publish_at:
        data["datePublished"] = w3c_datetime(article.publish_at)
    if shown:
        data["dateModified"] = w3c_datetime(max(entry.posted_at for entry in shown))
    if not coverage.is_open and coverage.ended_at:
        data["coverageEndTime"] = w3c_datetime(coverage.ended_at)
    return data
