"""The legal takedown, as admin actions on stories: readers lose the story at once
and every cache is purged; the reason stays on record until the takedown is lifted."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse

from .. import publishing


class TakedownForm(forms.Form):
    reason = forms.CharField(
        label="Reason (kept on record)",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: court order, retraction agreed with counsel.",
        error_messages={"required": "Say why the stories are taken down."},
    )


@admin.action(
    description="Legal takedown (unpublish at once)…", permissions=["publish"]
)
def legal_takedown(modeladmin, request, queryset):
    stories = [
        story
        for story in modeladmin.actionable(request, queryset)
        if story.taken_down_at is None
    ]
    if not stories:
        modeladmin.message_user(
            request, "Those stories have already been taken down.", messages.WARNING
        )
        return None
    form = TakedownForm(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        for story in stories:
            publishing.take_down(
                story, by=request.user, reason=form.cleaned_data["reason"]
            )
        count = len(stories)
        modeladmin.message_user(
            request,
            f"Took down {count} {'story' if count == 1 else 'stories'}: readers no "
            "longer see them on any page, feed or search, and the caches were purged.",
            messages.SUCCESS,
        )
        return None
    return TemplateResponse(
        request,
        "admin/articles/article/takedown.html",
        {
            **modeladmin.admin_site.each_context(request),
            "opts": modeladmin.opts,
            "title": "Legal takedown",
            "stories": stories,
            "form": form,
        },
    )


@admin.action(description="Lift legal takedown", permissions=["publish"])
def lift_takedown(modeladmin, request, queryset):
    lifted = 0
    for story in modeladmin.actionable(request, queryset):
        if story.taken_down_at is not None:
            publishing.lift_takedown(story, by=request.user)
            lifted += 1
    modeladmin.message_user(
        request,
        f"Lifted the takedown of {lifted} {'story' if lifted == 1 else 'stories'}; "
        "they stay drafts until someone publishes them.",
    )
