"""What a story body holds beyond text: pictures from the library, pull quotes, embeds.

The body stores references, never markup from elsewhere:

- ``<figure class="story-picture" data-image="12"></figure>``: picture 12 of the
  library; alt text, caption, credit and renditions come from it when the page is
  drawn, so fixing a caption in the library fixes every story that shows it;
- ``<aside class="pull-quote"><p>…</p></aside>``;
- ``<figure class="embed" data-provider="youtube" data-id="…"></figure>``: a provider
  and an id, validated here. The editor sends the address the editor pasted
  (``data-url``); ``clean`` turns it into provider and id, or refuses it.

Readers get a static placeholder for an embed (the provider's name and a link);
static/js/embeds.js swaps in the provider's player only after a click, and only that
story page's policy lets frames from its providers in (``frame_sources``).
"""

import re
from dataclasses import dataclass
from html import escape, unescape

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

FIGURE = re.compile(r"<figure(?P<attrs>[^>]*)>(?P<inside>.*?)</figure>", re.S)
ASIDE = re.compile(r"<aside[^>]*>")
# Feed readers draw a picture at about a story column's width.
FEED_PICTURE_WIDTH = 960
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')


@dataclass(frozen=True)
class Provider:
    name: str
    label: str  # "video", "post"
    pattern: re.Pattern  # matches a pasted address; groups build the id
    id_pattern: re.Pattern  # what a stored id looks like
    link: str  # the provider's own page for the id
    player: str  # what the frame loads after the click

    def link_for(self, embed_id: str) -> str:
        return self.link.format(**self.parts(embed_id))

    def player_for(self, embed_id: str) -> str:
        return self.player.format(**self.parts(embed_id))

    def parts(self, embed_id: str) -> dict:
        return self.id_pattern.fullmatch(embed_id).groupdict()

    def origin(self, embed_id: str) -> str:
        return "/".join(self.player_for(embed_id).split("/")[:3])


PROVIDERS = {
    "youtube": Provider(
        "YouTube",
        "video",
        re.compile(
            r"https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|shorts/|embed/)"
            r"|youtu\.be/)(?P<id>[A-Za-z0-9_-]{11})"
        ),
        re.compile(r"(?P<id>[A-Za-z0-9_-]{11})"),
        "https://www.youtube.com/watch?v={id}",
        "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
    ),
    "vimeo": Provider(
        "Vimeo",
        "video",
        re.compile(r"https?://(?:www\.)?vimeo\.com/(?:video/)?(?P<id>\d{5,12})"),
        re.compile(r"(?P<id>\d{5,12})"),
        "https://vimeo.com/{id}",
        "https://player.vimeo.com/video/{id}?autoplay=1",
    ),
    "x": Provider(
        "X (Twitter)",
        "post",
        re.compile(
            r"https?://(?:www\.|mobile\.)?(?:x|twitter)\.com/"
            r"(?P<user>[A-Za-z0-9_]{1,15})/status/(?P<status>\d{5,25})"
        ),
        re.compile(r"(?P<user>[A-Za-z0-9_]{1,15})/(?P<status>\d{5,25})"),
        "https://x.com/{user}/status/{status}",
        "https://platform.twitter.com/embed/Tweet.html?id={status}",
    ),
    "bluesky": Provider(
        "Bluesky",
        "post",
        re.compile(
            r"https?://bsky\.app/profile/(?P<user>[A-Za-z0-9.:-]{3,253})"
            r"/post/(?P<post>[a-z0-9]{10,20})"
        ),
        re.compile(r"(?P<user>[A-Za-z0-9.:-]{3,253})/(?P<post>[a-z0-9]{10,20})"),
        "https://bsky.app/profile/{user}/post/{post}",
        "https://embed.bsky.app/embed/{user}/app.bsky.feed.post/{post}",
    ),
    "instagram": Provider(
        "Instagram",
        "post",
        re.compile(
            r"https?://(?:www\.)?instagram\.com/(?:p|reel)/(?P<id>[A-Za-z0-9_-]{5,40})"
        ),
        re.compile(r"(?P<id>[A-Za-z0-9_-]{5,40})"),
        "https://www.instagram.com/p/{id}/",
        "https://www.instagram.com/p/{id}/embed/",
    ),
    "tiktok": Provider(
        "TikTok",
        "video",
        re.compile(
            r"https?://(?:www\.)?tiktok\.com/@(?P<user>[A-Za-z0-9_.]{2,24})"
            r"/video/(?P<video>\d{10,25})"
        ),
        re.compile(r"(?P<user>[A-Za-z0-9_.]{2,24})/(?P<video>\d{10,25})"),
        "https://www.tiktok.com/@{user}/video/{video}",
        "https://www.tiktok.com/embed/v2/{video}",
    ),
    "mastodon": Provider(
        "Mastodon",
        "post",
        re.compile(
            r"https://(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)"
            r"/@(?P<user>[A-Za-z0-9_]{1,30})/(?P<post>\d{5,25})"
        ),
        re.compile(
            r"(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)/(?P<user>[A-Za-z0-9_]{1,30})"
            r"/(?P<post>\d{5,25})"
        ),
        "https://{host}/@{user}/{post}",
        "https://{host}/@{user}/{post}/embed",
    ),
}
PROVIDER_NAMES = ", ".join(provider.name for provider in PROVIDERS.values())


