"""The live desk: one page per live story, linked from the story's change page, to
post, edit, delete, pin and mark key events in one step each, and to start or end
the coverage. Every action goes through the publishing module."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from articles import publishing
from articles.models import Article

from . import permissions
from .forms import CoverageForm, EntryForm
from .models import LiveCoverage, LiveEntry


@admin.register(LiveCoverage)
class LiveCoverageAdmin(admin.ModelAdmin):
    list_display = ["article", "state", "started_at", "ended_at", "desk"]
    list_filter = ["state"]
    list_select_related = ["article"]
    search_fields = ["article__headline"]

    def has_add_permission(self, request):
        return False  # from a story's page, through the desk

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")

    def has_module_permission(self, request):
        return request.user.has_perm("articles.view_article")

    @admin.display(description="Desk")
    def desk(self, coverage):
        return format_html(
            '<a href="{}">Open the live desk</a>',
            reverse("admin:live_desk", args=[coverage.pk]),
        )

    def get_urls(self):
        return [
            path(
                "story/<int:article_id>/",
                self.admin_site.admin_view(self.desk_view),
                name="live_desk",
            ),
        ] + super().get_urls()

    def desk_view(self, request, article_id):
        article = get_object_or_404(Article, pk=article_id)
        user = request.user
        if not user.has_perm("articles.change_article"):
            raise PermissionDenied
        coverage = LiveCoverage.objects.filter(pk=article.pk).first()
        editing = None
        if request.GET.get("edit", "").isdigit() and coverage is not None:
            editing = coverage.entries.filter(pk=request.GET["edit"]).first()
        if request.method == "POST":
            response = self.act(request, article, coverage)
            if response is not None:
                return response
        entry_form = getattr(request, "live_entry_form", None)
        if entry_form is None:
            entry_form = EntryForm(
                instance=editing,
                initial={"loaded_sequence": editing.sequence if editing else None},
            )
        entries = (
            list(coverage.entries.select_related("author", "created_by"))
            if coverage
            else []
        )
        for entry in entries:
            entry.may_change = permissions.may_change_entry(user, entry)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Live desk: {article.headline}",
            "opts": self.model._meta,
            "article": article,
            "coverage": coverage,
            "entries": entries,
            "entry_form": entry_form,
            "editing": editing,
            "coverage_form": CoverageForm(
                initial={
                    "reporters_may_post": coverage.reporters_may_post
                    if coverage
                    else False
                }
            ),
            "may_run": permissions.may_run_coverage(user),
            "may_post": permissions.may_post(user, coverage),
            "story_url": reverse("admin:articles_article_change", args=[article.pk]),
            "reader_url": article.get_absolute_url(),
            "media": self.media + entry_form.media,
        }
        return TemplateResponse(request, "live/admin/desk.html", context)

    def act(self, request, article, coverage):
        """Run the button pressed; a redirect when done, None to show the form again."""
        user = request.user
        action = request.POST.get("action", "")
        desk = reverse("admin:live_desk", args=[article.pk])
        entry = None
        if request.POST.get("entry"):
            named = request.POST["entry"]
            entry = (
                LiveEntry.objects.filter(pk=named, coverage=coverage).first()
                if named.isdigit()
                else None
            )
            if entry is None:
                messages.error(request, "That entry no longer exists.")
                return redirect(desk)
        try:
            if action in ("open", "close", "settings"):
                if not permissions.may_run_coverage(user):
                    raise PermissionDenied
                if action == "close":
                    publishing.close_live_coverage(article, by=user)
                    messages.success(request, "Live coverage ended; pages say so.")
                else:
                    form = CoverageForm(request.POST)
                    form.is_valid()
                    publishing.open_live_coverage(
                        article,
                        by=user,
                        reporters_may_post=form.cleaned_data["reporters_may_post"],
                    )
                    messages.success(request, "Live coverage is open.")
                return redirect(desk)
            if action in ("pin", "unpin"):
                if not permissions.may_run_coverage(user) or entry is None:
                    raise PermissionDenied
                publishing.pin_entry(entry, by=user, pinned=action == "pin")
                messages.success(
                    request, "Entry pinned." if action == "pin" else "Entry unpinned."
                )
                return redirect(desk)
            if action in ("key", "unkey", "delete"):
                if entry is None or not permissions.may_change_entry(user, entry):
                    raise PermissionDenied
                if action == "delete":
                    publishing.delete_entry(entry, by=user)
                    messages.success(
                        request, "Entry deleted from the page and every cache."
                    )
                elif action == "key" and not entry.headline:
                    messages.error(
                        request,
                        "Give the entry a headline before marking it a key event.",
                    )
                else:
                    publishing.edit_entry(entry, by=user, is_key_event=action == "key")
                    messages.success(request, "Key events updated.")
                return redirect(desk)
            if action in ("post", "save"):
                return self.save_entry(request, article, coverage, entry, desk)
        except publishing.Refused as refusal:
            messages.error(request, str(refusal))
            if action in ("post", "save"):
                request.live_entry_form = EntryForm(request.POST, instance=entry)
                request.live_entry_form.is_valid()
                return None
            return redirect(desk)
        messages.error(request, "Unknown action.")
        return redirect(desk)

    def save_entry(self, request, article, coverage, entry, desk):
        user = request.user
        if entry is None and not permissions.may_post(user, coverage):
            raise PermissionDenied
        if entry is not None and not permissions.may_change_entry(user, entry):
            raise PermissionDenied
        form = EntryForm(request.POST, instance=entry)
        if not form.is_valid():
            request.live_entry_form = form
            return None
        data = {name: form.cleaned_data[name] for name in publishing.LIVE_ENTRY_FIELDS}
        if entry is None:
            publishing.post_entry(article, by=user, **data)
            messages.success(request, "Posted. Open pages show it within seconds.")
        else:
            publishing.edit_entry(
                entry,
                by=user,
                expected_sequence=form.cleaned_data["loaded_sequence"],
                **data,
            )
            messages.success(request, "Entry saved.")
        return redirect(desk)
