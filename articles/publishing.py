"""Every change readers can see goes through here: the admin, the commands and the
demo loader call these functions; nothing else writes a story's ``status``,
``publish_at``, ``is_breaking`` or ``version``.

Each operation takes the acting user (``by``; ``None`` for the system, which keeps a
revision but no admin log entry, since the log needs a user) and applies the rules in
one place: the edit-conflict version, the publication checklist, the old address kept
as a redirect, the audit entry in the admin history, the "Updated" time, and a
revision. Once the transaction has committed it announces a :class:`Change` to the
subscribers.

Subscribers are an explicit registry (``subscribe(fn)``), not Django signals. The
list of what reacts to a change is then one list in one module that a reader can
follow by name, called in order, each failure logged without stopping the others; a
signal's receivers are found only by grepping for ``connect``, run inside the
transaction unless every receiver remembers ``on_commit``, and a weakly referenced
receiver can vanish without a word. Later work (page-cache purge, notices to open
pages) hangs from here with one ``subscribe`` call.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from taggit.models import Tag

from . import freshness, revisions, tagging
from .models import (
    Article,
    FrontPageSection,
    FrontPageSlot,
    Image,
    Note,
    SlugRedirect,
    TaggedArticle,
)
from .plain_text import html_to_text

logger = logging.getLogger(__name__)

BREAKING_DEFAULT_DURATION = timedelta(hours=2)
# What readers see of a picture; a change to any of them changes the stories it leads.
PICTURE_FIELDS = ("file", "alt_text", "caption", "credit", "focal_x", "focal_y")


class Refused(Exception):
    """The operation would break a rule; the message says which, in an editor's words."""


