from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.csp import CSP, build_policy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import condition
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from newsroom.page_cache import for_readers

from . import previews, reader_cache, story_blocks
from .compiled_queries import CompiledQuery
from .freshness import reader_etag
from .front_page import front_page
from .models import (
    Article,
    Author,
    Note,
    Section,
    SlugRedirect,
    TagRedirect,
    with_bylines,
)
from .paging import older_newer_page, page_number
from .search import MAX_QUERY_LENGTH, clean_query, search
from .tagging import visible_tags

RELATED_COUNT = 4
# A revisit of an unchanged reader page is a 304 before any of it is built.
fresh_or_304 = condition(etag_func=reader_etag)


def reader_view(view):
    """A page for everyone: a 304 before rendering, public for shared caches, and
    tagged (by the view, with what it shows) so that a change purges it."""
    return for_readers()(fresh_or_304(view))


def tag_when_rendered(response, *, keys, stories):
    """Tag a template response once it is rendered, from the stories it showed."""
    response.add_post_render_callback(
        lambda rendered: reader_cache.tag_page(
            rendered, keys=keys, stories=stories(rendered.context_data)
        )
    )
    return response


@reader_view
def home(request):
    """Breaking banner, the lead, the top stories, the latest and a block per section,
    as the editors arranged them (articles/front_page.py)."""
    front = front_page(
        page_number(request.GET.get("page")), settings.NEWSROOM_PAGE_SIZE
    )
    response = render(
        request,
        "articles/article_home.html",
        {
            "breaking": front.breaking,
            "lead": front.lead,
            "top_stories": front.top,
            "page_obj": front.page,
            "stories": front.stories,
            "section_blocks": front.section_blocks,
        },
    )
    return reader_cache.tag_page(
        response, keys=[reader_cache.HOME], stories=front.shown
    )


@method_decorator(reader_view, name="dispatch")
class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get(self, request, *args, **kwargs):
        try:
            response = super().get(request, *args, **kwargs)
        except Http404:
            # An address the story had before its slug changed: send readers on.
            moved = (
                SlugRedirect.objects.filter(
                    old_slug=kwargs["slug"],
                    article__in=Article.objects.published(),
                )
                .select_related("article")
                .first()
            )
            if moved is None:
                raise
            return reader_cache.tag_page(
                HttpResponsePermanentRedirect(moved.article.get_absolute_url()),
                stories=[moved.article],
            )
        allow_frames(response, self.object)
        return tag_when_rendered(
            response,
            keys=reader_cache.story_page_tags(self.object),
            stories=lambda context: [context["article"], *context["related"]],
        )

    def get_object(self, queryset=None):
        found = story_page.objects(slug=self.kwargs["slug"], now=timezone.now())
        if not found:
            raise Http404("No story at this address.")
        story = found[0]
        if story.has_notes:  # most stories have none, and need no query for them
            prefetch_related_objects([story], "notes")
        return story

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related"] = related_stories(self.object)
        context.update(body_context(self.object))
        return context


def story_for_readers(*, slug, now):
    """The story at ``slug`` with what its page shows beside it."""
    # The bylines come with the related stories' (related_stories): one query.
    stories = Article.objects.published(now).with_relations(bylines=False)
    # The live block's coverage, if any, rides along (live/pages.py).
    stories = stories.select_related("live_coverage").annotate(
        has_notes=Exists(Note.objects.filter(article=OuterRef("pk")))
    )
    return stories.filter(slug=slug)


# Every story page asks the same question of a different slug.
story_page = CompiledQuery(Article, story_for_readers)


def related_stories(article):
    """Cards of the stories most related to ``article``, best first."""
    ranked = Article.objects.related_ids(article, limit=RELATED_COUNT)
    cards = Article.objects.cards_by_id(ranked)
    related = [cards[pk] for pk in ranked if pk in cards]
    # The story's own bylines too, in the same query.
    with_bylines([article, *related])
    return related


def body_context(article):
    """The story body as drawn for readers, and whether it needs the embed script."""
    return {
        "body": story_blocks.render(article),
        "has_embeds": bool(story_blocks.embeds(article.body)),
    }


def allow_frames(response, article):
    """A story with embeds may frame its providers' players, after a click; every
    other page keeps the site's policy, which frames nothing."""
    origins = story_blocks.frame_sources(article)
    if origins:
        # Set as a header, not the middleware's per-response config, so the copy in
        # the page cache keeps it; the policy uses no nonce (no inline script).
        policy = {**settings.SECURE_CSP, "frame-src": origins}
        response.headers[str(CSP.HEADER_ENFORCE)] = build_policy(policy)
    return response


