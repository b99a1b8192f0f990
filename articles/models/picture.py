import logging
import secrets
from dataclasses import dataclass
from functools import partial
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from articles import images

from ..text import plain

logger = logging.getLogger(__name__)


# A picture of an unpublished story must not be found by guessing its URL: 128 random
# bits (uuid4 has only 122) make the name unguessable even across millions of uploads.
NAME_RANDOM_BYTES = 16
# The uploaded name survives only as a short, readable slug after the random part.
NAME_STEM_LENGTH = 40


def image_upload_to(instance, filename: str) -> str:
    """A server-chosen name: a random part plus a slug of the uploaded name, never its path.

    Names already stored keep working: only new uploads go through here.
    """
    name = PurePath(filename).name
    stem = slugify(PurePath(name).stem)[:NAME_STEM_LENGTH].strip("-_") or "image"
    suffix = PurePath(name).suffix.lower()[:5]
    random_part = secrets.token_hex(NAME_RANDOM_BYTES)
    return f"images/{timezone.now():%Y/%m}/{random_part}-{stem}{suffix}"


def store(storage, name: str, content) -> str:
    """Save ``content`` under ``name`` (or a free variant); a failed write leaves nothing.

    FileSystemStorage leaves a half-written file behind when the disk fills up.
    """
    try:
        return storage.save(name, content)
    except BaseException:
        # The write's own error is the one to report, even if the clean-up fails too.
        delete_files(storage, [name])
        raise


