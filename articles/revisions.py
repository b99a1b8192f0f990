"""Story revisions, kept by django-reversion: what a revision held, how two states differ,
and restoring one as a new save.

A revision stores the article row plus its byline rows and tag links (with the tags'
names, so a revision still reads right after a tag is merged away).
"""

import difflib
import re
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from .models import Article, Author, Byline, Image, Section, TaggedArticle, TagRedirect
from .plain_text import html_to_text

reversion.register(
    Article,
    exclude=["tags", "authors", "body_text"],
    follow=["bylines", "tagged_items"],
)
reversion.register(Byline)
reversion.register(TaggedArticle, follow=["tag"])
# Revisions saved before tags moved to TaggedArticle hold taggit's generic rows.
reversion.register(TaggedItem, follow=["tag"])
reversion.register(Tag)

FIELDS = {
    "headline": "Headline",
    "slug": "Address (slug)",
    "dek": "Standfirst",
    "body": "Body",
    "section": "Section",
    "lead_image": "Lead image",
    "authors": "Authors",
    "tags": "Tags",
    "status": "Status",
    "publish_at": "Publish at",
    "unpublish_at": "Unpublish at",
    "updated_at": "Updated",
    "is_breaking": "Breaking",
    "breaking_until": "Breaking until",
}
TEXT_FIELDS = {"headline", "slug", "dek", "body"}
# Restoring brings back the words and what frames them; the address and the
# publication settings stay as they are, so a restore never publishes or unpublishes.
RESTORED_FIELDS = [
    "headline",
    "dek",
    "body",
    "section",
    "lead_image",
    "authors",
    "tags",
]


def current_snapshot(article):
    """The story as saved now, in the shape revisions are compared in."""
    return {
        "headline": article.headline,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "section": article.section_id,
        "lead_image": article.lead_image_id,
        "authors": tuple(
            article.bylines.order_by("position", "pk").values_list(
                "author_id", flat=True
            )
        ),
        "tags": tag_key(article.tags.values_list("name", flat=True)),
        "status": article.status,
        "publish_at": whole_seconds(article.publish_at),
        "unpublish_at": whole_seconds(article.unpublish_at),
        "updated_at": whole_seconds(article.updated_at),
        "is_breaking": article.is_breaking,
        "breaking_until": whole_seconds(article.breaking_until),
    }


def whole_seconds(moment):
    # Editors see seconds, and the serializer keeps only milliseconds.
    return moment.replace(microsecond=0) if moment else None


def version_snapshot(version):
    """The story as one reversion ``Version`` of it recorded it."""
    data = version.field_dict
    article_id = int(version.object_id)
    byline_ct = ContentType.objects.get_for_model(Byline)
    item_ct = ContentType.objects.get_for_model(TaggedItem)
    tagged_ct = ContentType.objects.get_for_model(TaggedArticle)
    tag_ct = ContentType.objects.get_for_model(Tag)
    article_ct = ContentType.objects.get_for_model(Article)
    bylines, tag_ids, tag_names = [], [], {}
    for sibling in version.revision.version_set.all():
        if sibling.content_type_id == byline_ct.pk:
            fields = sibling.field_dict
            if fields["article_id"] == article_id:
                bylines.append((fields["position"], fields["id"], fields["author_id"]))
        elif sibling.content_type_id == tagged_ct.pk:
            fields = sibling.field_dict
            if fields["content_object_id"] == article_id:
                tag_ids.append(fields["tag_id"])
        elif sibling.content_type_id == item_ct.pk:
            fields = sibling.field_dict
            if (
                int(fields["object_id"]) == article_id
                and fields["content_type_id"] == article_ct.pk
            ):
                tag_ids.append(fields["tag_id"])
        elif sibling.content_type_id == tag_ct.pk:
            tag_names[int(sibling.object_id)] = sibling.field_dict["name"]
    missing = [pk for pk in tag_ids if pk not in tag_names]
    tag_names.update(Tag.objects.filter(pk__in=missing).values_list("pk", "name"))
    return {
        "headline": data["headline"],
        "slug": data["slug"],
        "dek": data["dek"],
        "body": data["body"],
        "section": data["section_id"],
        "lead_image": data["lead_image_id"],
        "authors": tuple(author for _, _, author in sorted(bylines)),
        "tags": tag_key(tag_names[pk] for pk in tag_ids if pk in tag_names),
        "status": data["status"],
        "publish_at": whole_seconds(data["publish_at"]),
        # Revisions from before the field existed had no end.
        "unpublish_at": whole_seconds(data.get("unpublish_at")),
        "updated_at": whole_seconds(data["updated_at"]),
        "is_breaking": data["is_breaking"],
        "breaking_until": whole_seconds(data["breaking_until"]),
    }


def tag_key(names):
    return tuple(sorted(set(names), key=str.casefold))


