import dataclasses
import logging

import reversion
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import NestedObjects, unquote
from django.core.exceptions import PermissionDenied
from django.db import models, router, transaction
from django.db.models import Count, F, Max
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from reversion.admin import VersionAdmin
from taggit.models import Tag

from . import previews, revisions, tagging
from .forms import (
    ArticleAdminForm,
    BreakingToggleForm,
    ImageForm,
    LocalDateTimeField,
    NoteForm,
    TagMergeForm,
)
from .models import (
    Article,
    Author,
    Byline,
    Image,
    Note,
    Section,
    SlugRedirect,
    TaggedArticle,
)

logger = logging.getLogger(__name__)


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
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case "draft" | "review" as status:
                return queryset.filter(status=status)
            case "scheduled":
                return queryset.filter(
                    status=Article.Status.PUBLISHED, publish_at__gt=now
                )
            case "published":
                return queryset.filter(
                    status=Article.Status.PUBLISHED, publish_at__lte=now
                )
        return queryset


def thumbnail(image, size=64):
    if image is None or not image.file:
        return "—"
    # A rendition twice as wide as shown (sharp on high-density screens), not the
    # original, which may be a 20 MB photo; no query, the row knows what is ready.
    return format_html(
        '<img src="{}" alt="{}" width="{}" style="height:auto;border-radius:3px">',
        image.rendition_for(None, size * 2, "webp").url,
        image.alt_text,
        size,
    )


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


class StaleSave(Exception):
    """Another save bumped the version between the form's check and this save."""


def audit_state(article):
    return {
        "status": article.status,
        "publish_at": article.publish_at,
        "is_breaking": article.is_breaking,
        "breaking_until": article.breaking_until,
        "slug": article.slug,
    }


def audit_messages(before, article):
    """The publication events of one save, as the admin history should tell them."""
    before = before or {"status": None, "publish_at": None, "is_breaking": False}
    now = timezone.now()
    published = Article.Status.PUBLISHED
    when = revisions.local_time
    events = []
    if article.status == published and before["status"] != published:
        if article.publish_at > now:
            events.append(f"Scheduled for {when(article.publish_at)}")
        else:
            events.append(f"Published (visible from {when(article.publish_at)})")
    elif before["status"] == published and article.status != published:
        events.append(f"Unpublished (back to {article.get_status_display().lower()})")
    elif article.status == published and before["publish_at"] != article.publish_at:
        if article.publish_at > now:
            events.append(f"Rescheduled for {when(article.publish_at)}")
        else:
            events.append(f"Publication time set to {when(article.publish_at)}")
    if article.is_breaking and not before["is_breaking"]:
        events.append(f"Flagged as breaking news until {when(article.breaking_until)}")
    elif before["is_breaking"] and not article.is_breaking:
        events.append("Breaking news flag removed")
    elif article.is_breaking and before["breaking_until"] != article.breaking_until:
        events.append(f"Breaking news banner now ends {when(article.breaking_until)}")
    return events


def plural(count, one="story", many="stories"):
    return f"{count} {one if count == 1 else many}"


