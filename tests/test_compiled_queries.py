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
