"""Template tags for how readers find stories: metadata, JSON-LD, feeds, search marks."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from taggit.models import Tag

from newsroom.addresses import address

from .. import structured_data
from ..models import Author, Section
from ..search import MARK_START
from ..search import highlighted as search_highlighted

register = template.Library()

# The escapes Django's json_script uses: "</script>" or "<!--" inside a headline
# cannot end the block, and "&" cannot start an entity.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A <script type="application/ld+json"> block that no field value can break out of."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(JSON_SCRIPT_ESCAPES)),
    )


@register.simple_tag(takes_context=True)
def story_metadata(context, article):
    return structured_data.story_metadata(context["request"], article)


@register.simple_tag(takes_context=True)
def listing_metadata(context, subject=None):
    """Metadata of the front page (no subject) or a section, tag or author listing."""
    request = context["request"]
    page = context.get("page_obj")
    site = settings.NEWSROOM_SITE_NAME
    if subject is None:
        return structured_data.listing_metadata(
            request, title=site, description=settings.NEWSROOM_TAGLINE, page=page
        )
    if isinstance(subject, Author):
        return structured_data.listing_metadata(
            request,
            title=subject.name,
            description=subject.bio or f"Stories by {subject.name} for {site}.",
            page=page,
            trail=[(subject.name, None)],
            about=structured_data.author_data(request, subject),
        )
    if isinstance(subject, Section):
        about = subject.description or f"The latest {subject.name} stories from {site}."
    else:
        about = f"Stories about {subject.name} from {site}."
    return structured_data.listing_metadata(
        request,
        title=subject.name,
        description=about,
        page=page,
        trail=[(subject.name, None)],
    )


FEED_ROUTES = {
    Section: ("articles:section_feed", "articles:section_feed_atom"),
    Tag: ("articles:tag_feed", "articles:tag_feed_atom"),
    Author: ("articles:author_feed", "articles:author_feed_atom"),
}


@register.simple_tag
def feed_links(subject=None):
    """<link rel="alternate"> for feed autodiscovery: the site's, or one listing's."""
    if subject is None:
        title = settings.NEWSROOM_SITE_NAME
        rss, atom = address("articles:feed"), address("articles:feed_atom")
    else:
        rss_name, atom_name = FEED_ROUTES[type(subject)]
        title = f"{subject.name} · {settings.NEWSROOM_SITE_NAME}"
        rss = address(rss_name, subject.slug)
        atom = address(atom_name, subject.slug)
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        [
            ("application/rss+xml", f"{title} (RSS)", rss),
            ("application/atom+xml", f"{title} (Atom)", atom),
        ],
    )


@register.filter
def highlighted(marked):
    """A search headline or snippet, escaped, with its matches in <mark>."""
    return search_highlighted(marked)


@register.filter
def has_match(marked):
    """Whether a search snippet contains a match (else the page shows the standfirst)."""
    return MARK_START in (marked or "")
