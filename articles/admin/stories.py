from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.db import models
from django.urls import reverse
from django.utils import timezone
from reversion.admin import VersionAdmin

from .. import permissions, previews, publishing, revisions
from ..forms import ArticleAdminForm, BreakingToggleForm, LocalDateTimeField, NoteForm
from ..models import Article, Byline, Note
from . import takedown
from .pictures import thumbnail
from .story_history import StoryHistory


class StatusFilter(admin.SimpleListFilter):
    """Status as editors think of it: a published story with a future time is Scheduled."""

    title = "status"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("review", "In review"),
            ("scheduled", "Scheduled"),
            ("published", "Published"),
            ("ended", "Ended (unpublish at passed)"),
        ]

    def queryset(self, request, queryset):
        if self.value() in dict(self.lookups(request, None)):
            return queryset.in_state(self.value())
        return queryset


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "author"
    verbose_name_plural = "Byline (in order)"


class NoteInline(admin.StackedInline):
    """Corrections and updates; editors add them, nobody but an admin removes one."""

    model = Note
    form = NoteForm
    extra = 0
    verbose_name = "correction, clarification or update"
    verbose_name_plural = (
        "Corrections, clarifications and updates (shown under the story)"
    )


def plural(count, one="story", many="stories"):
    return f"{count} {one if count == 1 else many}"


BOTH_PLACES = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


