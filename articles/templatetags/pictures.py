"""`{% picture_sources %}`: what includes/picture.html needs, from prefetched renditions."""

from dataclasses import dataclass
from functools import lru_cache

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The <img src> for a browser that ignores srcset: wide enough for a story column.
DEFAULT_SRC_WIDTH = 960
# How wide the picture is drawn (static/css/site.css): a lead fills the 44rem story
# column (or 3/5 of the front page); a card is a grid cell, 1 to 4 across.
LEAD_SIZES = "(min-width: 46rem) 44rem, 100vw"
CARD_SIZES = "(min-width: 72rem) 17rem, (min-width: 36rem) 50vw, 100vw"


@dataclass(frozen=True)
class Sources:
    src: object  # a Rendition or the Original: .url, .width, .height
    webp_srcset: str
    fallback_srcset: str
    sizes: str


@register.simple_tag
def picture_sources(image, ratio=None, lead=False, sizes=""):
    """Sources of one image at one ratio ("16:9", "4:3", "1:1" or None).

    No query when the image's renditions are prefetched; no file is ever opened.
    """
    ready = tuple(tuple(rendition) for rendition in image.ready)
    key = (image.pk, image.file.name, image.width, image.height, ready)
    return sources(
        key, image, ratio or None, sizes or (LEAD_SIZES if lead else CARD_SIZES)
    )


@lru_cache(maxsize=1024)
def sources(key, image, ratio, sizes) -> Sources:
    # A front page draws the same few pictures many times (a picture pool, a story in
    # two blocks): building each URL list once is a tenth of a card's rendering.
    # ``key`` is everything the answer depends on, so a new rendition misses.
    return Sources(
        src=image.rendition_for(ratio, DEFAULT_SRC_WIDTH, "jpeg"),
        webp_srcset=image.srcset(ratio, "webp"),
        fallback_srcset=image.srcset(ratio, "jpeg"),
        sizes=sizes,
    )


@register.simple_tag
def picture(image, ratio=None, lead=False, sizes=""):
    """The ``<picture>`` of includes/picture.html, drawn in Python: a front page
    draws about 45 cards, and the template engine made this a tenth of its time."""
    pic = picture_sources(image, ratio, lead, sizes)
    webp = (
        format_html(
            '<source type="image/webp" srcset="{}" sizes="{}">',
            pic.webp_srcset,
            pic.sizes,
        )
        if pic.webp_srcset
        else ""
    )
    fallback = (
        format_html(' srcset="{}" sizes="{}"', pic.fallback_srcset, pic.sizes)
        if pic.fallback_srcset
        else ""
    )
    loading = ' fetchpriority="high"' if lead else ' loading="lazy"'
    return format_html(
        '<picture>{}<img src="{}"{} alt="{}" width="{}" height="{}"{}'
        ' decoding="async"></picture>',
        webp,
        pic.src.url,
        fallback,
        image.alt_text,
        pic.src.width,
        pic.src.height,
        mark_safe(loading),
    )
