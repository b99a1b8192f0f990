"""Newer/older pages of a listing without counting the archive.

A reader never needs "page 3 of 1,667"; an exact COUNT(*) over every published story
on each front page, section and tag page costs what the archive weighs. A page fetches
one row more than it shows to know whether an older page exists.
"""

from dataclasses import dataclass

from django.http import Http404


@dataclass(frozen=True)
class Page:
    """What includes/pagination.html reads; the shape of Django's ``Page`` minus counts."""

    number: int
    object_list: list
    has_next: bool

    def __len__(self):
        return len(self.object_list)

    def __iter__(self):
        return iter(self.object_list)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def page_number(value) -> int:
    """?page= as a number; anything else is the first page, as Django's get_page does."""
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def older_newer_page(queryset, number: int, size: int, *, skip: int = 0) -> Page:
    """Page ``number`` of ``queryset``, ``size`` stories a page.

    ``skip`` stories shown above the first page's list (a lead held elsewhere) shorten
    that page, so later pages neither repeat nor miss a story. A page past the end
    is a 404, like any address that shows nothing.
    """
    start = max((number - 1) * size - skip, 0)
    length = size - skip if number == 1 else size
    rows = list(queryset[start : start + length + 1])
    if number > 1 and not rows:
        raise Http404("No stories on this page.")
    return Page(number=number, object_list=rows[:length], has_next=len(rows) > length)
