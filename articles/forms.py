import copy
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from taggit.models import Tag

from . import char_counts, images, publishing, revisions, text
from .models import Article, Image, Note
from .publishing import BREAKING_DEFAULT_DURATION

MAX_BYLINE_FORMS = 1000


# Every instant must survive conversion between newsroom time, UTC (storage, feeds)
# and a few hours either way (the breaking banner's default expiry): years 1 and 9999
# overflow in a zone east or west of UTC and would answer 500 on save or on every page.
FIRST_YEAR, LAST_YEAR = 2, 9998
# Tag names and slugs: taggit's columns. A new slug may still gain "_1" when taken.
TAG_NAME_LENGTH = Tag._meta.get_field("name").max_length
TAG_SLUG_LENGTH = Tag._meta.get_field("slug").max_length - 4


def refuse_unshowable(value):
    if isinstance(value, str) and (found := text.unshowable(value)):
        raise ValidationError(
            f"Remove {text.describe(found)}: readers can’t see it and feeds can’t "
            "carry it. It usually comes with text pasted from another program; "
            "retype the words around it.",
            code="unshowable",
        )


def refuse_out_of_calendar(value):
    if value is None:
        return
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        utc = None
    if utc is None or not FIRST_YEAR <= utc.year <= LAST_YEAR:
        raise ValidationError(
            f"The year {value.year} is outside the dates the site can show "
            f"({FIRST_YEAR} to {LAST_YEAR} in newsroom time, "
            f"{timezone.get_current_timezone_name()}); check the year.",
            code="out_of_calendar",
        )


def normalised_data(data):
    """Submitted text in NFC with plain newlines, before any field or uniqueness check
    sees it: "café" typed two ways must meet the same row."""
    if not hasattr(data, "lists"):
        return {
            key: text.normalised(value) if isinstance(value, str) else value
            for key, value in data.items()
        }
    copy_ = data.copy()
    for key, values in data.lists():
        copy_.setlist(
            key, [text.normalised(v) if isinstance(v, str) else v for v in values]
        )
    return copy_


