"""Tag hygiene: merging duplicate tags without losing a story or an address."""

from django.db import transaction
from django.db.models import Exists, OuterRef
from taggit.models import Tag

from .models import Article, TaggedArticle, TagRedirect


def visible_tags():
    """Tags on at least one published story; others must not reveal they exist.

    A semi-join per tag that stops at its first published story, by index: looking
    one tag up costs the same at any archive size, and no DISTINCT runs over every
    tagging.
    """
    return Tag.objects.filter(
        Exists(
            TaggedArticle.objects.filter(
                tag=OuterRef("pk"),
                content_object__in=Article.objects.published(),
            )
        )
    )


@transaction.atomic
def merge_tags(survivor: Tag, others) -> list[int]:
    """Move every story of ``others`` onto ``survivor``, delete ``others`` and leave
    their slugs redirecting to it. Returns the ids of the stories that changed."""
    others = [tag for tag in others if tag.pk != survivor.pk]
    changed = set()
    for tag in others:
        items = TaggedArticle.objects.filter(tag=tag)
        changed.update(items.values_list("content_object_id", flat=True))
        already = set(
            TaggedArticle.objects.filter(tag=survivor).values_list(
                "content_object_id", flat=True
            )
        )
        for item in items:
            if item.content_object_id in already:
                item.delete()
            else:
                item.tag = survivor
                item.save(update_fields=["tag"])
        # Redirects that pointed at the merged tag follow it to the survivor.
        TagRedirect.objects.filter(tag=tag).update(tag=survivor)
        TagRedirect.objects.update_or_create(
            old_slug=tag.slug, defaults={"tag": survivor, "old_name": tag.name}
        )
        tag.delete()
    TagRedirect.objects.filter(old_slug=survivor.slug).delete()
    # publishing.merge_tags makes the changed stories' open forms stale.
    return sorted(changed)