def history(article):
    """The story's revisions, newest first, each with its ``Version`` and number."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def snapshot_at_version(article, number, *, look_back=50):
    """The recorded state whose ``version`` counter was ``number``, if one was kept."""
    for version in history(article)[:look_back]:
        if version.field_dict.get("version") == number:
            return version_snapshot(version)
    return None


def ensure_baseline(articles, *, comment="Saved before revisions were kept"):
    """Record the present state of stories that have no revision yet.

    Stories created outside the admin (imports, the demo loader) would otherwise lose
    their pre-edit text on the first save.
    """
    articles = [article for article in articles if article.pk]
    if not articles:
        return
    known = set(
        Version.objects.get_for_model(Article)
        .filter(object_id__in=[str(article.pk) for article in articles])
        .values_list("object_id", flat=True)
    )
    for article in articles:
        if str(article.pk) in known:
            continue
        with reversion.create_revision():
            reversion.set_user(article.modified_by)
            reversion.set_date_created(article.modified_at or timezone.now())
            reversion.set_comment(comment)
            reversion.add_to_revision(article)


@dataclass
class FieldChange:
    key: str
    label: str
    before: str
    after: str
    diff: SafeString


class Describer:
    """Turns snapshot values into what an editor reads, with one query per kind."""

    def __init__(self, *snapshots):
        def ids(key):
            values = set()
            for snapshot in snapshots:
                value = snapshot.get(key)
                if isinstance(value, tuple):
                    values.update(value)
                elif value is not None:
                    values.add(value)
            return values

        self.sections = dict(
            Section.objects.filter(pk__in=ids("section")).values_list("pk", "name")
        )
        self.images = {
            image.pk: image for image in Image.objects.filter(pk__in=ids("lead_image"))
        }
        self.authors = dict(
            Author.objects.filter(pk__in=ids("authors")).values_list("pk", "name")
        )

    def __call__(self, key, value):
        if key in ("publish_at", "updated_at", "breaking_until"):
            return local_time(value) if value else "—"
        if key == "is_breaking":
            return "Yes" if value else "No"
        if key == "status":
            return Article.Status(value).label if value else "—"
        if key == "section":
            if value is None:
                return "—"
            return self.sections.get(value, f"(deleted section #{value})")
        if key == "lead_image":
            if value is None:
                return "—"
            image = self.images.get(value)
            return str(image) if image else f"(deleted image #{value})"
        if key == "authors":
            names = [self.authors.get(pk, f"(deleted author #{pk})") for pk in value]
            return ", ".join(names) or "—"
        if key == "tags":
            return ", ".join(value) or "—"
        if key == "body":
            return html_to_text(value or "")
        return value or ""


def local_time(moment):
    return date_format(timezone.localtime(moment), "j M Y, H:i T")


def changes(before, after):
    """Field by field, what differs between two snapshots, with a word diff for text."""
    describe = Describer(before, after)
    result = []
    for key, label in FIELDS.items():
        if before.get(key) == after.get(key):
            continue
        old, new = describe(key, before.get(key)), describe(key, after.get(key))
        if key in TEXT_FIELDS:
            diff = word_diff(old, new)
            if old == new:
                diff = mark_safe(
                    escape(new) + '<p class="diff-note">Formatting or links changed; '
                    "the words are the same.</p>"
                )
        else:
            diff = mark_safe(
                f"<del>{escape(old)}</del> → <ins>{escape(new)}</ins>"
                if old != "—"
                else f"<ins>{escape(new)}</ins>"
            )
        result.append(FieldChange(key, label, old, new, diff))
    return result


TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
REWRITE_RATIO = 0.5


def word_diff(old, new):
    """``old`` and ``new`` as one text, removed words in <del>, added ones in <ins>."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if a and b and matcher.ratio() < REWRITE_RATIO:
        # Mostly rewritten: word-by-word marks would be noise; show old, then new.
        return mark_safe(f"<del>{escape(old)}</del> <ins>{escape(new)}</ins>")
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(parts))


def surviving_tag_names(names):
    """Names as they are now: a tag merged away is replaced by the one it became."""
    redirects = {
        redirect.old_name.casefold(): redirect.tag.name
        for redirect in TagRedirect.objects.select_related("tag")
    }
    return [redirects.get(name.casefold(), name) for name in names]


@dataclass
class Restoration:
    """What a revision brings back besides the story's own fields."""

    authors: list
    tag_names: list
    skipped: list


def restore(article, version):
    """Put a revision's words, picture and section on ``article`` (not saved yet).

    Returns the byline and tags to save with it (``restore_related``) and what could
    not come back (a deleted section, image or author). The publishing module saves
    the story and checks the result before committing.
    """
    snapshot = version_snapshot(version)
    skipped = []
    article.headline = snapshot["headline"]
    article.dek = snapshot["dek"]
    article.body = snapshot["body"]
    if (
        snapshot["section"] is None
        or Section.objects.filter(pk=snapshot["section"]).exists()
    ):
        article.section_id = snapshot["section"]
    else:
        skipped.append("its section, which has been deleted")
    if (
        snapshot["lead_image"] is None
        or Image.objects.filter(pk=snapshot["lead_image"]).exists()
    ):
        article.lead_image_id = snapshot["lead_image"]
    else:
        skipped.append("its lead image, which has been deleted")
    authors = [
        pk for pk in snapshot["authors"] if Author.objects.filter(pk=pk).exists()
    ]
    if len(authors) < len(snapshot["authors"]):
        skipped.append("an author who has been deleted")
    return Restoration(authors, surviving_tag_names(snapshot["tags"]), skipped)


def restore_related(article, restoration):
    """Save the byline and tags of a restored revision on the saved ``article``."""
    article.bylines.all().delete()
    Byline.objects.bulk_create(
        Byline(article=article, author_id=pk, position=position)
        for position, pk in enumerate(restoration.authors)
    )
    article.tags.set(restoration.tag_names)
