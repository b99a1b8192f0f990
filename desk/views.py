"""The desk's admin endpoints: the story form's autosave (and, below, who is editing)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from articles.models import Article

from . import autosave


def story_admin():
    return admin.site.get_model_admin(Article)


def editable_story(request, story_id):
    """The story (None for a new one) if the user may change it; else 404/403."""
    model_admin = story_admin()
    if story_id is None:
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        return None
    story = get_object_or_404(Article, pk=story_id)
    if not model_admin.has_change_permission(request, story):
        raise PermissionDenied
    return story


def form_url(story):
    if story is None:
        return reverse("admin:articles_article_add")
    return reverse("admin:articles_article_change", args=[story.pk])


@require_POST
def autosave_view(request, story_id=None):
    try:
        story = editable_story(request, story_id)
    except PermissionDenied:
        return JsonResponse(
            {"error": "You may not change this story, so nothing is autosaved."},
            status=403,
        )
    try:
        kept = autosave.keep(request.user, story, request.POST)
    except autosave.Refused as refused:
        return JsonResponse({"error": str(refused)}, status=409)
    local = timezone.localtime(kept.saved_at)
    return JsonResponse(
        {"saved_at": kept.saved_at.isoformat(), "shown": date_format(local, "H:i:s")}
    )


@require_POST
def discard_view(request, story_id=None):
    story = editable_story(request, story_id)
    autosave.discard(request.user, story)
    messages.info(request, "Your autosaved changes were discarded.")
    return redirect(form_url(story))
