"""The answers open pages poll: public, tagged, and the same URL for every reader
at the same state, so a shared cache answers almost all of them.

- ``head``: the story's latest sequence, whether it is still open and how often to
  ask again; a few seconds' shared lifetime, purged with the story page.
- ``log``: what changed between two sequences that have both passed. It never
  changes (only a deleted entry is wiped from it, and purged by its tag), so caches
  keep it for the full shared lifetime and browsers are told it is immutable.
- ``breaking``: the breaking banner every reader page shows, for pages already open.

Nothing is served for a story readers may not see.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string

from articles import reader_cache
from articles.models import Article
from newsroom.page_cache import tag_response

from . import entries, pages
from .models import LiveCoverage, LiveEntry, LiveUpdate

# Sequences one log answer may span; a page further behind asks in steps.
LOG_SPAN = 200


def _visible_coverage(pk):
    return LiveCoverage.objects.visible().filter(pk=pk).first()


def head(request, pk):
    coverage = _visible_coverage(pk)
    if coverage is None:
        # Tagged, so the answer goes when the story is published.
        response = JsonResponse({"error": "No live coverage here."}, status=404)
        return tag_response(response, reader_cache.story_tag(pk))
    response = JsonResponse(
        {
            "sequence": coverage.sequence,
            "open": coverage.is_open,
            # The server decides the pace; an ended story tells pages to stop.
            "poll": settings.NEWSROOM_LIVE_POLL_SECONDS if coverage.is_open else None,
            "span": LOG_SPAN,
        }
    )
    lifetime = settings.NEWSROOM_LIVE_HEAD_MAX_AGE if coverage.is_open else None
    return tag_response(response, reader_cache.story_tag(pk), lifetime=lifetime)


def log(request, pk, after, upto):
    coverage = _visible_coverage(pk)
    if coverage is None:
        response = JsonResponse({"error": "No live coverage here."}, status=404)
        return tag_response(response, reader_cache.live_log_tag(pk))
    if not (after < upto <= coverage.sequence and upto - after <= LOG_SPAN):
        # Not tagged, so private: a range that has not passed yet must not be stored.
        return JsonResponse({"error": "No such range of changes."}, status=404)
    latest = {}
    for update in LiveUpdate.objects.filter(
        coverage=coverage, sequence__gt=after, sequence__lte=upto
    ):
        latest.pop(update.entry_id, None)
        latest[update.entry_id] = update
    images = entries.images_of(update.state for update in latest.values())
    changes = []
    for entry_id, update in latest.items():
        if update.state is None:
            changes.append({"sequence": update.sequence, "id": entry_id, "gone": True})
            continue
        shown = entries.shown(entry_id, update.state, images)
        changes.append(
            {
                "sequence": update.sequence,
                "id": entry_id,
                "anchor": shown.anchor,
                "html": entries.html(shown),
                "pinned": shown.pinned,
                "key_event": shown.key_event,
                "label": shown.label,
            }
        )
    response = JsonResponse({"after": after, "upto": upto, "changes": changes})
    return tag_response(
        response,
        reader_cache.live_log_tag(pk),
        *(reader_cache.live_entry_tag(entry_id) for entry_id in latest),
    )


def entry(request, pk):
    """An entry's lasting address: the page of the story it is on, at its anchor."""
    found = get_object_or_404(
        LiveEntry.objects.filter(coverage__in=LiveCoverage.objects.visible()),
        pk=pk,
    )
    article = Article.objects.get(pk=found.coverage_id)
    url = pages.entry_url(article, found)
    return tag_response(
        HttpResponseRedirect(url),
        reader_cache.story_tag(article.pk),
        reader_cache.live_entry_tag(found.pk),
    )


def breaking(request):
    """The banner of the story breaking now, if any, for pages already open."""
    story = Article.objects.breaking().newest_first().first()
    banner = (
        render_to_string("live/breaking_banner.html", {"breaking": story})
        if story
        else ""
    )
    response = JsonResponse(
        {
            "poll": settings.NEWSROOM_BREAKING_POLL_SECONDS,
            "url": story.get_absolute_url() if story else None,
            "html": banner,
        }
    )
    keys = [reader_cache.HOME]
    if story:
        keys.append(reader_cache.story_tag(story.pk))
    return tag_response(
        response, *keys, lifetime=settings.NEWSROOM_BREAKING_POLL_SECONDS // 2
    )


def log_base(request, pk):
    """Only a prefix for the script; the log is always asked for a range."""
    raise Http404("Ask for a range of changes: <after>-<upto>/.")
