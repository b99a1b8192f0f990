"""Tags join stories through a real foreign key (taggit's custom through model).

Every existing tagging moves from taggit's generic ``TaggedItem`` to ``TaggedArticle``
and back again on reverse; a generic row pointing at a story that no longer exists
has nothing to join to and is dropped.
"""

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models

BATCH = 2000


def article_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.filter(app_label="articles", model="article").first()


def to_foreign_key(apps, schema_editor):
    content_type = article_type(apps)
    if content_type is None:
        return
    Article = apps.get_model("articles", "Article")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    TaggedArticle = apps.get_model("articles", "TaggedArticle")
    generic = TaggedItem.objects.filter(content_type=content_type)
    existing = Article.objects.values("pk")
    rows = (
        generic.filter(object_id__in=existing)
        .order_by("pk")
        .values_list("object_id", "tag_id")
    )
    batch = []
    for object_id, tag_id in rows.iterator(chunk_size=BATCH):
        batch.append(TaggedArticle(content_object_id=object_id, tag_id=tag_id))
        if len(batch) == BATCH:
            TaggedArticle.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    TaggedArticle.objects.bulk_create(batch, ignore_conflicts=True)
    generic.delete()


def to_generic(apps, schema_editor):
    TaggedArticle = apps.get_model("articles", "TaggedArticle")
    if not TaggedArticle.objects.exists():
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="articles", model="article"
    )
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    rows = TaggedArticle.objects.order_by("pk").values_list("content_object_id", "tag_id")
    batch = []
    for article_id, tag_id in rows.iterator(chunk_size=BATCH):
        batch.append(
            TaggedItem(content_type=content_type, object_id=article_id, tag_id=tag_id)
        )
        if len(batch) == BATCH:
            TaggedItem.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    TaggedItem.objects.bulk_create(batch, ignore_conflicts=True)
    TaggedArticle.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_search_vector"),
        ("contenttypes", "0002_remove_content_type_name"),
        (
            "taggit",
            "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
        ),
    ]

    operations = [
        migrations.CreateModel(
            name="TaggedArticle",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "content_object",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tagged_items",
                        to="articles.article",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="taggit.tag",
                    ),
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="taggedarticle",
            index=models.Index(
                fields=["tag", "content_object"], name="tagged_article_by_tag"
            ),
        ),
        migrations.AddConstraint(
            model_name="taggedarticle",
            constraint=models.UniqueConstraint(
                fields=("content_object", "tag"), name="tag_once_per_story"
            ),
        ),
        migrations.RunPython(to_foreign_key, to_generic, elidable=False),
        migrations.AlterField(
            model_name="article",
            name="tags",
            field=taggit.managers.TaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="articles.TaggedArticle",
                to="taggit.Tag",
                verbose_name="Tags",
            ),
        ),
    ]
