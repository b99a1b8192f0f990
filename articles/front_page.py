"""How the front page is put together from the editors' pins and the latest stories.

The lead is, in this order: a story pinned over breaking news, a live breaking
story, a pinned lead, the newest story. A story that loses the lead to another
(a pinned lead under breaking news, or breaking news under a pin kept over it)
takes the first free top-story slot. Top-story slots show their pin or the next
newest story. Every story shows once: the latest list and the section blocks skip
what stands above them.

Pinned and breaking stories are read in one query with the page's other cards, so
the page costs the same number of queries with or without pins.
"""

from dataclasses import dataclass, field

from django.db.models import F, prefetch_related_objects
from django.utils import timezone

from .compiled_queries import CompiledQuery
from .models import Article, FrontPageSlot, Section, ordered_bylines
from .models.front_page import live_pin_lookups
from .paging import Page, older_newer_page

TOP_SLOTS = [
    FrontPageSlot.Slot.TOP_1,
    FrontPageSlot.Slot.TOP_2,
    FrontPageSlot.Slot.TOP_3,
    FrontPageSlot.Slot.TOP_4,
]
SECTION_BLOCK_SIZE = 4


@dataclass
class FrontPage:
    page: Page | None
    breaking: Article | None = None
    lead: Article | None = None
    top: list[Article] = field(default_factory=list)
    stories: list[Article] = field(default_factory=list)
    section_blocks: list[tuple[Section, list[Article]]] = field(default_factory=list)

    @property
    def shown(self) -> list[Article]:
        above = [self.breaking, self.lead, *self.top, *self.stories]
        below = [story for _, block in self.section_blocks for story in block]
        return [story for story in (*above, *below) if story is not None]


def pinned_and_breaking():
    """Visible pinned stories (annotated with their slot) and the newest live
    breaking story, in one query of a handful of rows found by index."""
    now = timezone.now()
    live_pins = FrontPageSlot.objects.filter(live_pin_lookups(now)).values("article")
    newest_breaking = Article.objects.breaking().newest_first().values("pk")[:1]
    stories = (
        Article.objects.published()
        .for_listing(bylines=False)
        .in_any([newest_breaking, live_pins])
        .annotate(
            pinned_slot=F("front_slot__slot"),
            pinned_until=F("front_slot__pinned_until"),
            pinned_over_breaking=F("front_slot__over_breaking"),
        )
        .newest_first()
    )
    pins, breaking = {}, None
    for story in stories:
        if story.pinned_slot and (
            story.pinned_until is None or story.pinned_until > now
        ):
            pins[story.pinned_slot] = story
        if breaking is None and story.is_breaking_now:
            breaking = story
    return pins, breaking


def front_page(number: int, size: int) -> FrontPage:
    pins, breaking = pinned_and_breaking()
    held = {story.pk for story in pins.values()}
    if breaking is not None:
        held.add(breaking.pk)
    latest = Article.objects.published().for_listing(bylines=False).newest_first()
    if held:
        latest = latest.exclude(pk__in=held)
    # Held stories fill places on the first page, so it takes fewer of the latest
    # and later pages neither repeat nor miss one.
    page = older_newer_page(latest, number, size, skip=len(held))
    if number > 1:
        front = FrontPage(page=page, stories=list(page.object_list))
    else:
        front = arrange(pins, breaking, list(page.object_list))
        front.page = page
        front.section_blocks = section_blocks(
            exclude={story.pk for story in front.shown}
        )
    # Every card's byline in one query, whichever part of the page it is in.
    prefetch_related_objects(front.shown, ordered_bylines())
    return front


def arrange(pins, breaking, latest) -> FrontPage:
    """Place pinned, breaking and latest stories in the lead, top and latest slots."""
    queue = list(latest)
    lead_pin = pins.get(FrontPageSlot.Slot.LEAD)
    displaced = []
    if lead_pin is not None and (
        breaking is None or lead_pin.pinned_over_breaking or lead_pin == breaking
    ):
        lead = lead_pin
        if breaking is not None and breaking != lead_pin:
            displaced.append(breaking)
    elif breaking is not None:
        lead = breaking
        if lead_pin is not None:
            displaced.append(lead_pin)
    else:
        lead = queue.pop(0) if queue else None
    placed = {lead.pk} if lead else set()
    top = []
    for slot in TOP_SLOTS:
        story = pins.get(slot)
        if story is not None and story.pk in placed:
            story = None  # breaking news pinned here already leads the page
        if story is None:
            displaced = [story for story in displaced if story.pk not in placed]
            source = displaced or queue
            story = source.pop(0) if source else None
        if story is not None:
            top.append(story)
            placed.add(story.pk)
    stories = [story for story in [*displaced, *queue] if story.pk not in placed]
    if lead is None and top:
        lead = top.pop(0)  # a front page never has an empty lead above its stories
    return FrontPage(page=None, breaking=breaking, lead=lead, top=top, stories=stories)


def section_blocks(*, exclude) -> list[tuple[Section, list[Article]]]:
    """A block of the newest stories per section, in the editors' order, without
    the stories already shown above them."""
    sections = {
        section.pk: section
        for section in Section.objects.exclude(front_block__shown=False).order_by(
            F("front_block__position").asc(nulls_last=True), "position", "name"
        )
    }
    blocks = {section: [] for section in sections.values()}
    newest = [
        pk
        for (pk,) in section_block_ranking.rows(
            now=timezone.now(),
            section_ids=list(sections),
            shown=sorted(exclude),
            per_section=SECTION_BLOCK_SIZE,
        )
    ]
    stories = Article.objects.published().for_compact_listing(bylines=False)
    stories = stories.in_bulk(newest)
    for story in (stories[pk] for pk in newest if pk in stories):
        # The section came with the section list; no need to join it again.
        story.section = sections[story.section_id]
        blocks[story.section].append(story)
    return [(section, block) for section, block in blocks.items() if block]


def newest_per_section(*, now, section_ids, shown, per_section):
    """Ids of the newest ``per_section`` visible stories of each section, newest
    first, leaving out ``shown``."""
    stories = Article.objects.published(now)
    if shown:
        stories = stories.exclude(pk__in=shown)
    return stories.latest_per_section(per_section, section_ids).values_list("pk")


# The ORM took longer to write this union of one index scan per section than
# PostgreSQL took to run it; its shape stays put from one request to the next.
section_block_ranking = CompiledQuery(
    Article, newest_per_section, constants=["per_section"]
)