def delete_files_on_commit(storage, names) -> None:
    """Files go only once the rows that pointed at them are gone for good."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(partial(delete_files, storage, names))


def delete_files(storage, names) -> None:
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            # The row is gone either way; `orphan_media --delete` sweeps what is left.
            logger.exception("Could not delete media file %s", name)


# The fields renditions are made from.
RENDITION_INPUTS = {"file", "focal_x", "focal_y"}


@dataclass(frozen=True)
class Original:
    """The normalised original, standing in for a rendition that is not ready yet."""

    url: str
    width: int
    height: int
    ratio: str = ""


@dataclass(frozen=True)
class Ready:
    """A ready rendition as pages see it, read from ``Image.ready``: no query."""

    url: str
    width: int
    height: int
    ratio: str
    format: str


class ImageQuerySet(models.QuerySet):
    def delete(self):
        storage = Image._meta.get_field("file").storage
        names = [
            *self.values_list("file", flat=True),
            *Rendition.objects.filter(image__in=self).values_list("file", flat=True),
        ]
        result = super().delete()
        delete_files_on_commit(storage, names)
        return result

    def create_from_upload(self, upload, **fields):
        """Validate, normalise and store an upload; renditions follow after commit.

        Raises ValidationError for a file we refuse. Credit and caption default to
        the ones embedded in the file.
        """
        prepared = images.prepare(
            upload,
            max_bytes=settings.NEWSROOM_IMAGE_MAX_BYTES,
            max_pixels=settings.NEWSROOM_IMAGE_MAX_PIXELS,
        )
        fields.setdefault("credit", prepared.credit)
        fields.setdefault("caption", prepared.caption)
        image = self.model(
            file=ContentFile(prepared.content, name=prepared.name),
            width=prepared.width,
            height=prepared.height,
            **fields,
        )
        image.save()
        return image


class Image(models.Model):
    # No width_field/height_field: Django would measure the file with Pillow whenever
    # a row loads with a zero size. The upload pipeline sets width and height.
    file = models.ImageField(upload_to=image_upload_to)
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
    # The ready renditions, [[ratio, width, height, format, file name], ...]: a copy
    # of the Rendition rows, rewritten in the transaction that changes them, so that
    # a page using any image (lead, card, author photo, feed) needs no extra query.
    ready = models.JSONField(default=list, blank=True, editable=False)

    objects = ImageQuerySet.as_manager()

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

    def save(self, *args, **kwargs):
        self.alt_text = plain(self.alt_text)
        self.caption = plain(self.caption)
        self.credit = plain(self.credit)
        if self._file_replaced():
            self.ready = []  # renditions of the old picture must not be served
        elif not self._state.adding and kwargs.get("update_fields") is None:
            # ``ready`` belongs to the rendition task, which may have rewritten it
            # since this instance was loaded; an editor's save must not undo that.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "ready"
            ]
        stored = self._store_new_file()
        try:
            super().save(*args, **kwargs)
        except BaseException:
            if stored:  # the row was never written: its file must not stay either
                delete_files(self.file.storage, [stored])
            raise
        self._after_save()

    def delete(self, *args, **kwargs):
        names = [self.file.name, *self.renditions.values_list("file", flat=True)]
        result = super().delete(*args, **kwargs)
        delete_files_on_commit(self.file.storage, names)
        return result

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        instance = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        if not instance.get_deferred_fields() & RENDITION_INPUTS:
            instance._saved_state = instance._state_for_renditions()
        return instance

    def _state_for_renditions(self):
        return (self.file.name, self.focal_x, self.focal_y)

    def _file_replaced(self) -> bool:
        old = getattr(self, "_saved_state", None)
        return bool(old and old[0] and not getattr(self.file, "_committed", True))

    def _store_new_file(self) -> str | None:
        """Write a new upload now, so that a failure can remove exactly that file."""
        if not self.file or getattr(self.file, "_committed", True):
            return None
        field = self._meta.get_field("file")
        name = field.generate_filename(self, self.file.name)
        stored = store(self.file.storage, name, self.file.file)
        self.file = stored
        return stored

    def _after_save(self):
        if self.get_deferred_fields() & RENDITION_INPUTS:
            return  # a partial save; it cannot have changed the picture
        old_name, *old_focal = getattr(self, "_saved_state", (None, None, None))
        self._saved_state = self._state_for_renditions()
        if self._saved_state[0] != old_name and old_name:
            # Until the new renditions are made, pages fall back to the new original.
            stale = list(self.renditions.values_list("file", flat=True))
            self.renditions.all().delete()
            delete_files_on_commit(self.file.storage, [old_name, *stale])
        if self._saved_state != (old_name, *old_focal):
            self.schedule_renditions()

    def schedule_renditions(self, *, force: bool = False) -> None:
        """Make the renditions once the current transaction commits."""
        from articles.tasks import make_renditions

        transaction.on_commit(
            partial(make_renditions.enqueue, self.pk, force=force), robust=True
        )

    @property
    def original(self) -> Original:
        return Original(url=self.file.url, width=self.width, height=self.height)

    def ready_renditions(self, ratio: str | None, fmt: str) -> list[Ready]:
        """Ready renditions of one ratio and format, narrowest first; no query.

        ``fmt="jpeg"`` means the fallback format: JPEG, or PNG for a picture with
        transparency.
        """
        formats = {"jpeg", "png"} if fmt in ("jpeg", "png") else {fmt}
        storage = self.file.storage
        return sorted(
            (
                Ready(storage.url(name), width, height, kind, file_format)
                for kind, width, height, file_format, name in self.ready
                if kind == (ratio or "") and file_format in formats
            ),
            key=lambda rendition: rendition.width,
        )

    def rendition_for(self, ratio: str | None, width: int, fmt: str = "jpeg"):
        """The narrowest ready rendition at least ``width`` wide, else the widest one,
        else the normalised original. The answer has ``url``, ``width``, ``height``.

        ``ratio`` is "16:9", "4:3", "1:1" or None for the original's proportions.
        Never a query, never a file opened.
        """
        ready = self.ready_renditions(ratio, fmt)
        if not ready:
            return self.original
        return next((r for r in ready if r.width >= width), ready[-1])

    def srcset(self, ratio: str | None, fmt: str) -> str:
        return ", ".join(
            f"{rendition.url} {rendition.width}w"
            for rendition in self.ready_renditions(ratio, fmt)
        )


class Rendition(models.Model):
    """A derived file: one width of the image (or of a focal-point crop) in one format.

    A row exists only once its file is written. Pages read the copy in ``Image.ready``.
    """

    class Format(models.TextChoices):
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"

    image = models.ForeignKey(
        Image, on_delete=models.CASCADE, related_name="renditions"
    )
    ratio = models.CharField(
        max_length=8, blank=True, help_text="Empty for the original's proportions."
    )
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    format = models.CharField(max_length=4, choices=Format)
    file = models.FileField(max_length=255)
    signature = models.CharField(
        max_length=100, help_text="What the file was cut from; stale when it changes."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["image", "ratio", "format", "width"]
        constraints = [
            models.UniqueConstraint(
                fields=["image", "ratio", "width", "format"], name="rendition_once"
            ),
        ]

    def __str__(self):
        return f"{self.ratio or 'original'} {self.width}w {self.format}"

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.ratio, self.width, self.format)
