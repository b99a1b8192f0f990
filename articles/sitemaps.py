"""Sitemaps for search engines and Google News, and the robots.txt that names them.

Everything starts from ``Article.objects.published()``; sections, tags and authors are
dated by their latest published story, so an unpublished story never moves a date.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from taggit.models import Tag

from newsroom.page_cache import for_readers

from . import reader_cache
from .models import Article, Author, Section

NEWS_WINDOW = timedelta(hours=48)
NEWS_MAX_URLS = 1000  # Google News reads at most 1,000 URLs from one sitemap


def whole_seconds(moment):
    return moment.replace(microsecond=0) if moment else None


def latest_story(**filters):
    """The newest publish time among published stories matching ``filters``."""
    return Subquery(
        Article.objects.published()
        .filter(**filters)
        .order_by("-publish_at")
        .values("publish_at")[:1]
    )


class StorySitemap(Sitemap):
    limit = 10_000

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "publish_at", "updated_at")
            .order_by("-publish_at", "-pk")
        )

    def lastmod(self, story):
        return whole_seconds(max(filter(None, (story.publish_at, story.updated_at))))

    def get_latest_lastmod(self):
        latest = Article.objects.published().aggregate(
            latest=Max(Greatest("publish_at", Coalesce("updated_at", "publish_at")))
        )["latest"]
        return whole_seconds(latest)


class _DatedByLatestStory(Sitemap):
    """Listings whose last change is their newest published story."""

    def lastmod(self, obj):
        return whole_seconds(obj.latest_story_at)

    def get_latest_lastmod(self):
        return whole_seconds(
            self.items().aggregate(latest=Max("latest_story_at"))["latest"]
        )


class SectionSitemap(_DatedByLatestStory):
    def items(self):
        return Section.objects.annotate(
            latest_story_at=latest_story(section=OuterRef("pk"))
        ).order_by("position", "name")


class TagSitemap(_DatedByLatestStory):
    def items(self):
        return (
            Tag.objects.annotate(latest_story_at=latest_story(tags=OuterRef("pk")))
            .filter(latest_story_at__isnull=False)
            .order_by("name")
        )

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])


class AuthorSitemap(_DatedByLatestStory):
    def items(self):
        return (
            Author.objects.annotate(
                latest_story_at=latest_story(bylines__author=OuterRef("pk"))
            )
            .filter(latest_story_at__isnull=False)
            .order_by("name")
        )


class FrontPageSitemap(Sitemap):
    def items(self):
        return ["articles:home"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return self.get_latest_lastmod()

    def get_latest_lastmod(self):
        return whole_seconds(
            Article.objects.published().aggregate(latest=Max("publish_at"))["latest"]
        )


class NewsSitemap(Sitemap):
    """Google News: stories first published in the last 48 hours, newest first."""

    limit = NEWS_MAX_URLS

    def items(self):
        return (
            Article.objects.published()
            .annotate(first_published=Coalesce("first_published_at", "publish_at"))
            .filter(first_published__gte=timezone.now() - NEWS_WINDOW)
            .only("slug", "headline", "publish_at", "first_published_at")
            .order_by("-first_published", "-pk")
        )

    def lastmod(self, story):
        return whole_seconds(story.first_published)

    def get_latest_lastmod(self):
        return whole_seconds(
            self.items().aggregate(latest=Max("first_published"))["latest"]
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["publication_date"] = url["lastmod"]
        return urls


SITEMAPS = {
    "pages": FrontPageSitemap,
    "stories": StorySitemap,
    "news": NewsSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


def news_language(language_code: str) -> str:
    """Google News wants an ISO 639 code, except zh-cn and zh-tw for Chinese."""
    code = language_code.lower().replace("_", "-")
    chinese = {
        "zh-hans": "zh-cn",
        "zh-cn": "zh-cn",
        "zh-hant": "zh-tw",
        "zh-tw": "zh-tw",
    }
    return chinese.get(code, code.split("-")[0])


@for_readers(reader_cache.SITEMAPS)
def sitemap_index_view(request):
    return sitemap_index(request, sitemaps=SITEMAPS, sitemap_url_name="sitemap_section")


@for_readers(reader_cache.SITEMAPS)
def sitemap_section_view(request, section):
    if section == "news":
        response = sitemap(
            request,
            sitemaps=SITEMAPS,
            section=section,
            template_name="articles/sitemap_news.xml",
        )
        response.context_data.update(
            publication_name=settings.NEWSROOM_SITE_NAME,
            publication_language=news_language(settings.LANGUAGE_CODE),
        )
        return response
    return sitemap(
        request,
        sitemaps=SITEMAPS,
        section=section,
        template_name="articles/sitemap.xml",
    )


@require_safe
@for_readers("robots")
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: " + reverse("admin:index"),
        "Disallow: " + reverse("articles:search"),
        "",
        "Sitemap: " + request.build_absolute_uri(reverse("sitemap_index")),
        "Sitemap: "
        + request.build_absolute_uri(reverse("sitemap_section", args=["news"])),
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
