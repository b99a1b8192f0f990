"""A realistic archive of N published stories, loaded in bulk, for benchmarks and plans.

    uv run python bench/reader_load.py       # seeds 1,000 then 20,000 through this module

The shape of a newsroom's archive: seven sections, a dozen bylines, 200 tags used with
Zipf-skewed frequency (3 to 5 a story, so the busiest tag is on about half of the
archive), ~700-word bodies, a note on one story in 25, and a pool of shared pictures whose renditions are made
ahead through the real upload pipeline. One story is breaking.

Like a test fixture, this writes rows directly (``bulk_create``) instead of going
through the publishing module: it builds a database in the state publishing would have
left it, 20,000 stories in seconds, and is never run against a real newsroom.
"""

import io
import random
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from taggit.models import Tag

from articles.models import (
    Article,
    Author,
    Byline,
    Image,
    Note,
    Section,
    TaggedArticle,
)
from articles.plain_text import html_to_text

TAG_COUNT = 200
BUSIEST_TAG = "topic-001"
SECTIONS = ["World", "Europe", "Defence", "Politics", "Business", "Science", "Sport"]
AUTHOR_COUNT = 12
BODY_WORDS = 700
BATCH = 2000
# One story in 25 carries a correction, clarification or update.
NOTE_EVERY = 25
NOTE_KINDS = ["correction", "clarification", "update"]
# Every word of the bodies is in every story; search looks for one that is in 1 %.
RARE_WORD = "frigate"
WORDS = (
    "the minister said on tuesday that talks would resume after a week of strikes "
    "across the northern provinces while officials in the capital warned of delays "
    "to the budget vote and analysts expect markets to react when the figures are "
    "published by the statistics office later this month according to people "
    "familiar with the plan defence spending rises again as allies meet in brussels"
).split()


def zipf_tags(rng: random.Random, tags: list, weights: list[float]) -> list:
    count = rng.randint(3, 5)
    chosen: dict[int, object] = {}
    while len(chosen) < count:
        tag = rng.choices(tags, weights)[0]
        chosen[tag.pk] = tag
    return list(chosen.values())


def body(rng: random.Random) -> str:
    paragraphs, words = [], 0
    while words < BODY_WORDS:
        length = rng.randint(40, 90)
        text = " ".join(rng.choice(WORDS) for _ in range(length))
        paragraphs.append(f"<p>{text.capitalize()}.</p>")
        words += length
    return "".join(paragraphs)


def picture(number: int) -> SimpleUploadedFile:
    canvas = PILImage.new("RGB", (1600, 900), (30 + number * 7 % 200, 80, 140))
    ImageDraw.Draw(canvas).ellipse((400, 150, 1200, 750), fill=(220, 200, 60))
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(f"pool-{number}.jpg", buffer.getvalue(), "image/jpeg")


def load(stories: int, *, pictures: int = 12, seed: int = 11) -> None:
    """Add ``stories`` published stories (and their sections, tags, bylines, pictures)."""
    rng = random.Random(seed)
    now = timezone.now()
    # Renditions are made after commit, as for an upload in the admin.
    with transaction.atomic():
        pool = [
            Image.objects.create_from_upload(
                picture(n), alt_text=f"Illustration {n}", credit="Newsroom"
            )
            for n in range(pictures)
        ]
    with transaction.atomic():
        sections = [
            Section.objects.create(name=name, slug=name.lower(), position=n)
            for n, name in enumerate(SECTIONS)
        ]
        authors = [
            Author.objects.create(name=f"Writer {n}", slug=f"writer-{n}")
            for n in range(AUTHOR_COUNT)
        ]
        tags = Tag.objects.bulk_create(
            Tag(name=f"Topic {n:03}", slug=f"topic-{n:03}")
            for n in range(1, TAG_COUNT + 1)
        )
        weights = [1 / rank for rank in range(1, TAG_COUNT + 1)]
        bodies = [body(rng) for _ in range(50)]
        texts = [html_to_text(text) for text in bodies]
        for start in range(0, stories, BATCH):
            batch = []
            for n in range(start, min(start + BATCH, stories)):
                variant = rng.randrange(len(bodies))
                published = now - timedelta(minutes=45 * n + 5)
                batch.append(
                    Article(
                        headline=f"Story {n}: {' '.join(rng.sample(WORDS, 6))}"
                        + (f" {RARE_WORD}" if n % 97 == 0 else ""),
                        slug=f"story-{n:05}",
                        dek=" ".join(rng.sample(WORDS, 20)).capitalize() + ".",
                        body=bodies[variant],
                        body_text=texts[variant],
                        section=sections[n % len(sections)],
                        lead_image=pool[n % len(pool)],
                        status=Article.Status.PUBLISHED,
                        publish_at=published,
                        first_published_at=published,
                        is_breaking=n == 0,
                        breaking_until=now + timedelta(hours=2) if n == 0 else None,
                    )
                )
            Article.objects.bulk_create(batch)
            Byline.objects.bulk_create(
                Byline(article=story, author=author, position=position)
                for story in batch
                for position, author in enumerate(
                    rng.sample(authors, 1 + (story.pk % 5 == 0))
                )
            )
            TaggedArticle.objects.bulk_create(
                TaggedArticle(
                    content_object=story, tag=tag, story_publish_at=story.tag_order
                )
                for story in batch
                for tag in zipf_tags(rng, tags, weights)
            )
            Note.objects.bulk_create(
                Note(
                    article=story,
                    kind=rng.choice(NOTE_KINDS),
                    text="An earlier version of this story misstated a figure.",
                    created_at=story.publish_at + timedelta(hours=3),
                )
                for story in batch
                if story.pk % NOTE_EVERY == 0
            )
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of a bulk load; without fresh
        # statistics the planner plans for the old, empty tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
