"""The front page as editors arrange it: which story leads, the top stories beside it,
and the order of the section blocks. Every change goes through the publishing
module, which audits it and purges the front page."""

from django import forms
from django.contrib import admin
from django.db import models

from .. import publishing, revisions
from ..forms import LocalDateTimeField
from ..models import FrontPageSection, FrontPageSlot, Section


def may_arrange(request):
    """Arranging the front page is an editor's call, like publishing."""
    return request.user.has_perm("articles.publish_article")


class FrontPageSlotForm(forms.ModelForm):
    class Meta:
        model = FrontPageSlot
        fields = ["article", "pinned_until", "over_breaking"]

    def clean(self):
        cleaned = super().clean()
        article = cleaned.get("article")
        if article is not None:
            problem = publishing.pin_problem(
                self.instance.slot,
                article,
                until=cleaned.get("pinned_until"),
                over_breaking=cleaned.get("over_breaking", False),
            )
            if problem:
                raise forms.ValidationError(problem)
        return cleaned


@admin.register(FrontPageSlot)
class FrontPageSlotAdmin(admin.ModelAdmin):
    form = FrontPageSlotForm
    list_display = ["__str__", "shows", "pinned_until", "over_breaking", "pinned"]
    list_select_related = ["article", "pinned_by"]
    autocomplete_fields = ["article"]
    formfield_overrides = {models.DateTimeField: {"form_class": LocalDateTimeField}}
    readonly_fields = ["pinned"]

    def get_queryset(self, request):
        # The slots come from a migration; a lost one comes back when editors look.
        missing = set(FrontPageSlot.Slot.values) - set(
            FrontPageSlot.objects.values_list("slot", flat=True)
        )
        FrontPageSlot.objects.bulk_create(
            [FrontPageSlot(slot=slot) for slot in sorted(missing)]
        )
        return super().get_queryset(request)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return may_arrange(request) or super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return may_arrange(request)

    def has_module_permission(self, request):
        return may_arrange(request)

    @admin.display(description="shows now")
    def shows(self, slot):
        if not slot.is_pinned:
            return "Latest story"
        article = slot.article
        if not article.is_published:
            return f"Latest story (“{article}” is not visible to readers)"
        return article.headline

    @admin.display(description="pinned by")
    def pinned(self, slot):
        if slot.pinned_at is None:
            return "—"
        who = slot.pinned_by or "the system"
        return f"{who}, {revisions.local_time(slot.pinned_at)}"

    def save_model(self, request, obj, form, change):
        if obj.article is None:
            publishing.unpin(obj.slot, by=request.user)
        else:
            publishing.pin(
                obj.slot,
                obj.article,
                by=request.user,
                until=obj.pinned_until,
                over_breaking=obj.over_breaking,
            )
        obj.refresh_from_db()


@admin.register(FrontPageSection)
class FrontPageSectionAdmin(admin.ModelAdmin):
    list_display = ["section", "position", "shown"]
    list_editable = ["position", "shown"]
    list_display_links = None
    ordering = ["position", "section__position", "section__name"]

    def get_queryset(self, request):
        # Every section has a block; a new section's comes in where it is listed.
        missing = Section.objects.filter(front_block=None)
        FrontPageSection.objects.bulk_create(
            [
                FrontPageSection(section=section, position=section.position)
                for section in missing
            ]
        )
        return super().get_queryset(request).select_related("section")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return may_arrange(request) or super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return may_arrange(request)

    def has_module_permission(self, request):
        return may_arrange(request)

    def save_model(self, request, obj, form, change):
        publishing.place_section_block(
            obj.section, by=request.user, position=obj.position, shown=obj.shown
        )
