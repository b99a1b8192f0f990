"""Editorial comments: staff talking about a story, beside it and never in it.

Nothing here goes through the publishing module, because nothing here changes what
readers see: comments live in their own table, which no reader view, feed, sitemap,
search or structured data reads. Each comment, resolve and reopen is written to the
story's audit log, so its history keeps the conversation.
"""

import re

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles import text as plain_text
from articles.models import Article

from . import notifications
from .models import Comment

MAX_LENGTH = 5000
QUOTE_LENGTH = 500
MENTION = re.compile(r"(?<![\w@])@([\w.+-]+)")
# What a comment may point at: the story's fields, in the words of the form.
FIELDS = {
    "headline": "Headline",
    "dek": "Standfirst",
    "body": "Body",
    "tags": "Tags",
    "lead_image": "Lead image",
    "authors": "Byline",
    "publish_at": "Publish at",
}


def mentioned(text: str):
    """Staff logins named as @username in ``text``."""
    names = {name.rstrip(".").lower() for name in MENTION.findall(text)}
    if not names:
        return get_user_model().objects.none()
    users = get_user_model().objects.filter(is_staff=True, is_active=True)
    return [user for user in users if user.get_username().lower() in names]


def _log(article: Article, by, message: str) -> None:
    LogEntry.objects.log_actions(
        user_id=by.pk,
        queryset=Article.objects.filter(pk=article.pk),
        action_flag=CHANGE,
        change_message=message,
    )


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


def add(
    article: Article, *, by, text: str, field: str = "", quote: str = "", parent=None
):
    text = plain_text.plain(text or "").strip()
    if not text:
        raise ValidationError("Write something before adding a comment.")
    if len(text) > MAX_LENGTH:
        raise ValidationError(f"A comment is at most {MAX_LENGTH} characters.")
    if field and field not in FIELDS:
        raise ValidationError("Choose a field of the story, or none.")
    quote = " ".join(quote.split())[:QUOTE_LENGTH]
    if parent is not None:
        if parent.article_id != article.pk:
            raise ValidationError("That comment belongs to another story.")
        parent = parent.parent or parent  # one level of replies
        field, quote = "", ""
    comment = Comment.objects.create(
        article=article,
        author=by,
        parent=parent,
        field=field,
        quote=quote,
        text=text,
        created_at=timezone.now(),
    )
    people = mentioned(text)
    comment.mentions.set(people)
    notifications.mentioned(comment)
    where = f" on {FIELDS[field]}" if field else ""
    verb = "Replied to a comment" if parent else f"Commented{where}"
    _log(article, by, f"{verb}: “{_excerpt(text)}”")
    return comment


def resolve(comment: Comment, *, by) -> None:
    thread = comment.parent or comment
    if thread.resolved_at is None:
        thread.resolved_at, thread.resolved_by = timezone.now(), by
        thread.save(update_fields=["resolved_at", "resolved_by"])
        _log(thread.article, by, f"Resolved the comment “{_excerpt(thread.text)}”")


def reopen(comment: Comment, *, by) -> None:
    thread = comment.parent or comment
    if thread.resolved_at is not None:
        thread.resolved_at, thread.resolved_by = None, None
        thread.save(update_fields=["resolved_at", "resolved_by"])
        _log(thread.article, by, f"Reopened the comment “{_excerpt(thread.text)}”")


def threads(article: Article) -> list[Comment]:
    """The story's threads, open ones first, each with its replies: two queries."""
    comments = list(
        Comment.objects.filter(article=article)
        .select_related("author", "resolved_by")
        .prefetch_related("mentions")
    )
    by_thread = {c.pk: [] for c in comments if c.parent_id is None}
    for c in comments:
        if c.parent_id is not None and c.parent_id in by_thread:
            by_thread[c.parent_id].append(c)
    tops = [c for c in comments if c.parent_id is None]
    for top in tops:
        top.thread_replies = by_thread[top.pk]
        top.field_label = FIELDS.get(top.field, "")
    return sorted(tops, key=lambda c: (not c.is_open, c.created_at))
