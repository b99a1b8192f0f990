"""Who else has a story open: heartbeats from each open story form.

A visible tab beats every 15 s and counts for 45 s after its last beat; closing it
sends a last "leave" (pagehide beacon), and a crashed one simply runs out. A tab in
the background still beats, but browsers slow its timers to once a minute after a
few minutes, so a hidden tab counts for longer: switching tabs never drops someone
from the notice (wagtail#12207), a closed tab still goes at once.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Presence

HEARTBEAT = timedelta(seconds=15)
VISIBLE_TTL = timedelta(seconds=45)
HIDDEN_TTL = timedelta(seconds=150)


@dataclass(frozen=True)
class Editor:
    name: str
    since: datetime
    has_changes: bool
    is_me: bool


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def new_tab() -> str:
    return uuid.uuid4().hex


def beat(user, article, *, tab: str, has_changes: bool, hidden: bool = False):
    """Record that ``tab`` still has ``article`` open."""
    now = timezone.now()
    fields = {
        "seen_at": now,
        "expires_at": now + (HIDDEN_TTL if hidden else VISIBLE_TTL),
        "has_changes": has_changes,
        "name": display_name(user),
    }
    if Presence.objects.filter(tab=tab).exists():
        Presence.objects.filter(
            tab=tab, user=user, article=article, closed=False
        ).update(**fields)
        return
    try:
        with transaction.atomic():
            Presence.objects.create(
                tab=tab, user=user, article=article, opened_at=now, **fields
            )
    except IntegrityError:
        # Someone else's tab id: the caller's page gets no row rather than theirs.
        pass


def leave(user, *, tab: str) -> None:
    Presence.objects.filter(tab=tab, user=user).update(
        closed=True, expires_at=timezone.now() + VISIBLE_TTL
    )


def others(user, article, *, tab: str | None = None) -> list[Editor]:
    """Everyone with ``article`` open now, but the asking tab; one line per person."""
    now = timezone.now()
    rows = (
        Presence.objects.filter(article=article, expires_at__gt=now, closed=False)
        .exclude(tab=tab or "")
        .order_by("opened_at")
    )
    people: dict[int, Editor] = {}
    for row in rows:
        known = people.get(row.user_id)
        people[row.user_id] = Editor(
            name=row.name,
            since=known.since if known else row.opened_at,
            has_changes=row.has_changes or bool(known and known.has_changes),
            is_me=row.user_id == user.pk,
        )
    # Rows that ran out are of no use to anyone.
    Presence.objects.filter(article=article, expires_at__lte=now).delete()
    return list(people.values())
