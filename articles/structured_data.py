"""What a story or listing tells search engines, Google News and social networks.

Builds plain values and dicts (Open Graph, Twitter cards, schema.org JSON-LD) from
objects that ``published()`` already let through; templates only print them. Every
URL is absolute, built from the request, because crawlers and share previews see the
page out of context.
"""

import functools
import mimetypes
from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils import timezone
from django.utils.text import Truncator
from PIL import Image as PILImage

from newsroom.addresses import address

from . import story_blocks
from .models import Note

HEADLINE_MAX_CHARS = 110  # Google's limit for a NewsArticle headline
DESCRIPTION_MAX_CHARS = 200
SHARE_WIDTH = 1200
# Google asks for 16:9, 4:3 and 1:1 versions of the main image, each at least 50,000 px.
SCHEMA_RATIOS = ("16:9", "4:3", "1:1")


@dataclass(frozen=True)
class SharedImage:
    url: str
    width: int | None
    height: int | None
    alt: str = ""
    mime_type: str = ""


def rendition(image, ratio: str | None, width: int = SHARE_WIDTH):
    """The JPEG rendition of ``image`` at ``ratio`` closest to ``width``, or the original
    while renditions are not ready; it has ``url``, ``width`` and ``height``.

    Feeds, Open Graph and JSON-LD all ask here, with no query when the listing
    prefetched the renditions.
    """
    return image.rendition_for(ratio, width)


def shared_image(request, image, ratio: str | None = "16:9") -> SharedImage:
    """An absolute, sized picture for a card, a feed or structured data."""
    picked = rendition(image, ratio)
    url = picked.url
    return SharedImage(
        url=request.build_absolute_uri(url),
        width=picked.width or None,
        height=picked.height or None,
        alt=image.alt_text,
        mime_type=mimetypes.guess_type(url)[0] or "image/jpeg",
    )


@functools.cache
def _static_image_size(path: str) -> tuple[int | None, int | None]:
    found = finders.find(path)
    if not found:
        return None, None
    with PILImage.open(found) as picture:
        return picture.size


def site_image(request, setting: str, alt: str) -> SharedImage:
    """A configured site picture (logo, default social image): static path or URL."""
    value = getattr(settings, setting)
    if value.startswith(("https://", "http://")):
        return SharedImage(
            url=value, width=None, height=None, alt=alt, mime_type=_mime(value)
        )
    width, height = _static_image_size(value)
    return SharedImage(
        url=request.build_absolute_uri(static(value)),
        width=width,
        height=height,
        alt=alt,
        mime_type=_mime(value),
    )


def _mime(url: str) -> str:
    return mimetypes.guess_type(url)[0] or "image/png"


def w3c_datetime(moment) -> str:
    """ISO 8601 with the newsroom's offset and whole seconds, as Google documents."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def modified_at(article):
    """When readers were last told the story changed: its "Updated" time, if later."""
    return max(filter(None, (article.publish_at, article.updated_at)))


def description(article) -> str:
    text = (
        article.meta_description or article.dek or article.body_text or article.headline
    )
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_MAX_CHARS)


def search_title(article) -> str:
    """The story's <title> words: its search title, else the headline."""
    return article.seo_title or article.headline


def social_title(article) -> str:
    """The headline on share cards: the social headline, else the search title."""
    return article.social_headline or search_title(article)


def publisher(request) -> dict:
    logo = site_image(request, "NEWSROOM_LOGO", settings.NEWSROOM_PUBLISHER_NAME)
    organisation = {
        "@type": "NewsMediaOrganization",
        "name": settings.NEWSROOM_PUBLISHER_NAME,
        "url": request.build_absolute_uri(address("articles:home")),
        "logo": _image_object(logo),
    }
    if settings.NEWSROOM_PUBLISHER_SAME_AS:
        organisation["sameAs"] = list(settings.NEWSROOM_PUBLISHER_SAME_AS)
    return organisation


def _image_object(image: SharedImage) -> dict:
    data = {"@type": "ImageObject", "url": image.url}
    if image.width and image.height:
        data.update(width=image.width, height=image.height)
    return data


def author_data(request, author) -> dict:
    return {
        "@type": "Organization"
        if author.kind == author.Kind.ORGANIZATION
        else "Person",
        "name": author.name,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }


def breadcrumbs(request, *trail) -> dict:
    """A BreadcrumbList from (name, path) pairs; the last one is the page itself."""
    items = []
    for position, (name, path) in enumerate(trail, start=1):
        item = {"@type": "ListItem", "position": position, "name": name}
        if path is not None:
            item["item"] = request.build_absolute_uri(path)
        items.append(item)
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": items,
    }


def corrections(article) -> list[dict]:
    """The story's published corrections as schema.org CorrectionComments."""
    now = timezone.now()
    return [
        {
            "@type": "CorrectionComment",
            "text": note.text,
            "datePublished": w3c_datetime(note.created_at),
        }
        for note in article.shown_notes
        if note.kind == Note.Kind.CORRECTION and note.created_at <= now
    ]


def story_metadata(request, article) -> dict:
    """Everything the story page's <head> says about the story."""
    canonical = request.build_absolute_uri(article.get_absolute_url())
    authors = article.byline_authors
    tags = [tag.name for tag in article.tags.all()]
    inline = story_blocks.inline_pictures(article)
    pictures = [
        image for image in (article.social_image, article.lead_image) if image
    ] + [inline[pk] for pk in story_blocks.picture_ids(article.body) if pk in inline]
    if pictures:
        card_image = shared_image(request, pictures[0], "16:9")
        schema_images = list(
            dict.fromkeys(
                shared_image(request, image, ratio).url
                for image in pictures
                for ratio in SCHEMA_RATIOS
            )
        )
    else:
        card_image = site_image(
            request, "NEWSROOM_SOCIAL_IMAGE", settings.NEWSROOM_SITE_NAME
        )
        schema_images = [card_image.url]
    summary, organisation = description(article), publisher(request)
    published = w3c_datetime(article.publish_at)
    modified = w3c_datetime(modified_at(article))
    news_article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Truncator(article.headline).chars(HEADLINE_MAX_CHARS),
        "description": summary,
        "image": schema_images,
        "datePublished": published,
        "dateModified": modified,
        "author": [author_data(request, author) for author in authors]
        or [organisation],
        "publisher": organisation,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
        "inLanguage": settings.LANGUAGE_CODE,
        "isAccessibleForFree": True,
    }
    if article.seo_title and article.seo_title != article.headline:
        news_article["alternativeHeadline"] = article.seo_title
    if article.section:
        news_article["articleSection"] = article.section.name
    if tags:
        news_article["keywords"] = tags
    if fixes := corrections(article):
        news_article["correction"] = fixes
    trail = [(settings.NEWSROOM_SITE_NAME, address("articles:home"))]
    if article.section:
        trail.append((article.section.name, article.section.get_absolute_url()))
    trail.append((article.headline, None))
    return {
        "canonical": canonical,
        "description": summary,
        "image": card_image,
        "published": published,
        "modified": modified,
        "section": article.section.name if article.section else "",
        "tags": tags,
        "author_urls": [
            request.build_absolute_uri(author.get_absolute_url()) for author in authors
        ],
        "social_title": social_title(article),
        "json_ld": [news_article, breadcrumbs(request, *trail)],
        "twitter_site": settings.NEWSROOM_TWITTER_SITE,
    }


def listing_metadata(
    request, *, title: str, description: str, page=None, trail=(), about=None
):
    """The <head> of the front page and the section, tag and author listings."""
    path = request.path
    if page is not None and page.number > 1:
        path = f"{path}?page={page.number}"
    json_ld = []
    if trail:
        json_ld.append(
            breadcrumbs(
                request,
                (settings.NEWSROOM_SITE_NAME, address("articles:home")),
                *trail,
            )
        )
    else:
        json_ld.append(
            {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": settings.NEWSROOM_SITE_NAME,
                "url": request.build_absolute_uri(address("articles:home")),
                "inLanguage": settings.LANGUAGE_CODE,
                "publisher": publisher(request),
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": request.build_absolute_uri(address("articles:search"))
                    + "?q={search_term_string}",
                    "query-input": "required name=search_term_string",
                },
            }
        )
    if about is not None:
        json_ld.append(
            {
                "@context": "https://schema.org",
                "@type": "ProfilePage",
                "mainEntity": about,
            }
        )
    return {
        "canonical": request.build_absolute_uri(path),
        "title": title,
        "description": Truncator(" ".join(description.split())).chars(
            DESCRIPTION_MAX_CHARS
        ),
        "image": site_image(
            request, "NEWSROOM_SOCIAL_IMAGE", settings.NEWSROOM_SITE_NAME
        ),
        "json_ld": json_ld,
        "twitter_site": settings.NEWSROOM_TWITTER_SITE,
    }
