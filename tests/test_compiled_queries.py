"""Queries compiled once answer for the values of each call, never the first's."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Value
from django.utils import timezone

from articles.compiled_queries import CompiledQuery
from articles.models import Article


def published_by(*, now, section_ids):
    return (
        Article.objects.published(now)
        .filter(section_id__in=section_ids)
        .order_by("headline")
        .values_list("headline", "publish_at")
    )


def test_each_call_binds_its_own_instant_and_ids(make_article, make_section):
    europe, world = make_section(name="Europe"), make_section(name="World")
    now = timezone.now()
    make_article(
        headline="Earlier", section=europe, publish_at=now - timedelta(hours=2)
    )
    make_article(headline="Later", section=world, publish_at=now - timedelta(minutes=5))
    query = CompiledQuery(Article, published_by)

    an_hour_ago = query.rows(
        now=now - timedelta(hours=1), section_ids=[europe.pk, world.pk]
    )
    now_rows = query.rows(now=now, section_ids=[europe.pk, world.pk])
    world_only = query.rows(now=now, section_ids=[world.pk])

    assert [headline for headline, _ in an_hour_ago] == ["Earlier"]
    assert [headline for headline, _ in now_rows] == ["Earlier", "Later"]
    assert [headline for headline, _ in world_only] == ["Later"]
    # Rows come back converted as the ORM would: aware instants on every database.
    assert now_rows[0][1] == now - timedelta(hours=2)
    assert len(query.compiled) == 2  # one per length of the id list


def test_a_value_written_into_the_sql_is_refused(db):
    def inlined(*, now):
        return Article.objects.annotate(asked=Value(now.year)).values_list("asked")

    with pytest.raises(ImproperlyConfigured):
        CompiledQuery(Article, inlined).rows(now=timezone.now())


def story_at(*, slug, now):
    return (
        Article.objects.published(now)
        .select_related("section")
        .prefetch_related("tags")
        .filter(slug=slug)
    )


def test_objects_are_the_instances_of_each_calls_own_slug(
    make_article, make_section, django_assert_num_queries
):
    europe, world = make_section(name="Europe"), make_section(name="World")
    make_article(slug="frigates", section=europe, tags=["navy", "baltic"])
    make_article(slug="ceasefire", section=world, tags=["diplomacy"])
    query = CompiledQuery(Article, story_at)

    with django_assert_num_queries(2):  # the story with its section, then its tags
        (frigates,) = query.objects(slug="frigates", now=timezone.now())
        assert frigates.section.name == "Europe"
        assert [tag.name for tag in frigates.tags.all()] == ["navy", "baltic"]
    (ceasefire,) = query.objects(slug="ceasefire", now=timezone.now())

    assert ceasefire.slug == "ceasefire"
    assert ceasefire.section == world
    assert query.objects(slug="no-such-story", now=timezone.now()) == []
    # An instance as the ORM makes it: fields converted, and saved as an update.
    assert ceasefire.publish_at.tzinfo is not None
    ceasefire.headline = "Ceasefire holds"
    ceasefire.save(update_fields=["headline"])
    assert Article.objects.get(slug="ceasefire").headline == "Ceasefire holds"
    assert len(query.compiled) == 1


def test_objects_follow_the_instant_of_each_call(make_article):
    now = timezone.now()
    make_article(slug="embargoed", publish_at=now + timedelta(hours=1))
    query = CompiledQuery(Article, story_at)

    assert query.objects(slug="embargoed", now=now) == []
    assert len(query.objects(slug="embargoed", now=now + timedelta(hours=2))) == 1


def test_a_text_value_the_orm_rewrites_is_refused(db):
    def containing(*, text):
        return Article.objects.filter(headline__contains=text)

    with pytest.raises(ImproperlyConfigured):
        CompiledQuery(Article, containing).objects(text="budget")


def test_objects_of_a_values_query_is_refused(db):
    with pytest.raises(ImproperlyConfigured):
        CompiledQuery(Article, published_by).objects(
            now=timezone.now(), section_ids=[1]
        )