class PlainTextForm(forms.ModelForm):
    """The base of every form editors type into (the admin's too: sections, authors,
    tags): text is normalised, unshowable characters are refused with a message,
    and dates must fall in the calendar the site can show."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = normalised_data(data)
        super().__init__(data, *args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(refuse_unshowable)
            elif isinstance(field, forms.DateTimeField | forms.SplitDateTimeField):
                field.validators.append(refuse_out_of_calendar)


class LocalDateTimeField(forms.SplitDateTimeField):
    """Date and time in newsroom time; says plainly when a clock change makes it unclear."""

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except OverflowError as error:
            raise ValidationError(
                f"That date is outside the dates the site can show ({FIRST_YEAR} to "
                f"{LAST_YEAR}); check the year.",
                code="out_of_calendar",
            ) from error
        except ValidationError as error:
            if error.code != "ambiguous_timezone":
                raise
            naive = datetime.combine(*data_list)
            zone = timezone.get_current_timezone()
            earlier = naive.replace(tzinfo=zone, fold=0)
            wall_clock_again = earlier.astimezone(UTC).astimezone(zone)
            day = date_format(naive, "j F Y")
            time = naive.strftime("%H:%M")
            if wall_clock_again.replace(tzinfo=None) != naive:
                message = (
                    f"On {day} the clocks in {zone.key} go forward, so {time} does "
                    "not exist there. Enter a time after the change."
                )
            else:
                message = (
                    f"On {day} the clocks in {zone.key} go back, so {time} happens "
                    "twice. Enter a time outside the repeated hour."
                )
            raise ValidationError(message, code="ambiguous_timezone") from error


def unique_slug(headline, *, exclude_pk=None):
    base = slugify(headline)[:190].strip("-") or "story"
    taken = Article.objects.exclude(pk=exclude_pk)
    candidate, n = base, 1
    while taken.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


class ArticleAdminForm(PlainTextForm):
    # The version the editor loaded; saving against a newer one is refused.
    loaded_version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Set by the conflict screen: the version the editor has now seen and may replace.
    seen_version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    overwrite = forms.BooleanField(required=False, label="Save my version over theirs")

    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "dek",
            "section",
            "lead_image",
            "body",
            "tags",
            "status",
            "publish_at",
            "unpublish_at",
            "updated_at",
            "is_breaking",
            "breaking_until",
            "seo_title",
            "meta_description",
            "social_headline",
            "social_image",
        ]
        widgets = char_counts.WIDGETS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields[
                "slug"
            ].help_text = (
                "The story's address on the site; made from the headline when empty."
            )
        zone = timezone.get_current_timezone_name()
        for name in ("publish_at", "updated_at", "breaking_until"):
            if name in self.fields:
                field = self.fields[name]
                field.help_text = f"{field.help_text} Newsroom time ({zone})."

    def clean(self):
        cleaned = super().clean()
        now = timezone.now()
        if self.instance.pk:
            self.check_version(cleaned)
            # The form shows whole seconds; an unchanged time must stay unchanged.
            for name in ("publish_at", "updated_at", "breaking_until"):
                stored = getattr(self.instance, name)
                if stored and cleaned.get(name) == stored.replace(microsecond=0):
                    cleaned[name] = stored
        if (
            "slug" in self.fields
            and not cleaned.get("slug")
            and cleaned.get("headline")
        ):
            cleaned["slug"] = unique_slug(
                cleaned["headline"], exclude_pk=self.instance.pk
            )
        status = cleaned.get("status", self.instance.status)
        # Only a proposal, for the checks below: the publishing module decides on save.
        cleaned["publish_at"] = publishing.publish_time(
            status, cleaned.get("publish_at", self.instance.publish_at), now=now
        )
        if cleaned.get("is_breaking") and not cleaned.get("breaking_until"):
            start = max(cleaned.get("publish_at") or now, now)
            cleaned["breaking_until"] = start + BREAKING_DEFAULT_DURATION
            self.instance.breaking_until = cleaned["breaking_until"]
        if (
            cleaned.get("is_breaking")
            and "breaking_until" in self.changed_data
            and cleaned["breaking_until"] <= now
        ):
            self.add_error(
                "breaking_until", "That time has passed; the banner would not show."
            )
        if status == Article.Status.PUBLISHED:
            authors = self.submitted_author_ids()
            problems = self.candidate(cleaned).publication_problems(
                author_count=None if authors is None else len(authors)
            )
            if problems:
                raise ValidationError(
                    "Before it can be published or scheduled, the story needs "
                    + ", ".join(problems)
                    + ".",
                    code="checklist",
                )
        return cleaned

    @property
    def changed_data(self):
        # The version fields steer the save; they are not part of the story.
        return [
            name
            for name in super().changed_data
            if name not in ("loaded_version", "seen_version", "overwrite")
        ]

    def clean_tags(self):
        names = self.cleaned_data["tags"]
        too_long = [
            name
            for name in names
            if len(name) > TAG_NAME_LENGTH or len(Tag().slugify(name)) > TAG_SLUG_LENGTH
        ]
        if too_long:
            raise ValidationError(
                f"“{too_long[0][:40]}…” is too long for a tag: at most "
                f"{TAG_NAME_LENGTH} characters (this one has {len(too_long[0])}), and "
                f"an address of at most {TAG_SLUG_LENGTH}. Tags are a few words; put "
                "the rest in the standfirst.",
                code="tag_too_long",
            )
        # A tag merged away comes back as the tag it became, not as a duplicate.
        return revisions.surviving_tag_names(names)

    def candidate(self, cleaned):
        """The story as it would be saved, without touching the instance yet."""
        story = copy.copy(self.instance)
        for name in ("headline", "dek", "body", "section", "lead_image", "is_breaking"):
            if name in cleaned:
                setattr(story, name, cleaned[name])
        return story

    def submitted_author_ids(self):
        """Authors in the byline being saved, in order; None when none was sent."""
        try:
            total = min(int(self.data["bylines-TOTAL_FORMS"]), MAX_BYLINE_FORMS)
        except (KeyError, ValueError):
            return None
        rows = []
        for index in range(total):
            prefix = f"bylines-{index}-"
            author = self.data.get(prefix + "author")
            if not author or self.data.get(prefix + "DELETE"):
                continue
            try:
                position = int(self.data.get(prefix + "position") or 0)
                rows.append((position, index, int(author)))
            except ValueError:
                continue
        return [author for _, _, author in sorted(rows)]

    def check_version(self, cleaned):
        # Locks the row until this save commits (PostgreSQL), so two saves cannot
        # both pass this check.
        current = Article.objects.select_for_update().get(pk=self.instance.pk)
        self.checked_version = current.version
        loaded = cleaned.get("loaded_version")
        if loaded == current.version:
            return
        if cleaned.get("overwrite") and cleaned.get("seen_version") == current.version:
            user = current.modified_by
            self.overwrote = (
                f"Saved over version {current.version}"
                + (f" by {user.get_full_name() or user.get_username()}" if user else "")
                + " after seeing their changes"
            )
            return
        self.conflict = Conflict.between(self, current, loaded, cleaned)
        raise ValidationError(self.conflict.message, code="stale")

    def snapshot(self, cleaned, current):
        """The editor's unsaved story in the shape revisions are compared in."""
        mine = revisions.current_snapshot(current)
        for name in ("headline", "slug", "dek", "body", "status"):
            if name in cleaned:
                mine[name] = cleaned[name]
        for name in ("publish_at", "updated_at", "breaking_until"):
            if name in cleaned:
                mine[name] = revisions.whole_seconds(cleaned[name])
        if "is_breaking" in cleaned:
            mine["is_breaking"] = cleaned["is_breaking"]
        for name in ("section", "lead_image"):
            if name in cleaned:
                mine[name] = cleaned[name].pk if cleaned[name] else None
        if "tags" in cleaned:
            mine["tags"] = revisions.tag_key(cleaned["tags"])
        authors = self.submitted_author_ids()
        if authors is not None:
            mine["authors"] = tuple(authors)
        return mine