@admin.register(Article)
class ArticleAdmin(StoryHistory, VersionAdmin):
    form = ArticleAdminForm
    list_display = [
        "headline",
        "section",
        "status_label",
        "publish_at",
        "is_breaking",
        "banner_label",
        "byline",
        "lead_thumbnail",
    ]
    list_display_links = ["headline"]
    list_editable = ["is_breaking"]
    list_filter = [StatusFilter, "section", "is_breaking", "tags"]
    list_select_related = ["section", "lead_image"]
    search_fields = ["headline", "dek", "slug"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "lead_image", "social_image"]
    inlines = [BylineInline, NoteInline]
    actions = [
        "publish_now",
        "unpublish",
        "submit_for_review",
        takedown.legal_takedown,
        takedown.lift_takedown,
    ]
    formfield_overrides = {models.DateTimeField: {"form_class": LocalDateTimeField}}
    readonly_fields = [
        "first_published_at",
        "lead_preview",
        "created_at",
        "created_by",
        "modified_at",
        "modified_by",
        "version",
    ]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "section"]}),
        ("Lead image", {"fields": ["lead_image", "lead_preview"]}),
        ("Story", {"fields": ["body", "tags"]}),
        (
            "Search and social",
            {
                "classes": ["collapse"],
                "fields": [
                    "seo_title",
                    "meta_description",
                    "social_headline",
                    "social_image",
                ],
            },
        ),
        (
            "Publication",
            {
                "fields": [
                    "status",
                    "publish_at",
                    "unpublish_at",
                    "updated_at",
                    ("is_breaking", "breaking_until"),
                    "first_published_at",
                ]
            },
        ),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": [
                    ("created_at", "created_by"),
                    ("modified_at", "modified_by"),
                    "version",
                ],
            },
        ),
    ]
    object_history_template = "admin/articles/article/object_history.html"
    # The plain change list: recovering deleted stories is not offered (see recover_view).
    change_list_template = None

    class Media:
        css = {"all": ["admin_extra/article.css"]}

    # Permissions: groups grant the verbs, these rules decide per story.

    def can_publish(self, request):
        return request.user.has_perm("articles.publish_article")

    def can_set_breaking(self, request):
        return request.user.has_perm("articles.set_breaking")

    def can_edit_any(self, request):
        return request.user.has_perm("articles.edit_any_article")

    def is_own(self, user, article):
        return permissions.is_own(user, article)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or permissions.may_change_story(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None or self.can_edit_any(request):
            return True
        return (
            obj.status == Article.Status.DRAFT
            and obj.first_published_at is None
            and self.is_own(request.user, obj)
        )

    def has_publish_permission(self, request):
        return self.can_publish(request)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.can_publish(request):
            fields += ["status", "publish_at", "unpublish_at", "updated_at"]
        if not self.can_set_breaking(request):
            fields += ["is_breaking", "breaking_until"]
        return fields

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not self.can_set_breaking(request):
            changelist.list_editable = ()
        return changelist

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=BreakingToggleForm, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bylines__author")

    # Columns.

    @admin.display(description="status", ordering="status")
    def status_label(self, article):
        return article.display_status

    @admin.display(description="banner")
    def banner_label(self, article):
        if not article.is_breaking or not article.breaking_until:
            return "—"
        until = revisions.local_time(article.breaking_until)
        if article.is_breaking_now:
            return f"until {until}"
        if article.breaking_until <= timezone.now():
            return f"ended {until}"
        return f"from publication until {until}"

    @admin.display(description="authors")
    def byline(self, article):
        return ", ".join(author.name for author in article.byline_authors) or "—"

    @admin.display(description="image")
    def lead_thumbnail(self, article):
        return thumbnail(article.lead_image)

    @admin.display(description="preview")
    def lead_preview(self, article):
        return thumbnail(article.lead_image, size=320)

    def view_on_site(self, article):
        # Only stories readers can open; a draft's public URL would be a 404.
        return article.get_absolute_url() if article.is_published else None

    # Saving.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            article = self.get_object(request, unquote(object_id))
            if article is not None and self.has_change_permission(request, article):
                revisions.ensure_baseline([article])
        try:
            return super().change_view(request, object_id, form_url, extra_context)
        except publishing.StaleSave:
            # Rolled back; the form's own check now sees the newer version and shows
            # the conflict with the editor's text intact.
            return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST":
            selected = request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME)
            if request.POST.get("action") and selected:
                revisions.ensure_baseline(
                    article
                    for article in self.get_queryset(request).filter(pk__in=selected)
                    if self.has_change_permission(request, article)
                )
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        # Nothing yet: the story, its byline, tags and notes are saved together in
        # save_related, as one publishing operation.
        pass

    def save_related(self, request, form, formsets, change):
        publishing.save_story(
            form.instance,
            by=request.user,
            expected_version=getattr(form, "checked_version", None),
            submit_for_review="_submit_for_review" in request.POST
            and not self.can_publish(request),
            overwrote=getattr(form, "overwrote", ""),
            related=lambda: super(ArticleAdmin, self).save_related(
                request, form, formsets, change
            ),
        )

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        form = context["adminform"].form
        context["conflict"] = getattr(form, "conflict", None)
        context["version_fields"] = [
            form[name]
            for name in ("loaded_version", "seen_version")
            if name in form.fields
        ]
        context["show_submit_for_review"] = (
            not self.can_publish(request)
            and (obj is None or obj.status == Article.Status.DRAFT)
            and (add or self.has_change_permission(request, obj))
        )
        if obj is not None and obj.pk:
            context["preview_url"] = reverse("articles:preview", args=[obj.pk])
            if not obj.is_published:
                context["share_url"] = request.build_absolute_uri(
                    previews.shared_preview_path(obj)
                )
                context["share_expires"] = previews.link_expiry()
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Actions: each checks every story, whatever list or form the request came from.

    def actionable(self, request, queryset):
        return [
            article
            for article in queryset.select_related("lead_image")
            if self.has_change_permission(request, article)
        ]

    @admin.action(
        description="Publish now", permissions=["publish"], location=BOTH_PLACES
    )
    def publish_now(self, request, queryset):
        published, refused = 0, []
        for article in self.actionable(request, queryset):
            if article.is_published:
                continue
            try:
                publishing.publish(article, by=request.user)
            except publishing.NotReady as not_ready:
                refused.append(f"“{article}” needs {', '.join(not_ready.problems)}")
                continue
            published += 1
        if published:
            self.message_user(request, f"Published {plural(published)}.")
        if refused:
            self.message_user(
                request,
                "Not published: " + "; ".join(refused) + ".",
                messages.ERROR,
            )
        if not published and not refused:
            self.message_user(request, "Nothing to publish.", messages.WARNING)

    @admin.action(
        description="Unpublish (back to draft)",
        permissions=["publish"],
        location=BOTH_PLACES,
    )
    def unpublish(self, request, queryset):
        count = 0
        for article in self.actionable(request, queryset):
            if article.status != Article.Status.PUBLISHED:
                continue
            publishing.unpublish(article, by=request.user)
            count += 1
        self.message_user(
            request,
            f"Unpublished {plural(count)}; readers no longer see them.",
            messages.SUCCESS,
        )

    @admin.action(
        description="Submit for review", permissions=["change"], location=BOTH_PLACES
    )
    def submit_for_review(self, request, queryset):
        count = 0
        for article in self.actionable(request, queryset):
            if article.status != Article.Status.DRAFT:
                continue
            publishing.submit_for_review(article, by=request.user)
            count += 1
        self.message_user(request, f"Submitted {plural(count)} for review.")
