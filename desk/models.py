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