BOTH_PLACES = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
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
    autocomplete_fields = ["section", "lead_image"]
    inlines = [BylineInline, NoteInline]
    actions = ["publish_now", "unpublish", "submit_for_review"]
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
            "Publication",
            {
                "fields": [
                    "status",
                    "publish_at",
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
        return article.created_by_id == user.pk or (
            article.pk is not None
            and article.bylines.filter(author__user=user).exists()
        )

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or self.can_edit_any(request):
            return True
        # Reporters: their own stories, only until they go to readers.
        return obj.status != Article.Status.PUBLISHED and self.is_own(request.user, obj)

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
            fields += ["status", "publish_at", "updated_at"]
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
        except StaleSave:
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
        before = (
            audit_state(Article.objects.get(pk=obj.pk)) if change and obj.pk else None
        )
        if not change:
            obj.created_by = request.user
        obj.modified_by = request.user
        if (
            "_submit_for_review" in request.POST
            and obj.status == Article.Status.DRAFT
            and not self.can_publish(request)
        ):
            obj.status = Article.Status.REVIEW
        if change:
            expected = getattr(form, "checked_version", None)
            if expected is None:
                obj.version = F("version") + 1
            else:
                # The last guard: only the save that moves the counter from the
                # version the form checked may write (SQLite has no row locks).
                claimed = Article.objects.filter(pk=obj.pk, version=expected).update(
                    version=expected + 1
                )
                if not claimed:
                    raise StaleSave
                obj.version = expected + 1
        super().save_model(request, obj, form, change)
        obj.refresh_from_db(fields=["version"])
        if before:
            SlugRedirect.record(obj, before["slug"])
        for event in audit_messages(before, obj):
            self.log_change(request, obj, event)
        if getattr(form, "overwrote", None):
            self.log_change(request, obj, form.overwrote)
        if obj.status == Article.Status.REVIEW and (
            before is None or before["status"] != Article.Status.REVIEW
        ):
            self.log_change(request, obj, "Submitted for review")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        latest = article.notes.filter(is_substantive=True).aggregate(
            latest=Max("created_at")
        )["latest"]
        if latest and (article.updated_at is None or latest > article.updated_at):
            Article.objects.filter(pk=article.pk).update(updated_at=latest)
            article.updated_at = latest
        if reversion.is_active():
            # Bylines and tags are saved after the story; record the story again so
            # the revision holds them as saved.
            reversion.add_to_revision(article)

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
        now = timezone.now()
        published, refused = 0, []
        for article in self.actionable(request, queryset):
            if article.is_published:
                continue
            problems = article.publication_problems()
            if problems:
                refused.append(f"“{article}” needs {', '.join(problems)}")
                continue
            self.save_from_action(
                request, article, status=Article.Status.PUBLISHED, publish_at=now
            )
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

    def save_from_action(self, request, article, **changes):
        """Apply an action's changes as a save: the version moves and the audit log says why."""
        before = audit_state(article)
        for field, value in changes.items():
            setattr(article, field, value)
        article.modified_by = request.user
        article.version = F("version") + 1
        article.save()
        article.refresh_from_db(fields=["version"])
        for event in audit_messages(before, article):
            self.log_change(request, article, event)

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
            self.save_from_action(
                request, article, status=Article.Status.DRAFT, is_breaking=False
            )
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
            article.status = Article.Status.REVIEW
            article.modified_by = request.user
            article.version = F("version") + 1
            article.save()
            article.refresh_from_db(fields=["version"])
            self.log_change(request, article, "Submitted for review")
            count += 1
        self.message_user(request, f"Submitted {plural(count)} for review.")

    # History, comparison and restore (django-reversion stores the revisions).

    def history_view(self, request, object_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if article is not None:
            context["revisions"] = [
                {
                    "version": version,
                    "revision": version.revision,
                    "number": version.field_dict.get("version"),
                    "url": reverse(
                        "admin:articles_article_revision",
                        args=[article.pk, version.pk],
                    ),
                }
                for version in revisions.history(article)[:200]
            ]
        # Skips VersionAdmin's history, which would hide the audit log.
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        version = get_object_or_404(revisions.history(article), pk=version_id)
        can_restore = self.has_change_permission(request, article)
        if request.method == "POST":
            if not can_restore:
                raise PermissionDenied
            return self.restore_revision(request, article, version)
        # From now to the revision: what a restore would take away and bring back.
        then = revisions.version_snapshot(version)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": f"Compare a revision of “{article}”",
            "version": version,
            "revision": version.revision,
            "number": version.field_dict.get("version"),
            "changes": revisions.changes(revisions.current_snapshot(article), then),
            "restored_labels": [revisions.FIELDS[k] for k in revisions.RESTORED_FIELDS],
            "can_restore": can_restore,
            "current_version": article.version,
            **(extra_context or {}),
        }
        return TemplateResponse(
            request, "admin/articles/article/revision_compare.html", context
        )

    def restore_revision(self, request, article, version):
        here = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
        revisions.ensure_baseline([article])
        saved_at = revisions.local_time(version.revision.date_created)
        try:
            with transaction.atomic(), reversion.create_revision():
                locked = Article.objects.select_for_update().get(pk=article.pk)
                if request.POST.get("current_version") != str(locked.version):
                    who = locked.modified_by or "Someone"
                    raise RestoreRefused(
                        f"{who} saved this story at "
                        f"{revisions.local_time(locked.modified_at)}, after you opened "
                        "this comparison. Compare again before restoring."
                    )
                skipped = revisions.restore(locked, version, request.user)
                if locked.status == Article.Status.PUBLISHED:
                    problems = locked.publication_problems()
                    if problems:
                        raise RestoreRefused(
                            "This story is published or scheduled, and restoring that "
                            "revision would leave it without "
                            + ", ".join(problems)
                            + "."
                        )
                reversion.set_user(request.user)
                reversion.add_to_revision(locked)
                self.log_change(
                    request, locked, f"Restored the revision saved {saved_at}"
                )
        except RestoreRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return HttpResponseRedirect(here)
        note = f" Could not bring back {', '.join(skipped)}." if skipped else ""
        self.message_user(
            request,
            f"Restored the revision saved {saved_at} as a new save; the address and "
            f"publication settings were left as they were.{note}",
            messages.WARNING if skipped else messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk])
        )

    def recoverlist_view(self, request, extra_context=None):
        # A recovered story would come back with its old status, published or not,
        # past the checklist and the audit log; deletion stays final.
        raise PermissionDenied

    def recover_view(self, request, version_id, extra_context=None):
        raise PermissionDenied


