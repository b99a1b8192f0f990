"""Autosave: a story form's unsaved content, kept per user and story on the server.

The browser sends the whole form every ~10 s while it has changes (static/desk/
autosave.js); reopening the story offers to restore or discard it. Nothing here
touches the story itself: restoring fills the form, and only the editor's own Save
goes through the publishing module.
"""

from django.http import QueryDict
from django.utils import timezone

from .models import Autosave

# What steers the request rather than holds the story.
NOT_CONTENT = {"csrfmiddlewaretoken", "_save", "_continue", "_addanother", "_saveasnew"}
MAX_FIELDS = 2000


class Refused(Exception):
    """The autosave is not kept; the message says why, for the form's status line."""


def content(post: QueryDict) -> dict[str, list[str]]:
    fields = {name: post.getlist(name) for name in post if name not in NOT_CONTENT}
    if len(fields) > MAX_FIELDS:
        raise Refused("The form has too many fields to keep.")
    return fields


def keep(user, article, post: QueryDict) -> Autosave:
    """Store ``post`` as ``user``'s autosave of ``article`` (None: a new story)."""
    data = content(post)
    try:
        loaded = int((data.get("loaded_version") or [""])[0])
    except ValueError:
        loaded = None
    if (
        article is not None
        and loaded is not None
        and loaded < article.version
        and article.modified_by_id == user.pk
    ):
        # This page is older than the user's own last save (a request that was still
        # on its way when they pressed Save): keeping it would offer old text back.
        raise Refused(
            "You saved a newer version since; this page's changes are not kept."
        )
    autosave, _ = Autosave.objects.update_or_create(
        user=user,
        article=article,
        defaults={"data": data, "loaded_version": loaded, "saved_at": timezone.now()},
    )
    return autosave


def find(user, article) -> Autosave | None:
    return Autosave.objects.filter(user=user, article=article).first()


def discard(user, article) -> None:
    Autosave.objects.filter(user=user, article=article).delete()


def as_form_data(autosave: Autosave) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in autosave.data.items():
        data.setlist(name, [str(value) for value in values])
    return data
