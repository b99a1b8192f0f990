"""What editors arrange on the front page: the lead, the top stories, the section order.

A slot is pinned to a story or left to "latest" (no story). A pin never shows a
story readers cannot see: the front page asks ``published()`` for the pinned
stories, so an unpublished, expired or scheduled one simply falls back to latest.
Pins are set through the publishing module (``pin``, ``unpin``,
``arrange_sections``), which audits them and purges the front page.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .story import Article, Section


class FrontPageSlot(models.Model):
    class Slot(models.TextChoices):
        LEAD = "lead", "Lead story"
        TOP_1 = "top-1", "Top story 1"
        TOP_2 = "top-2", "Top story 2"
        TOP_3 = "top-3", "Top story 3"
        TOP_4 = "top-4", "Top story 4"

    slot = models.CharField(max_length=16, choices=Slot, unique=True, editable=False)
    article = models.OneToOneField(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="front_slot",
        # Drafts cannot be pinned; a scheduled story can, and shows from its time.
        limit_choices_to={"status": "published"},
        verbose_name="pinned story",
        help_text="Leave empty to show the latest story here.",
    )
    pinned_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The slot goes back to the latest story at this time. "
        "Empty: the pin stays until someone removes it.",
    )
    over_breaking = models.BooleanField(
        "keep over breaking news",
        default=False,
        help_text="Lead slot only. A live breaking story normally takes the lead; "
        "tick to keep this story on top even then.",
    )
    pinned_at = models.DateTimeField(null=True, blank=True, editable=False)
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["slot"]
        verbose_name = "front-page slot"
        indexes = [
            models.Index(fields=["pinned_until"], name="front_slot_pin_ends"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(slot="lead") | Q(over_breaking=False),
                name="front_slot_over_breaking_lead_only",
                violation_error_message="Only the lead can be kept over breaking news.",
            ),
        ]

    def __str__(self):
        return self.get_slot_display()

    @property
    def is_pinned(self):
        return self.article_id is not None and (
            self.pinned_until is None or self.pinned_until > timezone.now()
        )


def live_pin_lookups(now):
    """A slot whose pin holds now (whether its story is visible is published()'s say)."""
    return Q(article__isnull=False) & (
        Q(pinned_until__isnull=True) | Q(pinned_until__gt=now)
    )


class FrontPageSection(models.Model):
    """Where a section's block stands on the front page, and whether it shows."""

    section = models.OneToOneField(
        Section, on_delete=models.CASCADE, related_name="front_block"
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Blocks show in this order, lowest first."
    )
    shown = models.BooleanField(
        "shown on the front page",
        default=True,
        help_text="Untick to leave this section's block off the front page.",
    )

    class Meta:
        ordering = ["position", "section__position", "section__name"]
        verbose_name = "front-page section block"

    def __str__(self):
        return f"{self.section} on the front page"
