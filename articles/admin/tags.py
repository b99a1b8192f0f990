from django.contrib import admin, messages
from django.db.models import Count
from django.template.response import TemplateResponse
from taggit.models import Tag

from .. import publishing
from ..forms import PlainTextForm, TagMergeForm
from .stories import plural

admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    """taggit's tag admin, with a merge that keeps old addresses and a full record."""

    form = PlainTextForm

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
            message = publishing.merge_description(survivor, tags)
            changed = publishing.merge_tags(survivor, tags, by=request.user)
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
