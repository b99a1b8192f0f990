"""How the front page is put together from the editors' pins and the latest stories.

The lead is, in this order: a story pinned over breaking news, a live breaking
story, a pinned lead, the newest story. A story that loses the lead to another
(a pinned lead under breaking news, or breaking news under a pin kept over it)
takes the first free top-story slot. Top-story slots show their pin or the next
newest story. Every story shows once: the latest list and the section blocks skip
what stands above them.

The stories are chosen by id first (pins and breaking, the latest, each section's
newest), then every card is loaded in one query and every byline in one more, so
the page costs the same number of queries with or without pins.
"""

from dataclasses import dataclass, field, replace

from django.db.models import F, Q
from django.utils import timezone

from .compiled_queries import CompiledQuery
from .models import Article, FrontPageSlot, Section, with_bylines
from .models.front_page import live_pin_lookups
from .models.story import breaking_lookups
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


def pins_and_breaking(*, now):
    """Visible pinned stories with their slot and the newest live breaking story,
    in one query of a handful of rows found by index: (id, slot, pinned until,
    pinned over breaking, breaking now), newest first."""
    live_pins = FrontPageSlot.objects.filter(live_pin_lookups(now)).values("article")
    newest_breaking = Article.objects.breaking(now).newest_first().values("pk")[:1]
    return (
        Article.objects.published(now)
        .in_any([newest_breaking, live_pins])
        .annotate(breaking_now=Q(**breaking_lookups(now)))
        .newest_first()
        .values_list(
            "pk",
            "front_slot__slot",
            "front_slot__pinned_until",
            "front_slot__over_breaking",
            "breaking_now",
        )
    )


pins_and_breaking_rows = CompiledQuery(Article, pins_and_breaking)


def front_page(number: int, size: int) -> FrontPage:
    now = timezone.now()
    pinned, lead_over_breaking, breaking_id = {}, False, None
    for pk, slot, until, over, breaking_now in pins_and_breaking_rows.rows(now=now):
        if slot and (until is None or until > now):
            pinned[slot] = pk
            if slot == FrontPageSlot.Slot.LEAD:
                lead_over_breaking = over
        if breaking_id is None and breaking_now:
            breaking_id = pk
    held = set(pinned.values()) | ({breaking_id} if breaking_id else set())
    latest = Article.objects.published(now).newest_first()
    if held:
        latest = latest.exclude(pk__in=held)
    # Held stories fill places on the first page, so it takes fewer of the latest
    # and later pages neither repeat nor miss one.
    page = older_newer_page(
        latest.values_list("pk", flat=True), number, size, skip=len(held)
    )
    if number > 1:
        cards = Article.objects.cards_by_id(page.object_list, now=now)
        latest_cards = [cards[pk] for pk in page.object_list if pk in cards]
        front = FrontPage(page=None, stories=latest_cards)
    else:
        sections = front_sections()
        block_ids = newest_in_sections(
            sections, exclude=held | set(page.object_list), now=now
        )
        cards = Article.objects.cards_by_id(
            [*held, *page.object_list, *block_ids], now=now
        )
        latest_cards = [cards[pk] for pk in page.object_list if pk in cards]
        pins = {slot: cards[pk] for slot, pk in pinned.items() if pk in cards}
        front = arrange(pins, cards.get(breaking_id), latest_cards, lead_over_breaking)
        front.section_blocks = section_blocks(
            sections, [cards[pk] for pk in block_ids if pk in cards]
        )
    front.page = replace(page, object_list=latest_cards)
    # Every card's byline in one query, whichever part of the page it is in.
    with_bylines(front.shown)
    return front


def arrange(pins, breaking, latest, lead_over_breaking=False) -> FrontPage:
    """Place pinned, breaking and latest stories in the lead, top and latest slots."""
    queue = list(latest)
    lead_pin = pins.get(FrontPageSlot.Slot.LEAD)
    displaced = []
    if lead_pin is not None and (
        breaking is None or lead_over_breaking or lead_pin == breaking
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


def sections_with_blocks():
    """The sections with a block on the front page, in the editors' order."""
    return Section.objects.exclude(front_block__shown=False).order_by(
        F("front_block__position").asc(nulls_last=True), "position", "name"
    )


front_block_sections = CompiledQuery(Section, sections_with_blocks)


def front_sections() -> dict[int, Section]:
    """The sections with a block on the front page, by id, in the editors' order."""
    return {section.pk: section for section in front_block_sections.objects()}


def newest_in_sections(sections, *, exclude, now) -> list[int]:
    """Ids of each section's newest stories for its block, leaving out those
    already shown above the blocks, newest first."""
    rows = section_block_ranking.rows(
        now=now,
        section_ids=list(sections),
        shown=sorted(exclude),
        per_section=SECTION_BLOCK_SIZE,
    )
    return [pk for (pk,) in rows]


def section_blocks(sections, stories) -> list[tuple[Section, list[Article]]]:
    """``stories`` in a block per section, in the order of ``sections``."""
    blocks = {section: [] for section in sections.values()}
    for story in stories:
        blocks[sections[story.section_id]].append(story)
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
