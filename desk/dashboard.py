"""The desk's home page: what needs someone now, for the person looking.

One query counts every block, one query per block lists its first stories; the page
costs the same with ten stories or twenty thousand.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline
from articles.models.story import breaking_lookups, state_lookups

from .models import Comment

SHOWN = 8
SCHEDULED_AHEAD = timedelta(hours=24)


@dataclass
class Block:
    key: str
    title: str
    empty: str
    count: int
    stories: list
    link: str


def own(user) -> Q:
    """Stories the user started or has a byline on (permissions.is_own, as a filter)."""
    return Q(created_by=user) | Q(
        pk__in=Byline.objects.filter(author__user=user).values("article")
    )


def filters(user, now) -> dict[str, Q]:
    states = state_lookups(now)
    open_threads = Comment.objects.filter(parent=None, resolved_at=None)
    mine = own(user)
    review = Q(**states["review"])
    if not user.has_perm("articles.edit_any_article"):
        # A reporter's review queue is their own stories waiting for an editor.
        review &= mine
    return {
        "breaking": Q(**states["published"], **breaking_lookups(now)),
        "scheduled": Q(**states["scheduled"], publish_at__lte=now + SCHEDULED_AHEAD),
        "review": review,
        "drafts": Q(**states["draft"]) & mine,
        "published": Q(**states["published"]),
        "comments": Q(pk__in=open_threads.values("article"))
        & (Q() if user.has_perm("articles.edit_any_article") else mine),
    }


ORDER = {
    "breaking": ["breaking_until", "pk"],
    "scheduled": ["publish_at", "pk"],
    "review": ["-modified_at", "-pk"],
    "drafts": ["-modified_at", "-pk"],
    "published": ["-publish_at", "-pk"],
    "comments": ["-modified_at", "-pk"],
}
TITLES = {
    "breaking": ("Breaking now", "No breaking banner is up."),
    "scheduled": (
        "Scheduled in the next 24 hours",
        "Nothing is scheduled for the next 24 hours.",
    ),
    "review": ("Waiting for review", "Nothing waits for review."),
    "drafts": ("My drafts", "You have no drafts."),
    "published": ("Recently published", "Nothing is published yet."),
    "comments": ("Open editorial comments", "No open comments."),
}


def changelist(query: str) -> str:
    return f"{reverse('admin:articles_article_changelist')}?{query}"


def links(user) -> dict[str, str]:
    return {
        "breaking": changelist("state=published&is_breaking__exact=1"),
        "scheduled": changelist("state=scheduled"),
        "review": changelist(
            "state=review"
            + ("" if user.has_perm("articles.edit_any_article") else "&whose=mine")
        ),
        "drafts": changelist("state=draft&whose=mine"),
        "published": changelist("state=published"),
        "comments": changelist("comments=open"),
    }


def for_user(user) -> list[Block]:
    if not user.has_perm("articles.view_article"):
        return []
    now = timezone.now()
    wanted = filters(user, now)
    counts = Article.objects.aggregate(
        **{key: Count("pk", filter=condition) for key, condition in wanted.items()}
    )
    urls = links(user)
    blocks = []
    for key, condition in wanted.items():
        # Asked even when the count is 0, so the page always costs the same.
        listed = Article.objects.filter(condition)
        if key == "comments":
            listed = listed.annotate(
                open_comments=Subquery(
                    Comment.objects.filter(
                        article=OuterRef("pk"), parent=None, resolved_at=None
                    )
                    .values("article")
                    .annotate(n=Count("pk"))
                    .values("n")
                )
            )
        stories = list(
            listed.select_related("section", "modified_by")
            .defer("body", "body_text")
            .order_by(*ORDER[key])[:SHOWN]
        )
        title, empty = TITLES[key]
        blocks.append(Block(key, title, empty, counts[key], stories, urls[key]))
    return blocks
