import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify


def image_upload_to(instance, filename: str) -> str:
    """A server-chosen name: a random part plus a slug of the uploaded name, never its path."""
    name = PurePath(filename).name
    stem = slugify(PurePath(name).stem)[:60] or "image"
    suffix = PurePath(name).suffix.lower()[:5]
    return f"images/{timezone.now():%Y/%m}/{uuid.uuid4().hex[:12]}-{stem}{suffix}"


class Image(models.Model):
    file = models.ImageField(
        upload_to=image_upload_to, width_field="width", height_field="height"
    )
    alt_text = models.CharField(
        max_length=250,
        help_text="What the picture shows, for readers who cannot see it. Required.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text='Shown as "Picture source: …" under the image.',
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    focal_x = models.FloatField(
        default=0.5, help_text="Horizontal focal point, 0 (left) to 1 (right)."
    )
    focal_y = models.FloatField(
        default=0.5, help_text="Vertical focal point, 0 (top) to 1 (bottom)."
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1
                ),
                name="image_focal_point_inside",
            ),
            models.CheckConstraint(
                condition=~Q(alt_text=""),
                name="image_alt_text_required",
                violation_error_message="Describe the picture in the alt text.",
            ),
        ]

    def __str__(self):
        return self.alt_text[:80] or self.file.name
