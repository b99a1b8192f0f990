"""The desk's additions to the story admin: autosave and recovery (who is editing and
editorial comments hang from here too). The story admin itself stays in articles."""

from django.contrib import admin
from django.urls import reverse

from articles.admin.stories import ArticleAdmin
from articles.models import Article

from . import autosave


def restoring(request):
    return request.method == "GET" and request.GET.get("autosave") == "restore"


class DeskStoryAdmin(ArticleAdmin):
    class Media:
        js = ["desk/autosave.js"]

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
