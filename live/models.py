"""Live coverage: a story that carries a stream of short, dated entries.

Every change readers can see of a live story (an entry posted, edited, deleted,
pinned or marked as a key event; the coverage opened or closed) moves the story's
``sequence`` by one and appends what readers now see of each entry it touched to
``LiveUpdate``, the story's change log. Open pages poll from the sequence they were
rendered at, never from a time: two entries posted in the same second have two
sequence numbers, and the log between two numbers never changes once both have
passed, so its answer can be cached as long as any cache likes. The one exception is
a deleted entry: its past states are wiped from the log, and its tag purged, so a
legally removed entry survives in no answer.

The state changes go through ``articles.publishing``; these models hold no rules
beyond their own fields.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField

from articles.models import Article, Author, Image
from articles.models.story import BODY_EXTENSIONS
from articles.text import plain


class LiveCoverageQuerySet(models.QuerySet):
    def visible(self):
        """Coverage of stories readers may see; the one gate of every live endpoint."""
        return self.filter(article__in=Article.objects.published())


class LiveCoverage(models.Model):
    """A story run as live coverage, open while the desk keeps posting."""

    class State(models.TextChoices):
        OPEN = "open", "Live"
        CLOSED = "closed", "Ended"

    article = models.OneToOneField(
        Article,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="live_coverage",
    )
    state = models.CharField(max_length=8, choices=State, default=State.OPEN)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveBigIntegerField(
        default=0,
        editable=False,
        help_text="Moves by one with every change readers see; open pages poll from it.",
    )
    reporters_may_post = models.BooleanField(
        default=False,
        help_text="Reporters on the story's byline may post and edit their own entries.",
    )

    objects = LiveCoverageQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "live coverage"
        constraints = [
            models.CheckConstraint(
                condition=Q(state="open") | Q(ended_at__isnull=False),
                name="live_closed_needs_end",
            ),
        ]

    def __str__(self):
        return f"Live: {self.article}"

    @property
    def is_open(self):
        return self.state == self.State.OPEN


class LiveEntry(models.Model):
    """One update on a live story, as readers see it under the headline."""

    class Kind(models.TextChoices):
        UPDATE = "update", "Update"
        CORRECTION = "correction", "Correction"

    coverage = models.ForeignKey(
        LiveCoverage, on_delete=models.CASCADE, related_name="entries"
    )
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.UPDATE)
    headline = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional; key events are listed at the top under it.",
    )
    body = ProseEditorField(extensions=BODY_EXTENSIONS, sanitize=True)
    image = models.ForeignKey(
        Image,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="live_entries",
    )
    author = models.ForeignKey(
        Author,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="live_entries",
        help_text="Shown with the entry; the story's byline when left empty.",
    )
    posted_at = models.DateTimeField(default=timezone.now)
    is_key_event = models.BooleanField("key event", default=False)
    is_pinned = models.BooleanField("pinned", default=False)
    sequence = models.PositiveBigIntegerField(
        default=0, editable=False, help_text="The change that last touched it."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "live entries"
        ordering = ["-posted_at", "-pk"]
        indexes = [
            models.Index(
                fields=["coverage", "-posted_at", "-id"], name="live_entry_newest"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["coverage"],
                condition=Q(is_pinned=True),
                name="live_one_pinned_entry",
            ),
        ]

    def __str__(self):
        return self.headline or f"Entry {self.pk} on {self.coverage.article}"

    def save(self, *args, **kwargs):
        self.headline = plain(self.headline)
        self.body = self._meta.get_field("body").sanitize(plain(self.body or ""))
        super().save(*args, **kwargs)

    @property
    def anchor(self):
        return f"entry-{self.pk}"


class LiveUpdate(models.Model):
    """What readers saw of one entry after one change: the log open pages replay.

    ``state`` is ``None`` for a deleted entry, in this row and, once it is deleted,
    in every earlier row of it too.
    """

    coverage = models.ForeignKey(
        LiveCoverage, on_delete=models.CASCADE, related_name="updates"
    )
    sequence = models.PositiveBigIntegerField()
    # Not a foreign key: the row outlives the entry as the news that it went.
    entry_id = models.PositiveBigIntegerField()
    state = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["sequence", "entry_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["coverage", "sequence", "entry_id"],
                name="live_update_once",
            ),
        ]
        indexes = [
            models.Index(fields=["coverage", "entry_id"], name="live_update_entry"),
        ]

    def __str__(self):
        return f"Change {self.sequence} of entry {self.entry_id}"
