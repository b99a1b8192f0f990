"""What each reader page shows, named as cache tags, and the purge after a change.

Pages are tagged with the stories they show (``story-12``), the sections, tags and
authors whose names they show (``section-3``, ``tag-40``, ``author-7``) and the
lists they are (``home``, ``section-3-list``, ``tag-40-list``, ``author-7-list``,
``feeds``, ``sitemaps``, ``search``, ``corrections``). After a change commits, the
publishing module tells ``purge_for_change``, which purges

- every page showing a changed story (its ``story-`` tag covers the lists it was
  on, pages further down included), and
- when the change can move it in or out of lists (published, unpublished,
  rescheduled, section, tags or byline changed, breaking flag), the lists it is on
  now, so that a story appears where it was not shown before; the other stories of
  its section or byline keep their cached pages;

and moves Django's page-cache generation, so no process serves a page from before.
Sections, authors and tags, edited outside the publishing module, purge the pages
that name them (``purge_for_edit``); a section, being in every page's navigation,
purges ``site``, the tag every shared page carries.
A story that appears at its scheduled time needs no purge at all: every cached
page's lifetime already ends then (``Article.objects.next_change_at()``).

Purges are written to ``PurgeRequest`` first and sent at once; one that the proxy
did not acknowledge goes out with the next purge or when the worker retries it.
"""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from newsroom import page_cache

from . import purge_backends
from .models import Article, Author, Byline, Section
from .models.purge import PurgeRequest

logger = logging.getLogger(__name__)

HOME = "home"
FEEDS = "feeds"
SITEMAPS = "sitemaps"
SEARCH = "search"
CORRECTIONS = "corrections"
# Fields whose change can move a story into or out of a list, or change its order.
# What a change to a live story's entries changes (articles/publishing.py).
LIVE_FIELDS = frozenset({"live"})
LIST_FIELDS = frozenset(
    {
        "status",
        "publish_at",
        "unpublish_at",
        "section",
        "tags",
        "authors",
        "is_breaking",
        "breaking_until",
    }
)


def story_tag(story_id: int) -> str:
    return f"story-{story_id}"


def section_tag(section_id: int) -> str:
    return f"section-{section_id}"


def tag_tag(tag_id: int) -> str:
    return f"tag-{tag_id}"


def author_tag(author_id: int) -> str:
    return f"author-{author_id}"


def live_log_tag(story_id: int) -> str:
    """The live update answers of a story (its head carries the story's own tag)."""
    return f"live-{story_id}-log"


def live_entry_tag(entry_id: int) -> str:
    return f"live-entry-{entry_id}"


def list_tag(subject_tag: str) -> str:
    """The list of stories of a section, tag or author, beside the subject itself."""
    return f"{subject_tag}-list"


def story_tags(stories) -> set[str]:
    """The tags of story cards on a page (``stories``: objects with a ``pk``): the
    story, and the authors a card names when its byline was fetched with it."""
    keys = set()
    for story in stories:
        keys.add(story_tag(story.pk))
        bylines = getattr(story, "fetched_bylines", None) or ()
        keys |= {author_tag(byline.author_id) for byline in bylines}
    return keys


def story_page_tags(story) -> set[str]:
    """A story page's own tags: the story, and the section, tags and authors it
    names (from its prefetches); not their lists, which it does not show."""
    keys = {story_tag(story.pk)}
    if story.section_id:
        keys.add(section_tag(story.section_id))
    keys |= {tag_tag(tag.pk) for tag in story.tags.all()}
    keys |= {author_tag(author.pk) for author in story.byline_authors}
    return keys


def tag_page(response, *, keys=(), stories=(), lifetime=None):
    """Mark ``response`` as a reader page showing ``stories`` on the lists ``keys``."""
    return page_cache.tag_response(
        response, *keys, *story_tags(stories), lifetime=lifetime
    )


def lists_of(story_ids) -> set[str]:
    """The lists these stories are on now: home, feeds, their sections, tags, authors."""
    keys = {HOME, FEEDS, SITEMAPS, SEARCH}
    stories = Article.objects.filter(pk__in=story_ids)
    keys |= {
        list_tag(section_tag(section_id))
        for section_id in stories.exclude(section=None).values_list(
            "section_id", flat=True
        )
    }
    keys |= {
        list_tag(tag_tag(tag_id))
        for tag_id in stories.exclude(tags=None).values_list("tags__id", flat=True)
    }
    keys |= {
        list_tag(author_tag(author_id))
        for author_id in Byline.objects.filter(article__in=story_ids).values_list(
            "author_id", flat=True
        )
    }
    return keys


