"""The desk dashboard: the admin's home page, per role, at a fixed cost."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = (
    Article.Status.DRAFT,
    Article.Status.REVIEW,
    Article.Status.PUBLISHED,
)


@pytest.fixture
def desk(make_article, make_section, reporter, other_reporter):
    now = timezone.now()
    section = make_section(name="Europe")
    made = {
        "breaking": make_article(
            headline="Explosions heard in the port",
            section=section,
            is_breaking=True,
            breaking_until=now + timedelta(minutes=90),
        ),
        "banner over": make_article(
            headline="Yesterday's alert",
            is_breaking=True,
            breaking_until=now - timedelta(minutes=5),
        ),
        "soon": make_article(
            headline="Budget vote at noon", publish_at=now + timedelta(hours=3)
        ),
        "later": make_article(
            headline="Weekend feature", publish_at=now + timedelta(hours=30)
        ),
        "review mine": make_article(
            headline="Reporter's port story", status=REVIEW, created_by=reporter
        ),
        "review theirs": make_article(
            headline="Other reporter's rail strike",
            status=REVIEW,
            created_by=other_reporter,
        ),
        "draft mine": make_article(
            headline="Half-written harbour piece", status=DRAFT, created_by=reporter
        ),
        "draft theirs": make_article(
            headline="Someone else's draft", status=DRAFT, created_by=other_reporter
        ),
    }
    return made


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def block(response, key):
    return next(b for b in response.context["desk"] if b.key == key)


def headlines(response, key):
    return [story.headline for story in block(response, key).stories]


def test_editor_dashboard_shows_every_block_with_counts(desk, desk_editor):
    response = logged_in(desk_editor).get("/admin/")
    assert response.status_code == 200
    assert headlines(response, "breaking") == ["Explosions heard in the port"]
    assert headlines(response, "scheduled") == ["Budget vote at noon"]
    assert sorted(headlines(response, "review")) == [
        "Other reporter's rail strike",
        "Reporter's port story",
    ]
    assert block(response, "review").count == 2
    assert headlines(response, "drafts") == []
    assert "Explosions heard in the port" in headlines(response, "published")
    assert "Weekend feature" not in headlines(response, "published")
    page = response.text
    assert "New story" in page
    assert "left" in page  # the banner's time left
    assert "?state=review" in page
    assert f"/admin/articles/article/{desk['breaking'].pk}/change/" in page


def test_reporter_dashboard_shows_their_own_review_queue_and_drafts(desk, reporter):
    response = logged_in(reporter).get("/admin/")
    assert headlines(response, "review") == ["Reporter's port story"]
    assert headlines(response, "drafts") == ["Half-written harbour piece"]
    assert block(response, "drafts").link.endswith("state=draft&whose=mine")
    # The "mine" filter the link uses shows the same stories.
    listing = logged_in(reporter).get(block(response, "drafts").link)
    assert [s.headline for s in listing.context["cl"].result_list] == [
        "Half-written harbour piece"
    ]


def test_byline_makes_a_draft_mine_too(desk, make_author, reporter):
    from articles.models import Byline

    author = make_author(name="Reporter Byline", user=reporter)
    Byline.objects.create(article=desk["draft theirs"], author=author)
    response = logged_in(reporter).get("/admin/")
    assert sorted(headlines(response, "drafts")) == [
        "Half-written harbour piece",
        "Someone else's draft",
    ]


def test_scheduled_times_are_in_newsroom_time(desk, desk_editor, settings):
    settings.TIME_ZONE = "Europe/Istanbul"
    from django.utils import timezone as tz

    tz.activate("Europe/Istanbul")
    try:
        page = logged_in(desk_editor).get("/admin/").text
    finally:
        tz.deactivate()
    local = tz.localtime(desk["soon"].publish_at, tz.get_fixed_timezone(180))
    assert local.strftime("%H:%M") in page


def queries_for(user):
    client = logged_in(user)
    client.get("/admin/")  # session and permission caches warm
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/admin/").status_code == 200
    return len(captured)


# Session, user, (for a role) its groups' and own permissions, one count for all
# six blocks, one list per block, the unread count in the header and the
# recent-actions log: nothing per story.
@pytest.mark.parametrize(
    ("role", "expected"), [("desk_editor", 14), ("reporter", 14), ("editor", 12)]
)
def test_dashboard_costs_a_fixed_number_of_queries(
    role, expected, request, desk, make_article
):
    user = request.getfixturevalue(role)
    few = queries_for(user)
    assert few == expected
    now = timezone.now()
    for n in range(12):
        make_article(
            headline=f"More breaking {n}",
            is_breaking=True,
            breaking_until=now + timedelta(hours=1),
        )
        make_article(
            headline=f"More scheduled {n}", publish_at=now + timedelta(hours=2)
        )
        make_article(headline=f"More review {n}", status=REVIEW, created_by=user)
        make_article(headline=f"More drafts {n}", status=DRAFT, created_by=user)
    assert queries_for(user) == expected
