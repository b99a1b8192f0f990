"""The desk's admin endpoints: the story form's autosave (and, below, who is editing)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from articles.models import Article

from . import autosave, comments, notifications, presence
from .models import Comment, Notification


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


def open_story(request, story_id):
    story = get_object_or_404(Article, pk=story_id)
    if not story_admin().has_view_or_change_permission(request, story):
        raise PermissionDenied
    return story


def editors_json(editors):
    return [
        {
            "name": editor.name,
            "since": date_format(timezone.localtime(editor.since), "H:i"),
            "has_changes": editor.has_changes,
            "is_me": editor.is_me,
        }
        for editor in editors
    ]


@require_POST
def presence_view(request, story_id):
    story = open_story(request, story_id)
    tab = request.POST.get("tab", "")[:64]
    if not tab:
        return JsonResponse({"error": "No tab given."}, status=400)
    presence.beat(
        request.user,
        story,
        tab=tab,
        has_changes=request.POST.get("changes") == "1",
        hidden=request.POST.get("hidden") == "1",
    )
    others = presence.others(request.user, story, tab=tab)
    return JsonResponse({"others": editors_json(others)})


@require_POST
def leave_view(request, story_id):
    presence.leave(request.user, tab=request.POST.get("tab", "")[:64])
    return JsonResponse({"left": True})


def comments_anchor(story):
    return form_url(story) + "#desk-comments"


@require_POST
def comment_add_view(request, story_id):
    story = open_story(request, story_id)
    parent = None
    if request.POST.get("parent"):
        parent = get_object_or_404(Comment, pk=request.POST["parent"], article=story)
    try:
        comments.add(
            story,
            by=request.user,
            text=request.POST.get("text", ""),
            field=request.POST.get("field", ""),
            quote=request.POST.get("quote", ""),
            parent=parent,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Your comment was added; readers never see it.")
    return redirect(comments_anchor(story))


@require_POST
def comment_state_view(request, story_id, comment_id, state):
    story = open_story(request, story_id)
    comment = get_object_or_404(Comment, pk=comment_id, article=story)
    (comments.resolve if state == "resolve" else comments.reopen)(
        comment, by=request.user
    )
    return redirect(comments_anchor(story))


INBOX_SIZE = 50


def inbox_view(request):
    if request.method == "POST":
        notifications.mark_read(request.user)
        messages.info(request, "Everything in your inbox is marked as read.")
        return redirect("admin:desk_inbox")
    items = list(
        Notification.objects.filter(recipient=request.user).select_related("actor")[
            :INBOX_SIZE
        ]
    )
    context = {
        **admin.site.each_context(request),
        "title": "Inbox",
        "items": items,
        "unread": sum(1 for item in items if item.read_at is None),
    }
    return TemplateResponse(request, "desk/inbox.html", context)


def inbox_open_view(request, notification_id):
    item = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    notifications.mark_read(request.user, ids=[item.pk])
    return redirect(item.url)
