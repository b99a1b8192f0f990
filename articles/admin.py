from django.contrib import admin, messages
from django.db.models import Count, F
from django.utils import timezone
from django.utils.html import format_html

from .forms import ArticleAdminForm
from .models import Article, Author, Byline, Image, Section


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
    return format_html(
        '<img src="{}" alt="{}" width="{}" style="height:auto;border-radius:3px">',
        image.file.url,
        image.alt_text,
        size,
    )


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "author"
    verbose_name_plural = "Byline (in order)"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "headline",
        "section",
        "status_label",
        "publish_at",
        "breaking_label",
        "byline",
        "lead_thumbnail",
    ]
    list_display_links = ["headline"]
    list_filter = [StatusFilter, "section", "is_breaking", "tags"]
    list_select_related = ["section", "lead_image"]
    search_fields = ["headline", "dek", "slug"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "lead_image"]
    inlines = [BylineInline]
    actions = ["publish_now", "unpublish"]
    readonly_fields = [
        "first_published_at",
        "lead_preview",
        "created_at",
        "modified_at",
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
        ("Record", {"classes": ["collapse"], "fields": ["created_at", "modified_at"]}),
    ]

    class Media:
        css = {"all": ["admin_extra/article.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bylines__author")

    @admin.display(description="status", ordering="status")
    def status_label(self, article):
        return article.display_status

    @admin.display(description="breaking", boolean=True, ordering="is_breaking")
    def breaking_label(self, article):
        return article.is_breaking_now

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

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.modified_by = request.user
        if change:
            obj.version = F("version") + 1
        super().save_model(request, obj, form, change)
        obj.refresh_from_db(fields=["version"])

    @admin.action(description="Publish now")
    def publish_now(self, request, queryset):
        now = timezone.now()
        count = 0
        for article in queryset.exclude(
            status=Article.Status.PUBLISHED, publish_at__lte=now
        ):
            article.status = Article.Status.PUBLISHED
            article.publish_at = now
            article.modified_by = request.user
            article.version = F("version") + 1
            article.save()
            count += 1
        self.message_user(
            request, f"Published {count} stor{'y' if count == 1 else 'ies'}."
        )

    @admin.action(description="Unpublish (back to draft)")
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Article.Status.PUBLISHED).update(
            status=Article.Status.DRAFT,
            is_breaking=False,
            version=F("version") + 1,
            modified_by=request.user,
            modified_at=timezone.now(),
        )
        self.message_user(
            request,
            f"Unpublished {count} stor{'y' if count == 1 else 'ies'}; readers no longer see them.",
            messages.SUCCESS,
        )


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "story_count"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("articles"))

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
    list_display = ["preview", "alt_text", "dimensions", "credit", "uploaded_at"]
    search_fields = ["alt_text", "caption", "credit"]
    readonly_fields = ["preview_large", "width", "height", "uploaded_by", "uploaded_at"]
    fields = [
        "file",
        "preview_large",
        "alt_text",
        "caption",
        "credit",
        ("focal_x", "focal_y"),
        ("width", "height"),
        ("uploaded_by", "uploaded_at"),
    ]

    @admin.display(description="image")
    def preview(self, image):
        return thumbnail(image)

    @admin.display(description="preview")
    def preview_large(self, image):
        return thumbnail(image, size=480)

    @admin.display(description="size")
    def dimensions(self, image):
        return f"{image.width} × {image.height}"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
