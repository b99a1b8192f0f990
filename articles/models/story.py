import operator
from collections import defaultdict

from django.conf import settings
from django.db import connections, models
from django.db.models import Count, F, Prefetch, Q, Subquery
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField, create_sanitizer
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from newsroom.addresses import address

from .. import story_blocks
from ..compiled_queries import CompiledQuery
from ..plain_text import html_to_text
from ..text import plain
from .picture import Image

# The longest story the desk still calls a brief (the demo's run 110–140 words, its
# features 550 and more); longer stories are features and need their picture.
BRIEF_WORDS = 300
# What a story card never shows.
LISTING_DEFERRED = ("body", "body_text")
# What search results and share cards show before they cut a line (Google shows
# about 60 characters of a title and 155-160 of a description; X and Facebook cards
# about 70 of a title): the admin counts against these while editors type.
SEO_TITLE_CHARS = 60
META_DESCRIPTION_CHARS = 160
SOCIAL_HEADLINE_CHARS = 70
# Related stories are ranked among this many of the newest stories of each tag.
RELATED_CANDIDATES_PER_TAG = 50

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    # Library pictures, pull quotes and embeds (articles/story_blocks.py).
    "StoryPicture": True,
    "PullQuote": True,
    "Embed": True,
}


class Section(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Sections are listed in this order, lowest first."
    )

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = plain(self.name)
        self.description = plain(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return address("articles:section", self.slug)


class Author(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organisation (agency, newsroom)"

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.PERSON)
    bio = models.TextField(
        blank=True, help_text="Two or three sentences shown on the author page."
    )
    photo = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="Agencies and freelancers have no login; leave empty for them.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = plain(self.name)
        self.bio = plain(self.bio)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return address("articles:author", self.slug)


def state_lookups(now):
    """The one definition of a story's editorial state, as ORM lookups.

    Querysets filter with these lookups and the ``is_*`` properties evaluate the same
    lookups on one story (``matches``), so the reader pages, the admin's status
    filter and its status column cannot drift apart.
    """
    published = Article.Status.PUBLISHED
    return {
        "draft": {"status": Article.Status.DRAFT},
        "review": {"status": Article.Status.REVIEW},
        "scheduled": {"status": published, "publish_at__gt": now},
        "published": {"status": published, "publish_at__lte": now},
    }


def ended_lookups(now):
    """A story whose "unpublish at" has passed: readers no longer see it, from that
    second, although it stays published in the editors' records."""
    return {"status": Article.Status.PUBLISHED, "unpublish_at__lte": now}


def breaking_lookups(now):
    """A flagged story's banner shows until its expiry (on top of being published)."""
    return {"is_breaking": True, "breaking_until__gt": now}


COMPARISONS = {"exact": operator.eq, "lte": operator.le, "gt": operator.gt}


def matches(article, lookups):
    """Whether one story satisfies ``lookups`` as the database would filter it."""
    for lookup, wanted in lookups.items():
        name, _, comparison = lookup.partition("__")
        value = getattr(article, name)
        if value is None and comparison:
            return False  # SQL: NULL is neither before nor after a time
        if not COMPARISONS[comparison or "exact"](value, wanted):
            return False
    return True


def ordered_bylines():
    """A story's bylines with their authors, in the order the desk set."""
    return Prefetch(
        "bylines",
        queryset=Byline.objects.select_related("author").order_by("position", "pk"),
    )


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """The one rule of visibility: published, and publish_at has passed (by
        ``now``, the present unless given)."""
        return self.in_state("published", now)

    def scheduled(self, now=None):
        """Published with a time still to come: readers see it from then."""
        return self.in_state("scheduled", now)

    def in_state(self, state, now=None):
        """Draft, review, scheduled, published or ended, as editors think of a story."""
        now = now or timezone.now()
        if state == "ended":
            return self.filter(**ended_lookups(now))
        stories = self.filter(**state_lookups(now)[state])
        if state == "published":
            # exclude() keeps the stories with no end (NULL), as wanted.
            stories = stories.exclude(**ended_lookups(now))
        return stories

    def breaking(self, now=None):
        """Published stories whose breaking flag has not expired yet."""
        now = now or timezone.now()
        return self.published(now).filter(**breaking_lookups(now))

    def next_change_at(self):
        """The instant of the next event that changes what readers see, or None.

        A scheduled story appearing (a breaking story scheduled for later counts by
        its publish time), a story's "unpublish at" arriving, a live breaking banner
        ending or a front-page pin ending. One query of indexed LIMIT 1 subqueries
        (riding on the first story by id: no stories, no change to wait for);
        caches may live until then and no longer.
        """
        from .front_page import FrontPageSlot

        now = timezone.now()
        moments = {
            "appears": self.scheduled().order_by("publish_at").values("publish_at"),
            "ends": self.published()
            .filter(unpublish_at__gt=now)
            .order_by("unpublish_at")
            .values("unpublish_at"),
            "banner_ends": self.published()
            .filter(**breaking_lookups(now))
            .order_by("breaking_until")
            .values("breaking_until"),
            "pin_ends": FrontPageSlot.objects.filter(
                article__isnull=False, pinned_until__gt=now
            )
            .order_by("pinned_until")
            .values("pinned_until"),
        }
        rows = (
            self.model.objects.order_by("pk")
            .annotate(**{name: Subquery(query[:1]) for name, query in moments.items()})
            .values_list(*moments)[:1]
        )
        return min((moment for row in rows for moment in row if moment), default=None)

    def with_relations(self, *, bylines=True):
        """Whole stories with what their page shows beside them: section, lead
        picture (and the social one), byline in order and tags, each in one query
        whatever the count. ``bylines=False`` leaves the bylines to a later
        ``with_bylines()`` shared with other stories on the page."""
        stories = self.select_related(
            "section", "lead_image", "social_image"
        ).prefetch_related("tags")
        return stories.prefetch_related(ordered_bylines()) if bylines else stories

    def for_listing(self, *, bylines=True):
        """Story cards: the columns a card shows, never the ~9 KB of body a story
        carries (which made listing sorts spill to disk), and no tags (no card shows
        them)."""
        cards = self.defer(*LISTING_DEFERRED).select_related("section", "lead_image")
        return cards.prefetch_related(ordered_bylines()) if bylines else cards

    def cards_by_id(self, ids, *, now=None) -> dict:
        """The cards (``for_listing()``, bylines left to the caller) of the visible
        stories among ``ids``, by id, in one query (``visible_cards``, which reads
        ``published()`` itself: call it on the manager)."""
        if not ids:
            return {}
        cards = visible_cards.objects(ids=list(ids), now=now or timezone.now())
        return {card.pk: card for card in cards}

    def newest_first(self):
        return self.order_by("-publish_at", "-pk")

    def in_any(self, subqueries):
        """Stories whose id one of ``subqueries`` (each a sliced ``values("pk")``)
        yields: one IN over a UNION ALL, which PostgreSQL runs as a semi-join of a few
        index scans. An OR of IN clauses would be a filter over every story instead;
        SQLite, which cannot slice inside a UNION, gets the OR."""
        subqueries = list(subqueries)
        if not subqueries:
            return self.none()
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            first, *rest = subqueries
            return self.filter(pk__in=first.union(*rest, all=True))
        any_of = Q()
        for subquery in subqueries:
            any_of |= Q(pk__in=subquery)
        return self.filter(any_of)

    def latest_per_section(self, per_section: int, section_ids):
        """The newest ``per_section`` stories of each section, for the front page.

        One query of one small index scan per section (a LIMIT each, on the
        section listing index), never a window over the whole archive.
        """
        return self.in_any(
            self.filter(section_id=section_id).newest_first().values("pk")[:per_section]
            for section_id in section_ids
        ).newest_first()

    def related_ids(self, article, *, limit: int) -> list[int]:
        """The ids of the ``limit`` visible stories sharing most tags with
        ``article``, then the newest, best first (``ranked_related``, which reads
        ``published()`` itself: call it on the manager)."""
        tag_ids = [tag.pk for tag in article.tags.all()]
        if not tag_ids:
            return []
        rows = related_ranking.rows(
            story=article.pk,
            tag_ids=tag_ids,
            now=timezone.now(),
            limit=limit,
            per_tag=RELATED_CANDIDATES_PER_TAG,
        )
        return [pk for (pk,) in rows]


def ranked_related(*, story, tag_ids, now, limit, per_tag):
    """The ranking behind ``related_ids()``.

    The candidates are the newest ``per_tag`` stories of each of the story's tags,
    read from the end of one index each; they are ranked on their ids alone, so a
    story with a tag on half the archive costs what one with a rare tag costs.
    """
    candidates = (
        Article.objects.published(now)
        .exclude(pk=story)
        .in_any(
            TaggedArticle.objects.filter(tag_id=tag_id, story_publish_at__lte=now)
            .exclude(content_object_id=story)
            .order_by("-story_publish_at", "-content_object_id")
            .values("content_object_id")[:per_tag]
            for tag_id in tag_ids
        )
    )
    shared_tags = Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids))
    return (
        candidates.annotate(shared_tags=shared_tags)
        .order_by("-shared_tags", "-publish_at", "-pk")
        .values_list("pk")[:limit]
    )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The story's address on the site."
    )
    dek = models.TextField(
        "standfirst", blank=True, help_text="One or two sentences under the headline."
    )
    # The allow-list first, then the blocks' own checks (applied last to first).
    body = ProseEditorField(
        extensions=BODY_EXTENSIONS,
        sanitize=[story_blocks.clean, create_sanitizer],
        blank=True,
    )
    body_text = models.TextField(
        blank=True,
        editable=False,
        help_text="The body without markup; search indexes it and quotes it in results.",
    )
    section = models.ForeignKey(
        Section,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    authors = models.ManyToManyField(
        Author, through="Byline", related_name="articles", blank=True
    )
    # In the order they were added, everywhere: taggit's prefetch (every reader page)
    # otherwise returns them in whatever order the query plan yields.
    tags = TaggableManager(
        blank=True,
        through="TaggedArticle",
        ordering=["articles_taggedarticle_items__pk"],
    )
    lead_image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.PROTECT, related_name="lead_for"
    )
    seo_title = models.CharField(
        "search title",
        max_length=200,
        blank=True,
        help_text="The title search engines show. Empty: the headline. "
        f"Search results show about {SEO_TITLE_CHARS} characters.",
    )
    meta_description = models.TextField(
        "search description",
        max_length=400,
        blank=True,
        help_text="The summary under the title in search results. Empty: the "
        f"standfirst. Search results show about {META_DESCRIPTION_CHARS} characters.",
    )
    social_headline = models.CharField(
        max_length=200,
        blank=True,
        help_text="The headline on shares to social networks. Empty: the search "
        f"title or headline. Share cards show about {SOCIAL_HEADLINE_CHARS} characters.",
    )
    social_image = models.ForeignKey(
        Image,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="social_for",
        verbose_name="social picture",
        help_text="The picture on share cards. Empty: the lead picture.",
    )
    status = models.CharField(max_length=16, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Readers see the story from this moment. A future time schedules it.",
    )
    unpublish_at = models.DateTimeField(
        "unpublish at",
        null=True,
        blank=True,
        help_text="Readers stop seeing the story at this moment (an expiring notice, "
        "an agreed takedown). Empty: it stays up.",
    )
    taken_down_at = models.DateTimeField(null=True, blank=True, editable=False)
    takedown_reason = models.TextField(
        "reason for the takedown",
        blank=True,
        editable=False,
        help_text="Why the story was taken down for legal reasons; kept on record.",
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(
        "updated",
        null=True,
        blank=True,
        help_text='Shown to readers as "Updated" after a substantive change.',
    )
    is_breaking = models.BooleanField(
        "breaking",
        default=False,
        help_text="Shows the breaking-news banner on the front page.",
    )
    breaking_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The banner and label go away by themselves at this time.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        # The newsroom says "story"; the admin's titles, buttons and messages follow.
        verbose_name = "story"
        verbose_name_plural = "stories"
        ordering = ["-publish_at", "-pk"]
        indexes = [
            # Listings order by (publish_at, id): with id in the index, the newest
            # page is read off its end with no sort, at any archive size.
            models.Index(
                fields=["status", "publish_at", "id"], name="article_published_order"
            ),
            models.Index(
                fields=["section", "status", "publish_at", "id"],
                name="article_section_order",
            ),
            models.Index(
                fields=["is_breaking", "breaking_until"], name="article_breaking"
            ),
            models.Index(
                fields=["unpublish_at"],
                name="article_unpublish_at",
                condition=Q(unpublish_at__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(publish_at__isnull=False),
                name="published_needs_publish_at",
                violation_error_message="A published story needs a publish time.",
            ),
            models.CheckConstraint(
                condition=Q(is_breaking=False) | Q(breaking_until__isnull=False),
                name="breaking_needs_expiry",
                violation_error_message="A breaking story needs a time when the banner ends.",
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True)
                | Q(publish_at__isnull=True)
                | Q(unpublish_at__gt=F("publish_at")),
                name="unpublish_after_publish",
                violation_error_message="“Unpublish at” must come after the "
                "publication time.",
            ),
        ]
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish stories"),
            ("set_breaking", "Can flag a story as breaking news"),
            ("edit_any_article", "Can edit any story, whoever wrote it"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        # Every save path is sanitised, not only the admin form: imports, shells, fixtures.
        self.body = self._meta.get_field("body").sanitize(plain(self.body or ""))
        self.body_text = html_to_text(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_text"}
        self.headline = plain(self.headline)
        self.dek = plain(self.dek)
        self.seo_title = plain(self.seo_title)
        self.meta_description = plain(self.meta_description)
        self.social_headline = plain(self.social_headline)
        if self.status == self.Status.PUBLISHED and self.first_published_at is None:
            self.first_published_at = self.publish_at
        super().save(*args, **kwargs)
        if update_fields is None or {"status", "publish_at"} & set(update_fields):
            self.tagged_items.exclude(story_publish_at=self.tag_order).update(
                story_publish_at=self.tag_order
            )

    def get_absolute_url(self):
        return address("articles:detail", self.slug)

    @property
    def tag_order(self):
        """Where the story sorts among its tags' stories: its publication time while it
        is published (scheduled included), nothing otherwise. Kept on each tagging."""
        return self.publish_at if self.status == self.Status.PUBLISHED else None

    @property
    def is_published(self):
        now = timezone.now()
        return matches(self, state_lookups(now)["published"]) and not matches(
            self, ended_lookups(now)
        )

    @property
    def has_ended(self):
        return matches(self, ended_lookups(timezone.now()))

    @property
    def is_scheduled(self):
        return matches(self, state_lookups(timezone.now())["scheduled"])

    @property
    def is_breaking_now(self):
        return self.is_published and matches(self, breaking_lookups(timezone.now()))

    @property
    def display_status(self):
        if self.taken_down_at and self.status != self.Status.PUBLISHED:
            return "Taken down"
        if self.has_ended:
            return "Ended"
        return "Scheduled" if self.is_scheduled else self.get_status_display()

    @property
    def shown_notes(self):
        """The corrections and updates under the story, oldest first; no query when
        the story page's own query found it has none (``has_notes``)."""
        if getattr(self, "has_notes", True):
            return self.notes.all()
        return []

    @property
    def fetched_bylines(self):
        """The bylines loaded with the story, by ``with_bylines()`` or the prefetch of
        ``ordered_bylines()``; None if neither ran. Never a query."""
        if "loaded_bylines" in self.__dict__:
            return self.loaded_bylines
        return getattr(self, "_prefetched_objects_cache", {}).get("bylines")

    @property
    def byline_authors(self):
        """Authors in byline order: the bylines loaded with the story, else a query."""
        bylines = self.fetched_bylines
        if bylines is None:
            bylines = self.bylines.all()
        return [byline.author for byline in bylines]

    @property
    def may_go_out_before_its_picture(self):
        """A breaking desk publishes an alert or a brief the moment it is checked and
        adds the picture when one arrives; a feature is planned and waits for its
        picture. The desk tells them apart by the breaking flag and by length."""
        return self.is_breaking or len(html_to_text(self.body or "").split()) <= (
            BRIEF_WORDS
        )

    def publication_problems(self, author_count=None):
        """What the story still lacks before readers may see it, in an editor's words.

        ``author_count`` lets a form pass the byline it is about to save.
        """
        if author_count is None:
            author_count = self.bylines.count() if self.pk else 0
        problems = []
        if self.taken_down_at is not None:
            problems.append(
                f"its legal takedown lifted (reason: {self.takedown_reason})"
            )
        if self.section_id is None:
            problems.append("a section")
        if not self.dek.strip():
            problems.append("a standfirst")
        if not html_to_text(self.body or "").strip():
            problems.append("a body")
        if not author_count:
            problems.append("at least one author")
        image = self.lead_image
        if image is None:
            if not self.may_go_out_before_its_picture:
                problems.append(
                    f"a lead image (only breaking news and briefs of up to "
                    f"{BRIEF_WORDS} words may go out before their picture)"
                )
        else:
            if not image.alt_text.strip():
                problems.append("alt text on the lead image")
            if not image.credit.strip():
                problems.append("a credit on the lead image")
        return problems


class Byline(models.Model):
    """An author on a story, in the order the byline reads."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="byline_author_once"
            ),
        ]

    def __str__(self):
        return f"{self.author} on {self.article}"


class TaggedArticle(TaggedItemBase):
    """A tag on a story: taggit's custom through model with a real foreign key, so a
    tag page joins its stories by index instead of casting a generic object id."""

    content_object = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="tagged_items"
    )
    # A copy of the story's ``tag_order``, so "the newest stories of a tag" is the
    # end of one index instead of a join and sort over every story with that tag.
    # Article.save keeps it; readers' filters still apply to the story itself, so a
    # stale copy could only reorder candidates, never show a story that is not live.
    story_publish_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="tag_once_per_story"
            ),
        ]
        # The unique constraint serves "tags of a story"; this one "stories of a tag".
        indexes = [
            models.Index(
                fields=["tag", "content_object"], name="tagged_article_by_tag"
            ),
            models.Index(
                fields=["tag", "story_publish_at", "content_object"],
                name="tagged_article_newest",
            ),
        ]

    def __str__(self):
        return f"{self.tag} on {self.content_object}"

    def save(self, *args, **kwargs):
        # taggit creates a tagging with the story instance at hand (tags.add/set).
        if self._state.adding and self.story_publish_at is None:
            self.story_publish_at = self.content_object.tag_order
        super().save(*args, **kwargs)


related_ranking = CompiledQuery(Article, ranked_related, constants=["limit", "per_tag"])


def cards_with_ids(*, ids, now):
    """The query behind ``cards_by_id()``."""
    return (
        Article.objects.published(now)
        .for_listing(bylines=False)
        .filter(pk__in=ids)
        .order_by()  # the caller puts the cards in its own order
    )


# Building and compiling the cards' joins cost the ORM more than running them.
visible_cards = CompiledQuery(Article, cards_with_ids)


def bylines_of(*, story_ids):
    return (
        Byline.objects.filter(article_id__in=story_ids)
        .select_related("author")
        .order_by("position", "pk")
    )


story_bylines = CompiledQuery(Byline, bylines_of)


def with_bylines(stories):
    """Load every story's bylines with their authors, in the desk's order, in one
    query for all of them: what ``byline_authors`` reads. A page's bylines are the
    same query every time, so it is compiled once (``prefetch_related_objects()``
    built it anew for each page)."""
    ids = sorted({story.pk for story in stories})
    by_story = defaultdict(list)
    if ids:
        for byline in story_bylines.objects(story_ids=ids):
            by_story[byline.article_id].append(byline)
    for story in stories:
        story.loaded_bylines = by_story[story.pk]