def parse_embed(url: str) -> tuple[str, str]:
    """(provider, id) of a pasted address, or a ValidationError saying what works."""
    url = unescape(url).strip()
    for key, provider in PROVIDERS.items():
        if match := provider.pattern.match(url):
            return key, "/".join(value for value in match.groupdict().values())
    raise ValidationError(
        f"The embed address {url!r} is not one the site can show. Paste the address "
        f"of a single video or post from {PROVIDER_NAMES}.",
        code="embed",
    )


def _attributes(text: str) -> dict:
    return {name: unescape(value) for name, value in ATTRIBUTE.findall(text)}


def clean(html: str) -> str:
    """Body HTML (already sanitised) with its blocks checked and normalised.

    Pictures keep only a whole-number reference; embeds become provider and id, or a
    ValidationError for an address the site cannot show.
    """

    def normalised(match):
        attrs = _attributes(match["attrs"])
        kind = attrs.get("class", "")
        if kind == "story-picture":
            if not attrs.get("data-image", "").isdigit():
                return ""
            return f'<figure class="story-picture" data-image="{int(attrs["data-image"])}"></figure>'
        if kind == "embed":
            provider, embed_id = attrs.get("data-provider"), attrs.get("data-id", "")
            if attrs.get("data-url"):
                provider, embed_id = parse_embed(attrs["data-url"])
            elif provider not in PROVIDERS or not PROVIDERS[
                provider
            ].id_pattern.fullmatch(embed_id):
                raise ValidationError("An embed in the story lost its address.")
            return (
                f'<figure class="embed" data-provider="{provider}" '
                f'data-id="{escape(embed_id)}"></figure>'
            )
        return ""  # no other figure comes from the editor

    html = FIGURE.sub(normalised, html or "")
    return ASIDE.sub('<aside class="pull-quote">', html)


def picture_ids(html: str) -> list[int]:
    return [
        int(attrs["data-image"])
        for match in FIGURE.finditer(html or "")
        if (attrs := _attributes(match["attrs"])).get("class") == "story-picture"
    ]


def embeds(html: str) -> list[tuple[Provider, str]]:
    found = []
    for match in FIGURE.finditer(html or ""):
        attrs = _attributes(match["attrs"])
        if attrs.get("class") == "embed" and attrs.get("data-provider") in PROVIDERS:
            found.append((PROVIDERS[attrs["data-provider"]], attrs["data-id"]))
    return found


def inline_pictures(article) -> dict:
    """The library pictures the body shows, by id; one query, once per story object."""
    if not hasattr(article, "_inline_pictures"):
        from .models import Image

        ids = picture_ids(article.body)
        article._inline_pictures = Image.objects.in_bulk(ids) if ids else {}
    return article._inline_pictures


def prefetch_pictures(articles) -> None:
    """The inline pictures of many stories (a feed) in one query."""
    from .models import Image

    ids = {pk for article in articles for pk in picture_ids(article.body)}
    found = Image.objects.in_bulk(ids) if ids else {}
    for article in articles:
        article._inline_pictures = {
            pk: found[pk] for pk in picture_ids(article.body) if pk in found
        }


def frame_sources(article) -> list[str]:
    """The origins whose players this story may frame, after a reader's click."""
    return sorted(
        {provider.origin(embed_id) for provider, embed_id in embeds(article.body)}
    )


def render(article, *, absolute=None) -> str:
    """The body as readers see it. ``absolute`` (a request's build_absolute_uri) makes
    the feed form: plain <img> with absolute addresses, embeds as links."""
    pictures = inline_pictures(article)

    def drawn(match):
        attrs = _attributes(match["attrs"])
        kind = attrs.get("class")
        if kind == "story-picture":
            image = pictures.get(int(attrs.get("data-image", "0") or 0))
            if image is None:
                return ""  # deleted from the library: nothing to show
            if absolute is None:
                return render_to_string("includes/story_picture.html", {"image": image})
            src = image.rendition_for(None, FEED_PICTURE_WIDTH)
            return render_to_string(
                "includes/story_picture_feed.html",
                {"image": image, "src": src, "url": absolute(src.url)},
            )
        if kind == "embed" and attrs.get("data-provider") in PROVIDERS:
            provider = PROVIDERS[attrs["data-provider"]]
            embed_id = attrs.get("data-id", "")
            if not provider.id_pattern.fullmatch(embed_id):
                return ""
            template = "includes/embed_feed.html" if absolute else "includes/embed.html"
            return render_to_string(
                template,
                {
                    "provider": provider,
                    "key": attrs["data-provider"],
                    "link": provider.link_for(embed_id),
                    "player": provider.player_for(embed_id),
                },
            )
        return match[0]

    return mark_safe(FIGURE.sub(drawn, article.body or ""))
