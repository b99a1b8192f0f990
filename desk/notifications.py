"""Telling the people concerned: a story submitted for review (its editors), a
comment that mentions someone (them), a story published by someone else (its
writers). Each lands in the admin inbox and, where the person has an address, goes
out by e-mail through Django's e-mail backend (the console in `make run`).

Status changes arrive from the publishing module's subscribers, after commit;
mentions from the comments module, after its own commit.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline

from .models import Notification

logger = logging.getLogger(__name__)
Kind = Notification.Kind


def name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "The system"


def story_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def notify(recipients, *, kind, article, actor, text, url=None) -> list[Notification]:
    """One inbox entry (and e-mail) per recipient, never to the person who acted."""
    now = timezone.now()
    url = url or story_url(article)
    people = {user.pk: user for user in recipients if user.is_active}
    if actor is not None:
        people.pop(actor.pk, None)
    made = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=kind,
            article=article,
            actor=actor,
            text=text,
            url=url,
            created_at=now,
        )
        for user in people.values()
    )
    mails = [
        (
            f"[{settings.NEWSROOM_SITE_NAME}] {text}",
            f"{text}\n\nOpen the story: {site_url()}{url}\n",
            None,
            [user.email],
        )
        for user in people.values()
        if user.email
    ]
    if mails:
        transaction.on_commit(lambda: send(mails))
    return made


def site_url() -> str:
    return getattr(settings, "NEWSROOM_ADMIN_URL_BASE", "")


def send(mails) -> None:
    try:
        send_mass_mail(mails, fail_silently=False)
    except Exception:
        # The inbox has it; a mail server that is down must not undo a save.
        logger.exception("Could not send %d notification e-mails", len(mails))


def editors():
    """Staff who may publish: they review."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="publish_article")
            | Q(user_permissions__codename="publish_article")
        )
        .distinct()
    )


def writers(article):
    """Whoever started the story and everyone with a login on its byline."""
    User = get_user_model()
    return User.objects.filter(
        Q(pk=article.created_by_id)
        | Q(pk__in=Byline.objects.filter(article=article).values("author__user"))
    )


def on_change(change) -> None:
    """Publishing subscriber: review requests and publications by someone else."""
    if "status" not in change.fields or change.kind == "imported":
        return
    for article in Article.objects.filter(pk__in=change.article_ids):
        who = name(change.by)
        if article.status == Article.Status.REVIEW:
            notify(
                editors(),
                kind=Kind.REVIEW,
                article=article,
                actor=change.by,
                text=f"{who} submitted “{article.headline}” for review",
            )
        elif article.status == Article.Status.PUBLISHED:
            verb = "scheduled" if article.is_scheduled else "published"
            notify(
                writers(article),
                kind=Kind.PUBLISHED,
                article=article,
                actor=change.by,
                text=f"{who} {verb} your story “{article.headline}”",
            )


def mentioned(comment) -> None:
    people = list(comment.mentions.all())
    if people:
        notify(
            people,
            kind=Kind.MENTION,
            article=comment.article,
            actor=comment.author,
            text=f"{name(comment.author)} mentioned you on “{comment.article.headline}”",
            url=f"{story_url(comment.article)}#comment-{comment.pk}",
        )


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).count()


def mark_read(user, ids=None) -> None:
    unread = Notification.objects.filter(recipient=user, read_at=None)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    unread.update(read_at=timezone.now())
