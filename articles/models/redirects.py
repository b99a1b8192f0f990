"""Old addresses that keep working after a story's slug changes or tags are merged."""

from django.db import models
from django.utils import timezone
from taggit.models import Tag

from .story import Article


class SlugRedirect(models.Model):
    """A slug a published story used to have; its URL answers 301 to the current one."""

    old_slug = models.SlugField(max_length=200, unique=True)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="slug_redirects"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"

    @classmethod
    def record(cls, article, old_slug):
        """Keep ``old_slug`` pointing at ``article`` once readers may have seen it."""
        if not old_slug or old_slug == article.slug:
            return
        first = article.first_published_at
        if first is None or first > timezone.now():
            return
        cls.objects.update_or_create(old_slug=old_slug, defaults={"article": article})
        # Taking an earlier address back: that address is live again, not a redirect.
        cls.objects.filter(old_slug=article.slug).delete()


class TagRedirect(models.Model):
    """The slug of a tag merged into another; its URL answers 301 to the survivor."""

    old_slug = models.SlugField(max_length=100, unique=True)
    old_name = models.CharField(max_length=100)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.old_slug} → {self.tag.slug}"
