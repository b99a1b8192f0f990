"""The desk's additions to the story admin: autosave and recovery (who is editing and
editorial comments hang from here too). The story admin itself stays in articles."""

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from articles.admin.stories import ArticleAdmin
from articles.models import Article

from . import autosave, comments, presence
from .models import Comment, Presence


def restoring(request):
    return request.method == "GET" and request.GET.get("autosave") == "restore"


class OpenCommentsFilter(admin.SimpleListFilter):
    title = "editorial comments"
    parameter_name = "comments"

    def lookups(self, request, model_admin):
        return [("open", "Open comments")]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(
                pk__in=Comment.objects.filter(parent=None, resolved_at=None).values(
                    "article"
                )
            )
        return queryset


class DeskStoryAdmin(ArticleAdmin):
    list_filter = [*ArticleAdmin.list_filter, OpenCommentsFilter]

    class Media:
        js = ["desk/autosave.js", "desk/presence.js"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match and match.url_name == "articles_article_changelist":
            # The list marks stories someone else has open: one subquery, no row
            # per story.
            queryset = queryset.annotate(
                open_by=Subquery(
                    Presence.objects.filter(
                        article=OuterRef("pk"),
                        expires_at__gt=timezone.now(),
                        closed=False,
                    )
                    .exclude(user=request.user)
                    .order_by("opened_at")
                    .values("name")[:1]
                )
            )
        return queryset

    @admin.display(description="headline", ordering="headline")
    def headline_cell(self, article):
        cell = super().headline_cell(article)
        open_by = getattr(article, "open_by", None)
        if not open_by:
            return cell
        return format_html(
            '{}<span class="story-open-by">Open now: {}</span>', cell, open_by
        )

    def may_autosave(self, request, obj):
        if obj is None or obj.pk is None:
            return self.has_add_permission(request)
        return self.has_change_permission(request, obj)

    def restored(self, request, obj):
        """The autosave to fill the form with, when the editor asked for it."""
        story = obj if obj is not None and obj.pk else None
        if not restoring(request) or not self.may_autosave(request, obj):
            return None
        kept = autosave.find(request.user, story)
        return autosave.as_form_data(kept) if kept else None

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        data = self.restored(request, obj)
        if data is None:
            return form

        class Restored(form):
            # Bound to the autosave, unsaved: the page shows the editor's own text,
            # rich text and byline included, and Save goes the usual way.
            def __init__(self, *args, **kwargs):
                if not args and "data" not in kwargs:
                    kwargs["data"] = data
                super().__init__(*args, **kwargs)

        return Restored

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        data = self.restored(request, obj)
        if data is not None:
            kwargs.pop("initial", None)
            kwargs["data"] = data
        return kwargs

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        story = obj if obj is not None and obj.pk else None
        if story is not None:
            tab = presence.new_tab()
            # Counted from the first byte, not from the first heartbeat.
            presence.beat(request.user, story, tab=tab, has_changes=False)
            context["presence_tab"] = tab
            context["presence_url"] = reverse("admin:desk_presence", args=[story.pk])
            context["presence_leave_url"] = reverse(
                "admin:desk_presence_leave", args=[story.pk]
            )
            context["presence_others"] = presence.others(request.user, story, tab=tab)
            context["comment_threads"] = comments.threads(story)
            context["comment_fields"] = comments.FIELDS
            context["comment_url"] = reverse("admin:desk_comment_add", args=[story.pk])
        if self.may_autosave(request, obj):
            ids = [story.pk] if story else []
            suffix = "" if story else "_new"
            context["autosave_url"] = reverse(f"admin:desk_autosave{suffix}", args=ids)
            context["autosave_discard_url"] = reverse(
                f"admin:desk_autosave_discard{suffix}", args=ids
            )
            kept = autosave.find(request.user, story)
            context["autosave"] = kept
            context["autosave_restored"] = kept is not None and restoring(request)
            context["autosave_stale"] = bool(
                kept and story and kept.loaded_version != story.version
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Saved for real: the private copy has done its job. A new story's autosave
        # was kept under "new story".
        autosave.discard(request.user, form.instance if change else None)


admin.site.unregister(Article)
admin.site.register(Article, DeskStoryAdmin)
