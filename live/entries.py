"""What readers see of a live entry, the same on the page and in the update log.

An entry is written to the log as a small JSON state (``snapshot``) and drawn from
that state by one template, so the page, the update answers and the structured data
can never disagree about an entry, and an answer drawn from old log rows is the same
bytes however the entry changed since.
"""

from dataclasses import dataclass
from datetime import datetime

from django.template.loader import render_to_string
from django.utils.text import Truncator

from articles.models import Image
from articles.plain_text import html_to_text

LABEL_WORDS = 12


def snapshot(entry) -> dict:
    """The entry as readers see it now, JSON-safe, for the log."""
    author = entry.author
    return {
        "kind": entry.kind,
        "headline": entry.headline,
        "body": entry.body,
        "image": entry.image_id,
        "author": author.name if author else "",
        "author_url": author.get_absolute_url() if author else "",
        "posted_at": entry.posted_at.isoformat(),
        "key_event": entry.is_key_event,
        "pinned": entry.is_pinned,
    }


@dataclass(frozen=True)
class Shown:
    """An entry drawn from its snapshot."""

    id: int
    kind: str
    headline: str
    body: str
    image: Image | None
    author: str
    author_url: str
    posted_at: datetime
    key_event: bool
    pinned: bool

    @property
    def anchor(self) -> str:
        return f"entry-{self.id}"

    @property
    def is_correction(self) -> bool:
        return self.kind == "correction"

    @property
    def label(self) -> str:
        """What the key-event list and the structured data call the entry."""
        if self.headline:
            return self.headline
        return Truncator(html_to_text(self.body)).words(LABEL_WORDS)


def shown(entry_id: int, state: dict, images: dict[int, Image]) -> Shown:
    return Shown(
        id=entry_id,
        kind=state["kind"],
        headline=state["headline"],
        body=state["body"],
        image=images.get(state["image"]),
        author=state["author"],
        author_url=state["author_url"],
        posted_at=datetime.fromisoformat(state["posted_at"]),
        key_event=state["key_event"],
        pinned=state["pinned"],
    )


def images_of(states) -> dict[int, Image]:
    """The pictures of these snapshots, in one query."""
    ids = {state["image"] for state in states if state and state["image"]}
    if not ids:
        return {}
    return {image.pk: image for image in Image.objects.filter(pk__in=ids)}


def html(entry: Shown, *, request=None) -> str:
    return render_to_string(
        "live/entry.html", {"entry": entry}, request=request
    ).strip()
