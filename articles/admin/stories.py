from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from .. import permissions, previews, publishing, revisions
from ..forms import ArticleAdminForm, BreakingToggleForm, LocalDateTimeField, NoteForm
from ..models import Article, Author, Byline, Note
from . import tag_input, takedown
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


class OwnerFilter(admin.SimpleListFilter):
    """Stories the user started or has a byline on: the dashboard's "my drafts"."""

    title = "whose"
    parameter_name = "whose"

    def lookups(self, request, model_admin):
        return [("mine", "Mine")]

    def queryset(self, request, queryset):
        if self.value() == "mine":
            return queryset.filter(
                Q(created_by=request.user)
                | Q(
                    pk__in=Byline.objects.filter(author__user=request.user).values(
                        "article"
                    )
                )
            )
        return queryset


class BylineFormSet(forms.BaseInlineFormSet):
    """The byline in the order its rows are in: the page's up/down buttons keep the
    hidden positions in step; rows added without a position go last."""

    def save(self, commit=True):
        rows = [
            (form.cleaned_data.get("position"), index, form)
            for index, form in enumerate(self.forms)
            if (form.has_changed() or form.instance.pk)
            and not self._should_delete_form(form)
        ]
        ordered = sorted(rows, key=lambda row: (row[0] is None, row[0] or 0, row[1]))
        for position, (_, _, form) in enumerate(ordered):
            if form.instance.position != position:
                form.instance.position = position
                form.cleaned_data["position"] = position
                # Make the admin save this row even when only its place moved.
                if "position" not in form.changed_data:
                    form.changed_data.append("position")
        return super().save(commit)


class BylineForm(forms.ModelForm):
    position = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Byline
        fields = ["author", "position"]

    def has_changed(self):
        # A place given to an empty extra row is not an author to ask for.
        others = [name for name in self.changed_data if name != "position"]
        return bool(others) or bool(self.instance.pk and self.changed_data)


class BylineInline(admin.TabularInline):
    model = Byline
    form = BylineForm
    formset = BylineFormSet
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "author"
    verbose_name_plural = "Byline"


class NoteInline(admin.StackedInline):
    """Corrections and updates; editors add them, nobody but an admin removes one."""

    model = Note
    form = NoteForm
    extra = 0
    verbose_name = "correction, clarification or update"
    verbose_name_plural = (
        "Corrections, clarifications and updates (shown under the story)"
    )


class StoryForm(ArticleAdminForm):
    """The story form as the desk uses it: typed tags meet the existing ones."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "tags" in self.fields:
            self.fields["tags"].help_text = (
                "Separate tags with commas. Suggestions come from the tags already in "
                "use; a name that matches one (whatever its capitals or accents) "
                "becomes that tag."
            )
            self.fields["tags"].widget.attrs.update(
                {
                    "autocomplete": "off",
                    "data-suggest-url": reverse(
                        "admin:articles_article_tag_suggestions"
                    ),
                }
            )
        if "publish_at" in self.fields:
            field = self.fields["publish_at"]
            field.help_text = f"{field.help_text} Left empty on a published story: now, when you save."

    def clean_tags(self):
        return tag_input.existing_spellings(super().clean_tags())


def plural(count, one="story", many="stories"):
    return f"{count} {one if count == 1 else many}"


BOTH_PLACES = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


@admin.register(Article)
class ArticleAdmin(StoryHistory, VersionAdmin):
    form = StoryForm
    list_display = [
        "headline_cell",
        "status_label",
        "is_breaking",
        "banner_label",
        "lead_thumbnail",
    ]
    list_display_links = ["headline_cell"]
    list_per_page = 50
    list_editable = ["is_breaking"]
    list_filter = [StatusFilter, OwnerFilter, "section", "is_breaking", "tags"]
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
        css = {"all": ["admin_extra/article.css", "desk/desk.css"]}
        js = ["desk/byline-order.js", "desk/tag-suggest.js", "desk/publish-hint.js"]

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

    @admin.display(description="headline", ordering="headline")
    def headline_cell(self, article):
        # Section and byline under the headline: two columns fewer, so the headline
        # has the room at 1280 px.
        about = " · ".join(
            part
            for part in (str(article.section or ""), self.byline(article))
            if part != "—" and part
        )
        return format_html(
            '<span class="story-headline">{}</span><span class="story-about">{}</span>',
            article.headline,
            about,
        )

    @admin.display(description="status", ordering="publish_at")
    def status_label(self, article):
        when = article.publish_at
        if when is None or article.status != Article.Status.PUBLISHED:
            return article.display_status
        return format_html(
            '{}<br><span class="quiet">{}</span>',
            article.display_status,
            date_format(timezone.localtime(when), "j M, H:i"),
        )

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

    def get_urls(self):
        return [
            path(
                "tag-suggestions/",
                self.admin_site.admin_view(self.tag_suggestions_view),
                name="articles_article_tag_suggestions",
            ),
            *super().get_urls(),
        ]

    def tag_suggestions_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "")[:100]
        return JsonResponse({"tags": tag_input.suggestions(query)})

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        adding = obj is None or obj.pk is None
        if prefix == "bylines" and adding and request.method != "POST":
            # A new story is usually the writer's own: their byline comes filled in.
            profile = Author.objects.filter(user=request.user).first()
            if profile is not None:
                kwargs["initial"] = [{"author": profile.pk, "position": 0}]
        return kwargs

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
