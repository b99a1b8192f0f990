"""Moving tags to the TaggedArticle through model keeps every tag and tagging."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("articles", "0007_search_vector")]
AFTER = [("articles", "0008_tagged_article")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def taggings_of(apps):
    TaggedArticle = apps.get_model("articles", "TaggedArticle")
    return sorted(
        TaggedArticle.objects.values_list("content_object__slug", "tag__name")
    )


def generic_taggings_of(apps):
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    Article = apps.get_model("articles", "Article")
    slugs = dict(Article.objects.values_list("pk", "slug"))
    return sorted(
        (slugs[object_id], name)
        for object_id, name in TaggedItem.objects.values_list("object_id", "tag__name")
    )


@pytest.fixture
def archive_before_the_move(transactional_db):
    apps = migrate(BEFORE)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Article = apps.get_model("articles", "Article")
    Tag = apps.get_model("taggit", "Tag")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    article_type, _ = ContentType.objects.get_or_create(
        app_label="articles", model="article"
    )
    tags = [Tag.objects.create(name=n, slug=n.lower()) for n in ("NATO", "Baltic")]
    stories = [Article.objects.create(headline=s, slug=s) for s in ("one", "two")]
    for story, story_tags in zip(stories, [tags, tags[:1]], strict=True):
        for tag in story_tags:
            TaggedItem.objects.create(
                content_type=article_type, object_id=story.pk, tag=tag
            )
    # A generic row can outlive its story; it has nothing to join to afterwards.
    TaggedItem.objects.create(content_type=article_type, object_id=999_999, tag=tags[1])
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_every_tagging_moves_to_the_through_model_and_back(archive_before_the_move):
    expected = [("one", "Baltic"), ("one", "NATO"), ("two", "NATO")]

    after = migrate(AFTER)
    assert taggings_of(after) == expected
    assert after.get_model("taggit", "TaggedItem").objects.count() == 0
    assert sorted(
        after.get_model("taggit", "Tag").objects.values_list("name", flat=True)
    ) == ["Baltic", "NATO"]

    before = migrate(BEFORE)
    assert generic_taggings_of(before) == expected
    assert "articles_taggedarticle" not in connection.introspection.table_names()