class RestoreRefused(Exception):
    pass


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    """taggit's tag admin, with a merge that keeps old addresses and a full record."""

    list_display = ["name", "slug", "story_count"]
    ordering = ["name"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_tags"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(story_count=Count("articles_taggedarticle_items"))
            .order_by("name")  # Meta.ordering is not applied to GROUP BY queries
        )

    @admin.display(description="stories", ordering="story_count")
    def story_count(self, tag):
        return tag.story_count

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(
            request
        )

    @admin.action(description="Merge selected tags…", permissions=["merge"])
    def merge_tags(self, request, queryset):
        tags = list(queryset.order_by("-story_count", "name"))
        if len(tags) < 2:
            self.message_user(
                request, "Select at least two tags to merge.", messages.WARNING
            )
            return None
        form = TagMergeForm(
            request.POST if "apply" in request.POST else None,
            tags=queryset,
            initial={"survivor": tags[0].pk},
        )
        if form.is_bound and form.is_valid():
            survivor = form.cleaned_data["survivor"]
            others = [tag for tag in tags if tag.pk != survivor.pk]
            article_ids = TaggedArticle.objects.filter(tag__in=others).values_list(
                "content_object_id", flat=True
            )
            articles = list(Article.objects.filter(pk__in=list(article_ids)))
            revisions.ensure_baseline(articles)
            names = ", ".join(f"“{tag.name}”" for tag in others)
            message = f"Merged the tags {names} into “{survivor.name}”"
            with transaction.atomic(), reversion.create_revision():
                changed = tagging.merge_tags(survivor, others)
                reversion.set_user(request.user)
                reversion.set_comment(message)
                for article in Article.objects.filter(pk__in=changed):
                    reversion.add_to_revision(article)
                self.log_change(request, survivor, message)
                if changed:
                    LogEntry.objects.log_actions(
                        user_id=request.user.pk,
                        queryset=Article.objects.filter(pk__in=changed),
                        action_flag=CHANGE,
                        change_message=message,
                    )
            self.message_user(
                request,
                f"{message}; {plural(len(changed))} updated and the old tag pages "
                "redirect to it.",
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/taggit/tag/merge_tags.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": "Merge tags",
                "tags": tags,
                "form": form,
            },
        )


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "story_count"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]

    def get_queryset(self, request):
        # Meta.ordering is not applied to GROUP BY queries; autocomplete pages need one.
        return (
            super()
            .get_queryset(request)
            .annotate(story_count=Count("articles"))
            .order_by(*Section._meta.ordering)
        )

    @admin.display(description="stories", ordering="story_count")
    def story_count(self, section):
        return section.story_count


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "user"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    autocomplete_fields = ["photo", "user"]


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = [
        "preview",
        "alt_text",
        "dimensions",
        "credit",
        "story_count",
        "uploaded_at",
    ]
    list_display_links = ["preview", "alt_text"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    actions = ["remake_renditions"]
    readonly_fields = [
        "focal_picker",
        "dimensions",
        "rendition_summary",
        "used_by",
        "uploaded_by",
        "uploaded_at",
    ]
    fieldsets = [
        (None, {"fields": ["file", "focal_picker", ("focal_x", "focal_y")]}),
        ("Description", {"fields": ["alt_text", "caption", "credit"]}),
        (
            "Record",
            {
                "fields": [
                    "dimensions",
                    "rendition_summary",
                    "used_by",
                    ("uploaded_by", "uploaded_at"),
                ]
            },
        ),
    ]

    class Media:
        css = {"all": ["admin_extra/image.css"]}
        js = ["admin_extra/image.js"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(story_count=Count("lead_for", distinct=True))
            .order_by(*Image._meta.ordering, "-pk")  # GROUP BY drops Meta.ordering
        )

    @admin.display(description="picture")
    def preview(self, image):
        # The square crop: rows line up, and it shows what the focal point keeps.
        shown = image.rendition_for("1:1", 128, "webp")
        return format_html(
            '<img class="image-thumb" src="{}" alt="" width="64" height="{}">',
            shown.url,
            round(64 * shown.height / shown.width) if shown.width else 64,
        )

    @admin.display(description="size")
    def dimensions(self, image):
        return f"{image.width}\u00a0×\u00a0{image.height}" if image.width else "—"

    @admin.display(description="stories", ordering="story_count")
    def story_count(self, image):
        return image.story_count

    @admin.display(description="preview and focal point")
    def focal_picker(self, image):
        """The picture with a cross on its focal point, and the crops cut around it.

        image.js moves the cross (and the two number fields) where the editor clicks,
        and shows a newly chosen file before it is uploaded.
        """
        shown = image.rendition_for(None, 960, "jpeg") if image.pk else None
        crops = []
        for ratio in ("16:9", "4:3", "1:1") if image.pk else ():
            crop = image.rendition_for(ratio, 320)
            if crop.ratio == ratio:  # not the original standing in for it
                crops.append((crop.url, crop.width, crop.height, ratio))
        crop_figures = format_html_join(
            "",
            '<figure><img src="{}" alt="" width="{}" height="{}">'
            "<figcaption>{} crop</figcaption></figure>",
            crops,
        )
        return format_html(
            '<div class="focal-picker" data-focal-picker>'
            '<div class="focal-picker__frame">{}'
            '<svg class="focal-picker__cross" viewBox="0 0 100 100" '
            'preserveAspectRatio="none" aria-hidden="true">'
            '<line x1="{x}" y1="0" x2="{x}" y2="100"/>'
            '<line x1="0" y1="{y}" x2="100" y2="{y}"/></svg></div>'
            '<p class="help">{}</p><div class="focal-picker__crops">{}</div></div>',
            format_html(
                '<img src="{}" alt="{}" width="{}" height="{}">',
                shown.url,
                image.alt_text,
                shown.width,
                shown.height,
            )
            if shown
            else "",
            "Click the picture on the point that must stay in view when it is "
            "cropped (a face, the subject). The crops below are redone on save."
            if shown
            else "Choose a file: it appears here, and a click sets the focal point.",
            crop_figures,
            x=round(image.focal_x * 100, 2),
            y=round(image.focal_y * 100, 2),
        )

    @admin.display(description="renditions")
    def rendition_summary(self, image):
        if not image.ready:
            return "Being made; pages show the original until they are ready."
        widths = sorted({width for ratio, width, *_ in image.ready if not ratio})
        return (
            f"{len(image.ready)} files ready: widths {', '.join(map(str, widths))} "
            "in WebP and JPEG (PNG when transparent), plus 16:9, 4:3 and 1:1 crops."
        )

    @admin.display(description="used by")
    def used_by(self, image):
        stories = list(image.lead_for.order_by("-publish_at")[:20]) if image.pk else []
        if not stories:
            return "No story yet."
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a>',
            (
                (reverse("admin:articles_article_change", args=[story.pk]), story)
                for story in stories
            ),
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        for note in form.notes:
            self.message_user(request, note, messages.INFO)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError:
            # The save ran in a transaction and the file was removed: nothing is left.
            logger.exception("Storing an uploaded picture failed")
            self.message_user(
                request,
                "The picture could not be stored (the media disk may be full or not "
                "writable). Nothing was saved; try again, and tell the technical desk "
                "if it happens again.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def protected_message(self, image, objects) -> str:
        names = ", ".join(f"“{obj}”" for obj in objects[:10])
        more = f" and {len(objects) - 10} more" if len(objects) > 10 else ""
        count = len(objects)
        return (
            f"The picture “{image}” cannot be deleted: it is the lead image of "
            f"{count} stor{'y' if count == 1 else 'ies'}: {names}{more}. Give "
            f"{'it' if count == 1 else 'them'} another picture first."
        )

    def blocking(self, images):
        """{image: [objects that protect it]} for the images that cannot go."""
        blocked = {}
        for image in images:
            collector = NestedObjects(using=router.db_for_write(Image))
            collector.collect([image])
            if collector.protected:
                blocked[image] = sorted(collector.protected, key=str)
        return blocked

    def delete_view(self, request, object_id, extra_context=None):
        image = self.get_object(request, unquote(object_id))
        if image is not None and (blocked := self.blocking([image])):
            self.message_user(
                request, self.protected_message(image, blocked[image]), messages.ERROR
            )
            return HttpResponseRedirect(
                reverse("admin:articles_image_change", args=[image.pk])
            )
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        if "delete_selected" in actions:
            actions["delete_selected"] = dataclasses.replace(
                actions["delete_selected"], func=type(self).delete_unused
            )
        return actions

    def delete_unused(self, request, queryset):
        """Django's bulk delete, after saying plainly which pictures stories still use."""
        if blocked := self.blocking(queryset):
            for image, objects in blocked.items():
                self.message_user(
                    request, self.protected_message(image, objects), messages.ERROR
                )
            return None
        return delete_selected(self, request, queryset)

    @admin.action(description="Make the renditions again", permissions=["change"])
    def remake_renditions(self, request, queryset):
        for image in queryset:
            image.schedule_renditions(force=True)
        count = queryset.count()
        self.message_user(
            request,
            f"Renditions of {count} picture{'' if count == 1 else 's'} are being made "
            "again.",
            messages.SUCCESS,
        )
