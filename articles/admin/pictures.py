import dataclasses
import logging

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import NestedObjects, unquote
from django.db import router
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .. import permissions, publishing
from ..forms import ImageForm
from ..models import Image

logger = logging.getLogger(__name__)


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

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or permissions.may_change_picture(request.user, obj)

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
        publishing.save_picture(obj, by=request.user)
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
