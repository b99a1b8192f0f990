from django.conf import settings
from django.db import models
from django.db.models import Q


class Autosave(models.Model):
    """One person's unsaved story form, kept on the server while they type.

    Private to its user and apart from the story: readers, the story's version and its
    revisions never see it. ``article`` is empty for a story not saved yet.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The form as the browser sent it: field name -> list of values.
    data = models.JSONField()
    # The story version the form was loaded with; a newer story means someone saved.
    loaded_version = models.PositiveIntegerField(null=True, blank=True)
    saved_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article"],
                condition=Q(article__isnull=False),
                name="autosave_once_per_user_and_story",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(article__isnull=True),
                name="autosave_once_per_user_new_story",
            ),
        ]

    def __str__(self):
        return f"{self.user} on {self.article or 'a new story'}"


class Presence(models.Model):
    """One open story form (a browser tab), as its heartbeats last reported it.

    In the database so every web process sees every editor; a row counts until
    ``expires_at``, which each heartbeat moves on (desk/presence.py).
    """

    tab = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="+"
    )
    # The name as the notice shows it, so the list page needs no join per row.
    name = models.CharField(max_length=300)
    opened_at = models.DateTimeField()
    seen_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    has_changes = models.BooleanField(default=False)
    # The tab said goodbye; kept a while so a heartbeat still on its way when it
    # closed cannot bring it back.
    closed = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["article", "expires_at"], name="presence_by_story")
        ]

    def __str__(self):
        return f"{self.name} on {self.article_id}"


class Comment(models.Model):
    """An editorial comment on a story: staff only, never shown to readers.

    A comment may point at one field and quote a passage of it; replies hang from
    the comment that opened the thread, which is resolved or reopened as a whole.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    field = models.CharField(max_length=40, blank=True)
    quote = models.TextField(blank=True)
    text = models.TextField()
    mentions = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["article", "resolved_at"], name="comment_open_by_story"
            )
        ]

    def __str__(self):
        return f"{self.author} on {self.article_id}: {self.text[:40]}"

    @property
    def is_open(self):
        return self.resolved_at is None


class Notification(models.Model):
    """Something a person on the desk should know about: their inbox in the admin."""

    class Kind(models.TextChoices):
        REVIEW = "review", "Submitted for review"
        MENTION = "mention", "Mentioned in a comment"
        PUBLISHED = "published", "Published by someone else"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=Kind)
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["recipient", "read_at", "created_at"], name="inbox_unread"
            )
        ]

    def __str__(self):
        return self.text