@dataclass
class Conflict:
    """Someone saved the story after this editor opened it."""

    saved_by: str
    saved_at: datetime
    version: int
    loaded_version: int | None
    their_changes: list
    your_overwrite: list

    @property
    def message(self):
        when = date_format(timezone.localtime(self.saved_at), "H:i T, j M")
        return (
            f"{self.saved_by} saved this story at {when}, after you opened it. "
            "Nothing from your form has been saved; see what changed below."
        )

    @classmethod
    def between(cls, form, current, loaded, cleaned):
        theirs = revisions.current_snapshot(current)
        mine = form.snapshot(cleaned, current)
        base = (
            revisions.snapshot_at_version(current, loaded)
            if loaded is not None
            else None
        )
        their_changes = []
        if base is not None:
            for change in revisions.changes(base, theirs):
                change.you_too = mine.get(change.key) != base.get(change.key)
                their_changes.append(change)
        user = current.modified_by
        return cls(
            saved_by=(user.get_full_name() or user.get_username())
            if user
            else "Someone",
            saved_at=current.modified_at,
            version=current.version,
            loaded_version=loaded,
            their_changes=their_changes,
            your_overwrite=revisions.changes(theirs, mine),
        )


class BreakingToggleForm(forms.ModelForm):
    """The change list's breaking checkbox: switching it on gives the usual expiry."""

    class Meta:
        model = Article
        fields = ["is_breaking"]

    def clean(self):
        cleaned = super().clean()
        now = timezone.now()
        until = self.instance.breaking_until
        if cleaned.get("is_breaking") and (until is None or until <= now):
            start = max(self.instance.publish_at or now, now)
            self.instance.breaking_until = start + BREAKING_DEFAULT_DURATION
        return cleaned