class NotReady(Refused):
    """The publication checklist is not met."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(
            "Before it can be published or scheduled, the story needs "
            + ", ".join(problems)
            + "."
        )


class StaleSave(Exception):
    """Another save moved the version after the caller checked it; nothing was saved."""


@dataclass(frozen=True)
class Change:
    """What one committed operation changed, as subscribers hear it.

    ``fields`` uses the story's field names (plus ``authors``, ``tags`` and ``notes``;
    ``picture`` when a lead picture changed); ``old_slugs`` are story addresses that now
    redirect, ``old_tag_slugs`` tag addresses that do.
    """

    kind: str
    article_ids: tuple[int, ...]
    fields: frozenset[str]
    by: object = None
    old_slugs: tuple[str, ...] = ()
    old_tag_slugs: tuple[str, ...] = ()
    # Live entries removed for good: every cached answer that showed one must go.
    deleted_entry_ids: tuple[int, ...] = ()
    # The front page's arrangement changed (a pin, the order of its section blocks).
    front_page: bool = False


Subscriber = Callable[[Change], None]
_subscribers: list[Subscriber] = []


def subscribe(subscriber: Subscriber) -> Subscriber:
    """Call ``subscriber(change)`` after every committed change; usable as a decorator."""
    if subscriber not in _subscribers:
        _subscribers.append(subscriber)
    return subscriber


def unsubscribe(subscriber: Subscriber) -> None:
    if subscriber in _subscribers:
        _subscribers.remove(subscriber)


def _deliver(change: Change) -> None:
    for subscriber in list(_subscribers):
        try:
            subscriber(change)
        except Exception:
            # The change is committed; one failing reaction must not hide it from
            # the others or turn the editor's save into an error page.
            logger.exception("Subscriber %r failed on %s", subscriber, change.kind)


def _announce(change: Change) -> None:
    if change.article_ids or change.old_tag_slugs or change.front_page:
        transaction.on_commit(partial(_deliver, change))


# The rules.


def publish_time(status, publish_at, *, now=None):
    """ "Published" with no time means now, as an editor pressing publish expects."""
    if status == Article.Status.PUBLISHED and publish_at is None:
        return now or timezone.now()
    return publish_at


def breaking_expiry(publish_at, *, now=None):
    """When a breaking banner ends if the editor gives no time: two hours after the
    story goes (or went) out, counted from now at the earliest."""
    now = now or timezone.now()
    return max(publish_at or now, now) + BREAKING_DEFAULT_DURATION


def audit_state(article):
    return {
        "status": article.status,
        "publish_at": article.publish_at,
        "is_breaking": article.is_breaking,
        "breaking_until": article.breaking_until,
        "slug": article.slug,
    }


def audit_messages(before, article):
    """The publication events of one save, as the admin history tells them."""
    before = before or {"status": None, "publish_at": None, "is_breaking": False}
    now = timezone.now()
    published = Article.Status.PUBLISHED
    when = revisions.local_time
    events = []
    if article.status == published and before["status"] != published:
        if article.publish_at > now:
            events.append(f"Scheduled for {when(article.publish_at)}")
        else:
            events.append(f"Published (visible from {when(article.publish_at)})")
    elif before["status"] == published and article.status != published:
        events.append(f"Unpublished (back to {article.get_status_display().lower()})")
    elif article.status == published and before["publish_at"] != article.publish_at:
        if article.publish_at > now:
            events.append(f"Rescheduled for {when(article.publish_at)}")
        else:
            events.append(f"Publication time set to {when(article.publish_at)}")
    if article.is_breaking and not before["is_breaking"]:
        events.append(f"Flagged as breaking news until {when(article.breaking_until)}")
    elif before["is_breaking"] and not article.is_breaking:
        events.append("Breaking news flag removed")
    elif article.is_breaking and before["breaking_until"] != article.breaking_until:
        events.append(f"Breaking news banner now ends {when(article.breaking_until)}")
    return events


def _audit(obj, by, message):
    if reversion.is_active():
        reversion.set_comment(message)
    if by is None:
        return
    LogEntry.objects.log_actions(
        user_id=by.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )


def _baseline(articles):
    """Record the stored state of stories that have no revision yet, before a change.

    Inside an open revision (the admin's) a baseline would merge into this save's
    revision; the admin records it before opening one. Fresh copies, because the
    caller's may already hold unsaved edits.
    """
    if not reversion.is_active():
        pks = [article.pk for article in articles if article.pk]
        revisions.ensure_baseline(list(Article.objects.filter(pk__in=pks)))


def _reader_state(article):
    """Everything of a stored story a reader may see, to tell what a save changed."""
    return {
        **revisions.current_snapshot(article),
        "notes": tuple(
            article.notes.values_list(
                "pk", "kind", "text", "created_at", "is_substantive"
            )
        ),
    }


def _changed(before, after):
    return frozenset(key for key, value in after.items() if before.get(key) != value)


def _claim_version(article, expected):
    """Move the edit-conflict counter; with ``expected``, only from that version."""
    if expected is None:
        article.version = F("version") + 1
        return
    # The last guard: only the save that moves the counter from the version the
    # caller checked may write (SQLite has no row locks).
    claimed = Article.objects.filter(pk=article.pk, version=expected).update(
        version=expected + 1
    )
    if not claimed:
        raise StaleSave
    article.version = expected + 1


def _check_ready(article, before):
    """The checklist, when the story goes to readers or its time moves."""
    if article.status != Article.Status.PUBLISHED:
        return
    if before and (
        before["status"] == Article.Status.PUBLISHED
        and before["publish_at"] == article.publish_at
    ):
        return
    problems = article.publication_problems()
    if problems:
        raise NotReady(problems)


def _move_updated(article):
    """A substantive note moves the "Updated" time readers see; a typo fix does not."""
    latest = article.notes.filter(is_substantive=True).aggregate(
        latest=Max("created_at")
    )["latest"]
    if latest and (article.updated_at is None or latest > article.updated_at):
        Article.objects.filter(pk=article.pk).update(updated_at=latest)
        article.updated_at = latest


# Stories.


def save_story(
    article,
    *,
    by,
    expected_version=None,
    submit_for_review=False,
    overwrote="",
    related=None,
):
    """Save a new or edited story as one change.

    ``expected_version`` is the version the caller checked (the admin form's); the
    save is refused with :class:`StaleSave` if another one got there first. Without
    it the counter still moves, so forms opened before this save become stale.
    ``related`` saves what hangs off the story (byline, tags, notes) once the row
    exists, inside the same transaction. ``submit_for_review`` sends a draft to the
    editors; ``overwrote`` is the audit line of a save made over someone else's.
    """
    _baseline([article])
    with transaction.atomic(), reversion.create_revision():
        stored = None
        if article.pk is not None:
            stored = Article.objects.select_for_update().get(pk=article.pk)
        before = audit_state(stored) if stored else None
        seen = _reader_state(stored) if stored else {}
        if stored is None:
            article.created_by = by
        article.modified_by = by
        if submit_for_review and article.status == Article.Status.DRAFT:
            article.status = Article.Status.REVIEW
        article.publish_at = publish_time(article.status, article.publish_at)
        if stored is not None:
            _claim_version(article, expected_version)
        article.save()
        article.refresh_from_db(fields=["version"])
        if related is not None:
            related()
        _check_ready(article, before)
        _move_updated(article)
        if by is not None:
            reversion.set_user(by)
        # Bylines and tags are saved after the story; record the story again so the
        # revision holds them as saved.
        reversion.add_to_revision(article)
        if stored is not None:
            SlugRedirect.record(article, stored.slug)
        events = audit_messages(before, article)
        if overwrote:
            events.append(overwrote)
        if article.status == Article.Status.REVIEW and (
            before is None or before["status"] != Article.Status.REVIEW
        ):
            events.append("Submitted for review")
        for event in events:
            _audit(article, by, event)
        _announce(
            Change(
                kind="saved",
                article_ids=(article.pk,),
                fields=_changed(seen, _reader_state(article)),
                by=by,
                old_slugs=(stored.slug,)
                if stored and stored.slug != article.slug
                else (),
            )
        )
    return article


def import_story(
    article, *, by, status, publish_at=None, breaking_until=None, related=None
):
    """Bring in a story edited elsewhere (an archive, the demo newsroom) as it comes.

    The source applied its own checklist: a wire brief may have no picture. The story
    keeps its status and times, is recorded and announced like any save.
    """
    article.status = status
    article.publish_at = publish_time(status, publish_at)
    article.is_breaking = breaking_until is not None
    article.breaking_until = breaking_until
    with transaction.atomic(), reversion.create_revision():
        article.created_by = article.modified_by = by
        article.save()
        if related is not None:
            related()
        if by is not None:
            reversion.set_user(by)
        reversion.set_comment("Imported")
        reversion.add_to_revision(article)
        for event in audit_messages(None, article):
            _audit(article, by, event)
        _announce(
            Change(
                kind="imported",
                article_ids=(article.pk,),
                fields=frozenset(revisions.FIELDS),
                by=by,
            )
        )
    return article


def _apply(article, *, by, kind, extra_events=(), **changes):
    """Set some publication fields on the stored story as one save.

    Works on the row as stored now (locked), not on the caller's copy, so a form
    saved a moment ago is not overwritten; the caller's copy is brought up to date.
    """
    _baseline([article])
    with transaction.atomic(), reversion.create_revision():
        stored = Article.objects.select_for_update().get(pk=article.pk)
        before = audit_state(stored)
        for name, value in changes.items():
            setattr(stored, name, value)
        _check_ready(stored, before)
        stored.modified_by = by
        stored.version = F("version") + 1
        stored.save(
            update_fields=[
                *changes,
                "first_published_at",
                "version",
                "modified_by",
                "modified_at",
            ]
        )
        stored.refresh_from_db(fields=["version"])
        if by is not None:
            reversion.set_user(by)
        reversion.add_to_revision(stored)
        for event in [*audit_messages(before, stored), *extra_events]:
            _audit(stored, by, event)
        fields = frozenset(
            name for name, value in changes.items() if before.get(name) != value
        )
        _announce(Change(kind=kind, article_ids=(stored.pk,), fields=fields, by=by))
    for name in [*changes, "first_published_at", "version", "modified_by"]:
        setattr(article, name, getattr(stored, name))
    article.modified_at = stored.modified_at
    return article


def publish(article, *, by, at=None):
    """Make the story visible to readers at ``at`` (now when None); a future time
    schedules it. Refuses with :class:`NotReady` what the checklist refuses."""
    return _apply(
        article,
        by=by,
        kind="published",
        status=Article.Status.PUBLISHED,
        publish_at=at or timezone.now(),
    )


def schedule(article, *, by, at: datetime):
    """Publish the story at a future time; readers see it from then, not a second before."""
    if at <= timezone.now():
        raise Refused("That time has passed; choose a future time to schedule.")
    return publish(article, by=by, at=at)


def unpublish(article, *, by):
    """Take the story away from readers (back to draft) and end its banner."""
    return _apply(
        article,
        by=by,
        kind="unpublished",
        status=Article.Status.DRAFT,
        is_breaking=False,
    )


def take_down(article, *, by, reason):
    """A legal takedown: readers lose the story at once, everywhere, and the record
    says who did it and why. It cannot be published again until the takedown is
    lifted (``lift_takedown``)."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise Refused("Say why the story is taken down; the reason is kept on record.")
    if article.taken_down_at is not None:
        raise Refused("This story has already been taken down.")
    now = timezone.now()
    with transaction.atomic():
        # Off the front page too, so no slot waits for it to come back.
        for slot in FrontPageSlot.objects.select_for_update().filter(article=article):
            slot.article, slot.pinned_until, slot.over_breaking = None, None, False
            slot.save()
            _audit(slot, by, f"Unpinned “{article}” (legal takedown)")
        taken = _apply(
            article,
            by=by,
            kind="taken_down",
            extra_events=[f"Legal takedown: {reason}"],
            status=Article.Status.DRAFT,
            is_breaking=False,
            taken_down_at=now,
            takedown_reason=reason,
        )
    return taken


def lift_takedown(article, *, by):
    """Allow a taken-down story to be published again (it stays a draft until then)."""
    if article.taken_down_at is None:
        raise Refused("This story has not been taken down.")
    return _apply(
        article,
        by=by,
        kind="takedown_lifted",
        extra_events=[f"Takedown lifted (it was: {article.takedown_reason})"],
        taken_down_at=None,
        takedown_reason="",
    )


def submit_for_review(article, *, by):
    """Hand a draft to the editors."""
    if article.status != Article.Status.DRAFT:
        raise Refused("Only a draft can be submitted for review.")
    return _apply(
        article,
        by=by,
        kind="submitted",
        extra_events=["Submitted for review"],
        status=Article.Status.REVIEW,
    )


def set_breaking(article, *, by, until=None):
    """Show the breaking banner until ``until`` (two hours after publication when None)."""
    until = until or breaking_expiry(article.publish_at)
    if until <= timezone.now():
        raise Refused("That time has passed; the banner would not show.")
    return _apply(
        article, by=by, kind="breaking", is_breaking=True, breaking_until=until
    )


def clear_breaking(article, *, by):
    return _apply(article, by=by, kind="breaking", is_breaking=False)


def add_note(article, *, by, kind, text, is_substantive=False, created_at=None):
    """Add a correction, clarification or update under the story; a substantive one
    moves the "Updated" time readers see."""
    _baseline([article])
    with transaction.atomic(), reversion.create_revision():
        stored = Article.objects.select_for_update().get(pk=article.pk)
        note = Note.objects.create(
            article=stored,
            kind=kind,
            text=text,
            is_substantive=is_substantive,
            created_at=created_at or timezone.now(),
            created_by=by,
        )
        _move_updated(stored)
        stored.modified_by = by
        stored.version = F("version") + 1
        stored.save(update_fields=["version", "modified_by", "modified_at"])
        stored.refresh_from_db(fields=["version"])
        if by is not None:
            reversion.set_user(by)
        reversion.add_to_revision(stored)
        # The same words the admin history uses for a note added in the change form.
        _audit(
            stored,
            by,
            [
                {
                    "added": {
                        "name": "correction, clarification or update",
                        "object": str(note),
                    }
                }
            ],
        )
        fields = {"notes", "updated_at"} if is_substantive else {"notes"}
        _announce(
            Change(
                kind="note", article_ids=(stored.pk,), fields=frozenset(fields), by=by
            )
        )
    article.version, article.updated_at = stored.version, stored.updated_at
    article.modified_by, article.modified_at = by, stored.modified_at
    return note


def restore_revision(article, version, *, by, expected_version):
    """Bring back a revision's words, picture, section, authors and tags as a new save.

    The address and the publication settings stay as they are, so a restore never
    publishes or unpublishes. Refused when the story changed since the caller looked
    (``expected_version``) or when a published story would fail the checklist.
    Returns what could not come back (a deleted section, image or author).
    """
    _baseline([article])
    saved_at = revisions.local_time(version.revision.date_created)
    with transaction.atomic(), reversion.create_revision():
        stored = Article.objects.select_for_update().get(pk=article.pk)
        if str(expected_version) != str(stored.version):
            who = stored.modified_by or "Someone"
            raise Refused(
                f"{who} saved this story at "
                f"{revisions.local_time(stored.modified_at)}, after you opened "
                "this comparison. Compare again before restoring."
            )
        seen = _reader_state(stored)
        restoration = revisions.restore(stored, version)
        stored.modified_by = by
        stored.version = F("version") + 1
        stored.save()
        stored.refresh_from_db()
        revisions.restore_related(stored, restoration)
        if stored.status == Article.Status.PUBLISHED:
            problems = stored.publication_problems()
            if problems:
                raise Refused(
                    "This story is published or scheduled, and restoring that "
                    "revision would leave it without " + ", ".join(problems) + "."
                )
        if by is not None:
            reversion.set_user(by)
        reversion.add_to_revision(stored)
        _audit(stored, by, f"Restored the revision saved {saved_at}")
        _announce(
            Change(
                kind="restored",
                article_ids=(stored.pk,),
                fields=_changed(seen, _reader_state(stored)),
                by=by,
            )
        )
    return restoration.skipped


# Tags and pictures.


def merge_description(survivor, others):
    names = ", ".join(f"“{tag.name}”" for tag in others if tag.pk != survivor.pk)
    return f"Merged the tags {names} into “{survivor.name}”"


def merge_tags(survivor: Tag, others, *, by) -> list[int]:
    """Merge ``others`` into ``survivor`` (their addresses redirect to it); every story
    that carried one of them is recorded, audited and made stale for open forms.
    Returns the ids of the stories that changed."""
    others = [tag for tag in others if tag.pk != survivor.pk]
    message = merge_description(survivor, others)
    old_tag_slugs = tuple(tag.slug for tag in others)
    article_ids = TaggedArticle.objects.filter(tag__in=others).values_list(
        "content_object_id", flat=True
    )
    _baseline(Article.objects.filter(pk__in=list(article_ids)))
    with transaction.atomic(), reversion.create_revision():
        changed = tagging.merge_tags(survivor, others)
        # Forms opened before the merge still list the old names; make them stale so
        # a save cannot quietly bring a merged tag back.
        Article.objects.filter(pk__in=changed).update(version=F("version") + 1)
        if by is not None:
            reversion.set_user(by)
        reversion.set_comment(message)
        for article in Article.objects.filter(pk__in=changed):
            reversion.add_to_revision(article)
        _audit(survivor, by, message)
        if changed and by is not None:
            LogEntry.objects.log_actions(
                user_id=by.pk,
                queryset=Article.objects.filter(pk__in=changed),
                action_flag=CHANGE,
                change_message=message,
            )
        _announce(
            Change(
                kind="tags_merged",
                article_ids=tuple(changed),
                fields=frozenset({"tags"}),
                by=by,
                old_tag_slugs=old_tag_slugs,
            )
        )
    return changed


def save_picture(image, *, by, save=None):
    """Save a new or edited picture; when it leads published stories and what readers
    see of it changed, those stories are announced. ``save`` stores the picture
    (the admin's form save); ``image.save()`` when None."""
    with transaction.atomic():
        stored = Image.objects.filter(pk=image.pk).first() if image.pk else None
        if stored is None:
            image.uploaded_by = by
        (save or image.save)()
        if stored is None:
            return image
        fields = {
            name
            for name in PICTURE_FIELDS
            if getattr(stored, name) != getattr(image, name)
        }
        if fields:
            stories = Article.objects.published().filter(
                Q(lead_image=image) | Q(social_image=image)
            )
            _announce(
                Change(
                    kind="picture",
                    article_ids=tuple(stories.values_list("pk", flat=True)),
                    fields=frozenset({"picture", *fields}),
                    by=by,
                )
            )
    return image


def renditions_replaced(image_id: int) -> None:
    """The worker swapped in new renditions of a picture: the published stories it
    leads now serve other files (the first renditions of a new upload, or a new
    focal point's crops). Call inside the swap's transaction."""
    stories = Article.objects.published().filter(
        Q(lead_image_id=image_id) | Q(social_image_id=image_id)
    )
    _announce(
        Change(
            kind="renditions",
            article_ids=tuple(stories.values_list("pk", flat=True)),
            fields=frozenset({"picture"}),
        )
    )


# Live coverage. Each operation moves the story's live sequence by one and logs what
# readers now see of the entries it touched (live/models.py); the story itself, its
# version and its open edit forms are left alone. Readers see a "live" change on the
# story page and in the live answers only, so that is all it purges.

LIVE_FIELDS = frozenset({"live"})


def _live_coverage(article, *, lock=True):
    from live.models import LiveCoverage

    coverage = LiveCoverage.objects.filter(pk=article.pk)
    if lock:
        coverage = coverage.select_for_update()
    coverage = coverage.first()
    if coverage is None:
        raise Refused("This story is not live coverage; start live coverage first.")
    return coverage


def _log_live_change(coverage, entries=(), *, deleted=()):
    """Move the sequence and log the entries' new states; returns the new sequence."""
    from live.entries import snapshot
    from live.models import LiveCoverage, LiveEntry, LiveUpdate

    LiveCoverage.objects.filter(pk=coverage.pk).update(sequence=F("sequence") + 1)
    coverage.refresh_from_db(fields=["sequence"])
    sequence = coverage.sequence
    rows = []
    for entry in entries:
        entry.sequence = sequence
        LiveEntry.objects.filter(pk=entry.pk).update(sequence=sequence)
        rows.append(
            LiveUpdate(
                coverage=coverage,
                sequence=sequence,
                entry_id=entry.pk,
                state=snapshot(entry),
            )
        )
    for entry_id in deleted:
        # What a deleted entry said must not survive in the log either.
        LiveUpdate.objects.filter(coverage=coverage, entry_id=entry_id).update(
            state=None
        )
        rows.append(
            LiveUpdate(
                coverage=coverage, sequence=sequence, entry_id=entry_id, state=None
            )
        )
    LiveUpdate.objects.bulk_create(rows)
    # The story page's ETag must move too, or a revisit would get a 304.
    freshness.bump()
    return sequence


def _announce_live(coverage, *, by, deleted=()):
    _announce(
        Change(
            kind="live",
            article_ids=(coverage.pk,),
            fields=LIVE_FIELDS,
            by=by,
            deleted_entry_ids=tuple(deleted),
        )
    )


def _audit_live(coverage, by, message):
    if by is not None:
        LogEntry.objects.log_actions(
            user_id=by.pk,
            queryset=[coverage.article],
            action_flag=CHANGE,
            change_message=message,
            single_object=True,
        )


def open_live_coverage(article, *, by, reporters_may_post=None, started_at=None):
    """Run the story as live coverage (again, when it had ended)."""
    from live.models import LiveCoverage

    with transaction.atomic():
        Article.objects.select_for_update().get(pk=article.pk)
        coverage, created = LiveCoverage.objects.get_or_create(
            article=article, defaults={"started_at": started_at or timezone.now()}
        )
        if not created and coverage.is_open and reporters_may_post is None:
            return coverage
        coverage.state, coverage.ended_at = LiveCoverage.State.OPEN, None
        if reporters_may_post is not None:
            coverage.reporters_may_post = reporters_may_post
        coverage.save()
        _log_live_change(coverage)
        _audit_live(
            coverage, by, "Live coverage started" if created else "Live coverage open"
        )
        _announce_live(coverage, by=by)
    return coverage


def close_live_coverage(article, *, by, at=None):
    """End the live coverage: pages say so, and open pages stop asking for news."""
    from live.models import LiveCoverage

    with transaction.atomic():
        coverage = _live_coverage(article)
        if not coverage.is_open:
            return coverage
        coverage.state = LiveCoverage.State.CLOSED
        coverage.ended_at = at or timezone.now()
        coverage.save(update_fields=["state", "ended_at"])
        _log_live_change(coverage)
        _audit_live(coverage, by, "Live coverage ended")
        _announce_live(coverage, by=by)
    return coverage


def post_entry(article, *, by, body, **fields):
    """Post an entry on an open live story; ``fields`` are the entry's own (headline,
    kind, image, author, is_key_event, posted_at)."""
    from live.models import LiveEntry

    with transaction.atomic():
        coverage = _live_coverage(article)
        if not coverage.is_open:
            raise Refused("This live coverage has ended; reopen it to post again.")
        if fields.get("is_pinned"):
            raise Refused("Post the entry first, then pin it.")
        entry = LiveEntry(coverage=coverage, body=body, created_by=by, **fields)
        if not entry.posted_at:
            entry.posted_at = timezone.now()
        entry.save()
        if not html_to_text(entry.body).strip():
            raise Refused("Write the update before posting it.")
        _log_live_change(coverage, [entry])
        _audit_live(coverage, by, f"Live entry posted: {entry}")
        _announce_live(coverage, by=by)
    return entry


LIVE_ENTRY_FIELDS = ("kind", "headline", "body", "image", "author", "is_key_event")


def edit_entry(entry, *, by, expected_sequence=None, **changes):
    """Change what an entry says (or whether it is a key event), as one change.

    ``expected_sequence`` is the entry's sequence when the editor opened it; a save
    over a later change is refused, so nobody's edit is silently undone.
    """
    from live.models import LiveEntry

    unknown = set(changes) - set(LIVE_ENTRY_FIELDS)
    if unknown:
        raise Refused(f"An entry has no {', '.join(sorted(unknown))} to change.")
    with transaction.atomic():
        coverage = _live_coverage(entry.coverage.article)
        stored = LiveEntry.objects.select_for_update().filter(pk=entry.pk).first()
        if stored is None:
            raise Refused("That entry has been deleted.")
        if expected_sequence is not None and stored.sequence != expected_sequence:
            raise Refused(
                "Someone changed this entry after you opened it; your text is still "
                "in the form. Compare with the entry below and save again."
            )
        for name, value in changes.items():
            setattr(stored, name, value)
        stored.save()
        _log_live_change(coverage, [stored])
        _audit_live(coverage, by, f"Live entry edited: {stored}")
        _announce_live(coverage, by=by)
    return stored


def delete_entry(entry, *, by):
    """Remove an entry from the page, the log and every cache that showed it."""
    with transaction.atomic():
        coverage = _live_coverage(entry.coverage.article)
        entry_id, label = entry.pk, str(entry)
        type(entry).objects.filter(pk=entry_id).delete()
        _log_live_change(coverage, deleted=[entry_id])
        _audit_live(coverage, by, f"Live entry deleted: {label}")
        _announce_live(coverage, by=by, deleted=[entry_id])


def pin_entry(entry, *, by, pinned=True):
    """Pin the entry above the others (the one pinned before is let go), or unpin it."""
    from live.models import LiveEntry

    with transaction.atomic():
        coverage = _live_coverage(entry.coverage.article)
        stored = LiveEntry.objects.select_for_update().get(pk=entry.pk)
        touched = []
        if pinned:
            for other in LiveEntry.objects.filter(
                coverage=coverage, is_pinned=True
            ).exclude(pk=stored.pk):
                other.is_pinned = False
                other.save(update_fields=["is_pinned", "modified_at"])
                touched.append(other)
        if stored.is_pinned != pinned:
            stored.is_pinned = pinned
            stored.save(update_fields=["is_pinned", "modified_at"])
            touched.append(stored)
        if not touched:
            return stored
        _log_live_change(coverage, touched)
        _audit_live(
            coverage, by, f"Live entry {'pinned' if pinned else 'unpinned'}: {stored}"
        )
        _announce_live(coverage, by=by)
    return stored


# The front page.


def _slot(slot):
    """The stored slot, locked; a slot the migration made, or one a test flush lost."""
    name = slot.slot if isinstance(slot, FrontPageSlot) else slot
    if name not in FrontPageSlot.Slot.values:
        raise Refused(f"There is no front-page slot called {name!r}.")
    FrontPageSlot.objects.get_or_create(slot=name)
    return FrontPageSlot.objects.select_for_update().get(slot=name)


def pin_problem(slot, article, *, until=None, over_breaking=False):
    """Why ``article`` cannot be pinned so, in an editor's words, or None."""
    name = slot.slot if isinstance(slot, FrontPageSlot) else slot
    if until is not None and until <= timezone.now():
        return "That time has passed; choose a later end for the pin."
    if article.status != Article.Status.PUBLISHED:
        return "Only a published or scheduled story can be pinned to the front page."
    if over_breaking and name != FrontPageSlot.Slot.LEAD:
        return "Only the lead can be kept over breaking news."
    return None


def pin(slot, article, *, by, until=None, over_breaking=False):
    """Put ``article`` in a front-page slot (``"lead"``, ``"top-1"``…) until ``until``
    (for good when None). A story pinned elsewhere moves here. Readers see it only
    while it is published: a pin never shows what ``published()`` hides."""
    now = timezone.now()
    problem = pin_problem(slot, article, until=until, over_breaking=over_breaking)
    if problem:
        raise Refused(problem)
    with transaction.atomic():
        stored = _slot(slot)
        moved_from = (
            FrontPageSlot.objects.select_for_update()
            .filter(article=article)
            .exclude(pk=stored.pk)
            .first()
        )
        if moved_from is not None:
            moved_from.article = None
            moved_from.pinned_until = None
            moved_from.over_breaking = False
            moved_from.save()
            _audit(moved_from, by, f"Unpinned “{article}” (moved to {stored})")
        previous = stored.article_id
        stored.article = article
        stored.pinned_until = until
        stored.over_breaking = over_breaking
        stored.pinned_at = now
        stored.pinned_by = by
        stored.save()
        ends = f" until {revisions.local_time(until)}" if until else ""
        over = ", over breaking news" if over_breaking else ""
        message = f"Pinned “{article}”{ends}{over}"
        _audit(stored, by, message)
        _audit(article, by, f"Pinned to the front page as {stored}{ends}{over}")
        _announce(
            Change(
                kind="front_page",
                article_ids=tuple(filter(None, {previous, article.pk})),
                fields=frozenset({"front_page"}),
                by=by,
                front_page=True,
            )
        )
    return stored


def unpin(slot, *, by):
    """Give a slot back to the latest story."""
    with transaction.atomic():
        stored = _slot(slot)
        article = stored.article
        if article is None:
            return stored
        stored.article = None
        stored.pinned_until = None
        stored.over_breaking = False
        stored.pinned_at = timezone.now()
        stored.pinned_by = by
        stored.save()
        _audit(stored, by, f"Unpinned “{article}”; the slot shows the latest story")
        _audit(article, by, f"Unpinned from the front page ({stored})")
        _announce(
            Change(
                kind="front_page",
                article_ids=(article.pk,),
                fields=frozenset({"front_page"}),
                by=by,
                front_page=True,
            )
        )
    return stored


def place_section_block(section, *, by, position, shown=True):
    """Where ``section``'s block stands on the front page, and whether it shows."""
    with transaction.atomic():
        block, _ = FrontPageSection.objects.select_for_update().get_or_create(
            section=section, defaults={"position": position, "shown": shown}
        )
        block.position, block.shown = position, shown
        block.save()
        state = f"position {position}" if shown else "hidden"
        _audit(block, by, f"{section} block on the front page: {state}")
        _announce(
            Change(
                kind="front_page",
                article_ids=(),
                fields=frozenset({"front_page"}),
                by=by,
                front_page=True,
            )
        )
    return block
