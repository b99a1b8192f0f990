"""What editors add to a story after the fact: corrections, clarifications, updates."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..text import plain
from .story import Article


class Note(models.Model):
    """A dated note shown at the foot of a story and in its structured data."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"
        UPDATE = "update", "Update"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField(
        help_text="What was wrong and what is right now, in plain words."
    )
    created_at = models.DateTimeField(
        "dated",
        default=timezone.now,
        help_text="When the note took effect; change it to date an earlier correction.",
    )
    is_substantive = models.BooleanField(
        "substantive",
        default=False,
        help_text='Moves the "Updated" time readers see. Leave off for typo fixes.',
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["kind", "created_at"], name="note_kind_created_at"),
            # The corrections page: newest first across two kinds, read off the end.
            models.Index(fields=["created_at", "id"], name="note_newest_first"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.article}"

    def save(self, *args, **kwargs):
        self.text = plain(self.text)
        super().save(*args, **kwargs)
