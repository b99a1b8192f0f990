from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from .models import Article, Author, Section
from .search import MAX_QUERY_LENGTH, clean_query, search

SECTION_BLOCK_SIZE = 4
RELATED_COUNT = 4


def home(request):
    """Breaking banner, the lead story, the latest stories and a block per section."""
    published = Article.objects.published().for_listing()
    breaking = Article.objects.breaking().order_by("-publish_at").first()
    latest = Paginator(published, settings.NEWSROOM_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    lead = latest.object_list[0] if latest.number == 1 and latest.object_list else None
    section_stories = {}
    for story in published.latest_per_section(SECTION_BLOCK_SIZE):
        section_stories.setdefault(story.section, []).append(story)
    return render(
        request,
        "articles/article_home.html",
        {
            "breaking": breaking,
            "lead": lead,
            "page_obj": latest,
            "stories": latest.object_list[1:] if lead else latest.object_list,
            "section_blocks": list(section_stories.items()),
        },
    )


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        related = Article.objects.published().related_to(self.object).for_listing()
        context["related"] = related[:RELATED_COUNT]
        return context


class StoryListView(ListView):
    """A paginated listing of published stories filtered by one object from the URL."""

    template_name = "articles/article_list.html"
    context_object_name = "stories"

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_queryset(self):
        self.subject = self.get_subject()
        return self.filter_stories(Article.objects.published().for_listing())

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, **kwargs)


class SectionView(StoryListView):
    def get_subject(self):
        return get_object_or_404(Section, slug=self.kwargs["slug"])

    def filter_stories(self, stories):
        return stories.filter(section=self.subject)


class TagView(StoryListView):
    def get_subject(self):
        # A tag used only on unpublished stories must not reveal that it exists.
        return get_object_or_404(
            Tag.objects.filter(
                taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(
                    Article
                ),
                taggit_taggeditem_items__object_id__in=Article.objects.published().values(
                    "pk"
                ),
            ).distinct(),
            slug=self.kwargs["slug"],
        )

    def filter_stories(self, stories):
        return stories.filter(tags=self.subject)


class AuthorView(StoryListView):
    template_name = "articles/author_detail.html"

    def get_subject(self):
        return get_object_or_404(Author, slug=self.kwargs["slug"])

    def filter_stories(self, stories):
        return stories.filter(bylines__author=self.subject)


def search_page(request):
    """Published stories matching ?q=, best match first (or newest with ?sort=newest)."""
    query = request.GET.get("q", "")
    cleaned = clean_query(query)
    order = "newest" if request.GET.get("sort") == "newest" else "relevance"
    results = Paginator(
        search(cleaned, order=order), settings.NEWSROOM_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "articles/article_search.html",
        {
            "query": cleaned,
            "was_shortened": len(query.strip()) > MAX_QUERY_LENGTH,
            "order": order,
            "page_obj": results,
            "stories": results.object_list,
        },
    )
