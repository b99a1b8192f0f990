"""Signed, expiring links that let someone without a login read an unpublished story."""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

SALT = "articles.preview"


def link_lifetime() -> timedelta:
    return timedelta(hours=settings.NEWSROOM_PREVIEW_LINK_HOURS)


def preview_token(article) -> str:
    return signing.dumps({"article": article.pk}, salt=SALT)


def shared_preview_path(article) -> str:
    return reverse("articles:shared_preview", args=[preview_token(article)])


def link_expiry() -> datetime:
    return timezone.now() + link_lifetime()


def read_token(token: str) -> tuple[int, datetime]:
    """The story a link was made for and when the link stops working.

    Raises ``signing.SignatureExpired`` once the link is older than its lifetime and
    ``signing.BadSignature`` when it was altered.
    """
    data = signing.loads(token, salt=SALT, max_age=link_lifetime())
    try:
        article_id = int(data["article"])
        signed_at = signing.b62_decode(token.rsplit(":", 2)[1])
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise signing.BadSignature("Not a preview link.") from error
    return article_id, datetime.fromtimestamp(signed_at, tz=UTC) + link_lifetime()