class NoteForm(PlainTextForm):
    class Meta:
        model = Note
        fields = ["kind", "created_at", "is_substantive", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean_created_at(self):
        value = self.cleaned_data["created_at"]
        if value and value > timezone.now() + timedelta(minutes=5):
            raise ValidationError("A note cannot be dated in the future.")
        return value


class TagMergeForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        widget=forms.RadioSelect,
        label="Keep this tag",
        help_text="The others are merged into it; their addresses redirect to it.",
        empty_label=None,
    )

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = tags


class ImageForm(PlainTextForm):
    """Upload or edit a picture; every problem with the file becomes a form error."""

    # A plain file field: Django's ImageField would decode the upload with its own,
    # vaguer message before ours could name the problem.
    file = forms.FileField(
        label="Picture",
        error_messages={
            "empty": f"The file is empty. Choose a {images.ACCEPTED_LABEL} image."
        },
    )

    class Meta:
        model = Image
        fields = ["file", "focal_x", "focal_y", "alt_text", "caption", "credit"]
        help_texts = {
            "alt_text": (
                "Required. What the picture shows, for readers who cannot see it: "
                "“Firefighters carry a hose past a burning warehouse”, not “Image of "
                "fire”. Don’t repeat the caption."
            ),
            "caption": (
                "Shown under the picture on the story page. Left empty, the caption "
                "embedded in the file (IPTC/XMP) is used when there is one."
            ),
            "credit": (
                "Required. Shown as “Picture source: …”: photographer and agency, or "
                "“Newsroom illustration”. Left empty, the credit embedded in the file "
                "is used when there is one."
            ),
            "focal_x": "0 is the left edge, 1 the right. Click the preview to set both.",
            "focal_y": "0 is the top, 1 the bottom. Crops keep this point in view.",
        }
        widgets = {
            "focal_x": forms.NumberInput(attrs={"step": "0.01", "min": 0, "max": 1}),
            "focal_y": forms.NumberInput(attrs={"step": "0.01", "min": 0, "max": 1}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared = None
        # What the editor should hear about after saving (metadata used, animation).
        self.notes = []
        if "credit" not in self.fields:
            # The read-only view of a picture the user may not change: nothing to set.
            return
        max_bytes = settings.NEWSROOM_IMAGE_MAX_BYTES
        max_pixels = settings.NEWSROOM_IMAGE_MAX_PIXELS
        self.fields["file"].help_text = (
            f"{images.ACCEPTED_LABEL}, up to {images.megabytes(max_bytes)} and "
            f"{max_pixels / 1e6:.0f} megapixels. The GPS position and all other "
            "metadata are removed and the picture is turned upright. An animated GIF "
            "shows its first frame, as a still."
        )
        self.fields["file"].widget.attrs["accept"] = ",".join(
            f"image/{name.lower()}" for name in images.ACCEPTED
        )
        # With a new upload, an empty credit may still be filled from the file's
        # metadata: clean() requires it then.
        self.fields["credit"].required = not self.files.get(self.add_prefix("file"))

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # the picture already stored, unchanged
        self.prepared = images.prepare(
            upload,
            max_bytes=settings.NEWSROOM_IMAGE_MAX_BYTES,
            max_pixels=settings.NEWSROOM_IMAGE_MAX_PIXELS,
        )
        return ContentFile(self.prepared.content, name=self.prepared.name)

    def clean(self):
        cleaned = super().clean()
        if prepared := self.prepared:
            for field in ("credit", "caption"):
                embedded = getattr(prepared, field)
                if embedded and not cleaned.get(field):
                    cleaned[field] = embedded
                    self.notes.append(f"The {field} “{embedded}” came from the file.")
            if prepared.animated:
                self.notes.append(
                    "The picture is animated; the site shows its first frame as a still."
                )
        if not cleaned.get("credit") and "credit" not in self.errors:
            self.add_error(
                "credit",
                "Say where the picture comes from: photographer and agency, or "
                "“Newsroom illustration”. The file carries no credit to use.",
            )
        return cleaned

    def save(self, commit=True):
        if self.prepared:
            self.instance.width = self.prepared.width
            self.instance.height = self.prepared.height
        return super().save(commit)