@method_decorator(reader_view, name="dispatch")
class StoryListView(ListView):
    """A paginated listing of published stories filtered by one object from the URL."""

    template_name = "articles/article_list.html"
    context_object_name = "stories"

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def paginate_queryset(self, queryset, page_size):
        page = older_newer_page(
            queryset, page_number(self.request.GET.get("page")), page_size
        )
        return None, page, page.object_list, page.has_other_pages()

    def get_queryset(self):
        self.subject = self.get_subject()
        return self.filter_stories(Article.objects.published().for_listing())

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        return tag_when_rendered(
            super().render_to_response(context, **response_kwargs),
            keys=[self.subject_key(), reader_cache.list_tag(self.subject_key())],
            stories=lambda context: context["stories"],
        )


class SectionView(StoryListView):
    def get_subject(self):
        return get_object_or_404(Section, slug=self.kwargs["slug"])

    def filter_stories(self, stories):
        return stories.filter(section=self.subject)

    def subject_key(self):
        return reader_cache.section_tag(self.subject.pk)


class TagView(StoryListView):
    def get(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        # A tag merged into another: its old address leads to the one it became.
        if not Tag.objects.filter(slug=slug).exists():
            merged = TagRedirect.objects.filter(
                old_slug=slug, tag__in=visible_tags()
            ).first()
            if merged is not None:
                return reader_cache.tag_page(
                    HttpResponsePermanentRedirect(
                        reverse("articles:tag", args=[merged.tag.slug])
                    ),
                    keys=[reader_cache.tag_tag(merged.tag_id)],
                )
        return super().get(request, *args, **kwargs)

    def get_subject(self):
        return get_object_or_404(visible_tags(), slug=self.kwargs["slug"])

    def filter_stories(self, stories):
        return stories.filter(tags=self.subject)

    def subject_key(self):
        return reader_cache.tag_tag(self.subject.pk)


class AuthorView(StoryListView):
    template_name = "articles/author_detail.html"

    def get_subject(self):
        return get_object_or_404(Author, slug=self.kwargs["slug"])

    def filter_stories(self, stories):
        return stories.filter(bylines__author=self.subject)

    def subject_key(self):
        return reader_cache.author_tag(self.subject.pk)


@reader_view
def search_page(request):
    """Published stories matching ?q=, best match first (or newest with ?sort=newest)."""
    query = request.GET.get("q", "")
    cleaned = clean_query(query)
    order = "newest" if request.GET.get("sort") == "newest" else "relevance"
    results = Paginator(
        search(cleaned, order=order), settings.NEWSROOM_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    response = render(
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
    return reader_cache.tag_page(
        response,
        keys=[reader_cache.SEARCH],
        stories=results.object_list,
        lifetime=settings.NEWSROOM_SEARCH_MAX_AGE,
    )


@reader_view
def corrections(request):
    """Recent corrections and clarifications on published stories, newest first."""
    notes = (
        Note.objects.filter(
            kind__in=[Note.Kind.CORRECTION, Note.Kind.CLARIFICATION],
            article__in=Article.objects.published(),
        )
        .select_related("article", "article__section")
        .defer("article__body", "article__body_text")
        .order_by("-created_at", "-pk")
    )
    page = older_newer_page(
        notes, page_number(request.GET.get("page")), settings.NEWSROOM_PAGE_SIZE
    )
    response = render(
        request,
        "articles/note_list.html",
        {"page_obj": page, "notes": page.object_list},
    )
    return reader_cache.tag_page(
        response,
        keys=[reader_cache.CORRECTIONS],
        stories=[note.article for note in page.object_list],
    )


def render_preview(request, article, *, link_expires=None):
    related = related_stories(article)
    response = render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "related": related,
            "preview": True,
            "preview_link_expires": link_expires,
            **body_context(article),
        },
    )
    allow_frames(response, article)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The link is the key: never hand it to the sites the story links to.
    response["Referrer-Policy"] = "no-referrer"
    return response


def preview_queryset():
    # The bylines come with the related stories' (related_stories), as for readers.
    return Article.objects.with_relations(bylines=False).prefetch_related("notes")


@never_cache
def preview(request, pk):
    """Any story as readers will see it, for staff allowed to read it in the admin."""
    if not (request.user.is_active and request.user.is_staff):
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    return render_preview(request, get_object_or_404(preview_queryset(), pk=pk))


@never_cache
def shared_preview(request, token):
    """A story through a signed link, for someone without a login; the link expires."""
    try:
        pk, expires = previews.read_token(token)
    except signing.SignatureExpired:
        response = render(request, "articles/preview_expired.html", status=410)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
    except signing.BadSignature as error:
        raise Http404("No such preview.") from error
    article = get_object_or_404(preview_queryset(), pk=pk)
    return render_preview(request, article, link_expires=expires)


NOT_FOUND_LATEST = 4


def not_found(request, exception=None):
    """Django's 404, with a search box and the latest stories to go on reading."""
    latest = Article.objects.published().for_listing().newest_first()
    return render(
        request,
        "404.html",
        {"latest": latest[:NOT_FOUND_LATEST]},
        status=404,
    )
