"""Typing tags on a story: suggestions from the tags the newsroom already has, and a
typed name that matches one of them (whatever its case or accents) becomes that tag
instead of a near-duplicate with its own page."""

import unicodedata

from django.db.models import Count, Q
from django.utils.text import slugify
from taggit.models import Tag

SUGGESTIONS = 8


def folded(name: str) -> str:
    """The form two spellings of one tag share: "Türkiye", "turkiye", "TURKIYE"."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def suggestions(query: str, *, limit: int = SUGGESTIONS) -> list[dict]:
    """Existing tags whose name starts with, or has a word starting with, ``query``;
    whole matches first, then the most used."""
    wanted = folded(query)
    key = slugify(wanted)
    if not key:
        return []
    # Slugs are already lower-case ASCII (TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING), so
    # the database narrows by slug; the folded name decides.
    candidates = (
        Tag.objects.filter(
            Q(slug__startswith=key)
            | Q(slug__contains=f"-{key}")
            | Q(name__icontains=query)
        )
        .annotate(stories=Count("articles_taggedarticle_items"))
        .order_by("-stories", "name")[:200]
    )
    found = []
    for tag in candidates:
        name = folded(tag.name)
        words = name.split()
        if name.startswith(wanted) or any(word.startswith(wanted) for word in words):
            rank = 0 if name == wanted else 1 if name.startswith(wanted) else 2
            found.append((rank, -tag.stories, tag.name, tag))
    found.sort(key=lambda row: row[:3])
    return [{"name": tag.name, "stories": tag.stories} for *_, tag in found[:limit]]


def existing_spellings(names: list[str]) -> list[str]:
    """``names`` with each one that matches an existing tag replaced by that tag's
    name, and repeats (after folding) dropped: "nato" becomes "NATO"."""
    by_slug = {}
    slugs = {Tag().slugify(name) for name in names}
    for tag in Tag.objects.filter(slug__in=slugs):
        by_slug[tag.slug] = tag.name
    result, seen = [], set()
    for name in names:
        existing = by_slug.get(Tag().slugify(name))
        if existing is not None and folded(existing) == folded(name):
            name = existing
        if folded(name) not in seen:
            seen.add(folded(name))
            result.append(name)
    return result
