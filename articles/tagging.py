"""Tag hygiene: merging duplicate tags without losing a story or an address."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from taggit.models import Tag, TaggedItem

from .models import Article, TagRedirect


def visible_tags():
    """Tags on at least one published story; others must not reveal they exist."""
    return Tag.objects.filter(
        taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(
            Article
        ),
        taggit_taggeditem_items__object_id__in=Article.objects.published().values("pk"),
    ).distinct()


@transaction.atomic
def merge_tags(survivor: Tag, others) -> list[int]:
    """Move every story of ``others`` onto ``survivor``, delete ``others`` and leave
    their slugs redirecting to it. Returns the ids of the stories that changed."""
    others = [tag for tag in others if tag.pk != survivor.pk]
    article_type = ContentType.objects.get_for_model(Article)
    changed = set()
    for tag in others:
        items = TaggedItem.objects.filter(tag=tag)
        changed.update(
            items.filter(content_type=article_type).values_list("object_id", flat=True)
        )
        already = TaggedItem.objects.filter(tag=survivor).values_list(
            "content_type_id", "object_id"
        )
        already = set(already)
        for item in items:
            if (item.content_type_id, item.object_id) in already:
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
