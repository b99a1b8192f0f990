from django.contrib import admin
from django.db.models import Count

from ..forms import PlainTextForm
from ..models import Section


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    form = PlainTextForm
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