def keys_for_change(change) -> set[str]:
    keys = {story_tag(pk) for pk in change.article_ids}
    # A live entry shows on its story's page and live answers only; the answers of
    # past ranges never change, unless an entry they showed is deleted.
    keys |= {live_entry_tag(pk) for pk in change.deleted_entry_ids}
    if change.fields == LIVE_FIELDS:
        return keys
    # Feeds and sitemaps show every story's words and times: few pages, cheap to
    # make again, so any change renews them.
    keys |= {FEEDS, SITEMAPS}
    if change.fields & {"status", "publish_at"}:
        # Past live answers of a story taken from readers must go with it.
        keys |= {live_log_tag(pk) for pk in change.article_ids}
    if change.fields & LIST_FIELDS or change.old_tag_slugs:
        keys |= lists_of(change.article_ids)
    if "notes" in change.fields:
        keys.add(CORRECTIONS)
    if change.front_page:
        keys.add(HOME)
    return keys


def purge_for_edit(sender, instance, **kwargs) -> None:
    """Sections, authors and tags are edited in the admin outside the publishing
    module (nothing about them can leak: they have no state of their own). Once the
    edit commits, the pages that name them go: every page for a section (the
    navigation), the author's or tag's pages and every page naming them."""
    if isinstance(instance, Section):
        keys = {page_cache.EVERY_PAGE}
    elif isinstance(instance, Author):
        subject = author_tag(instance.pk)
        keys = {subject, list_tag(subject)}
    else:
        subject = tag_tag(instance.pk)
        keys = {subject, list_tag(subject)}
    transaction.on_commit(partial(request_purge, keys))


def purge_for_change(change) -> None:
    """The publishing module's subscriber: runs once the change has committed."""
    page_cache.bump_generation()
    request_purge(keys_for_change(change))


def request_purge(keys) -> None:
    if not keys or not purge_backends.configured():
        return
    PurgeRequest.objects.create(keys=" ".join(sorted(keys)))
    if not send_pending():
        retry_later(attempt=1)


def retry_later(*, attempt: int) -> None:
    """Ask the worker to try again, waiting longer each time (5 s, 10 s, … 5 min).

    Backends that cannot defer a task (the immediate one of ``make run`` and the
    tests) get no retry of their own; the next purge sends what is left.
    """
    from .tasks import retry_purges

    if not retry_purges.get_backend().supports_defer:
        return
    delay = timedelta(seconds=min(300, 5 * 2 ** (attempt - 1)))
    transaction.on_commit(
        lambda: retry_purges.using(run_after=timezone.now() + delay).enqueue(attempt)
    )


def send_pending() -> bool:
    """Send every unsent purge, batched into one request per backend.

    Returns whether nothing is left to send. Purges older than the longest shared
    lifetime are dropped: every page they named has expired by itself since.
    """
    now = timezone.now()
    moot = now - timedelta(seconds=settings.NEWSROOM_SHARED_MAX_AGE)
    unsent = PurgeRequest.objects.filter(sent_at=None)
    unsent.filter(created_at__lt=moot).update(
        sent_at=now, last_error="Dropped: the pages it named had expired by then."
    )
    pending = list(unsent.filter(created_at__gte=moot))
    if not pending:
        return True
    keys = sorted({key for row in pending for key in row.keys.split()})
    ids = [row.pk for row in pending]
    try:
        for backend in purge_backends.configured():
            backend.purge(keys)
    except purge_backends.PurgeFailed as error:
        logger.warning("Purge of %d keys not acknowledged: %s", len(keys), error)
        for row in pending:
            row.attempts += 1
            row.last_error = str(error)[:1000]
        PurgeRequest.objects.bulk_update(pending, ["attempts", "last_error"])
        return False
    sent = timezone.now()
    PurgeRequest.objects.filter(pk__in=ids, sent_at=None).update(sent_at=sent)
    lag = (sent - min(row.created_at for row in pending)).total_seconds()
    logger.info("Purged %d keys from %d changes; lag %.3f s", len(keys), len(ids), lag)
    return True
