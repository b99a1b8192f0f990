from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html

from newsroom.addresses import address

from ..pages import coverage_context

register = template.Library()


@register.inclusion_tag("live/coverage.html", takes_context=True)
def live_coverage(context, article):
    """The live block of a story page; nothing for a story that is not live."""
    live = coverage_context(context.get("request"), article)
    if live is not None and context.get("preview"):
        # A preview is private and may show a story readers cannot see: no polling.
        live["coverage_is_polled"] = False
    return {"live": live}


@register.simple_tag
def breaking_script():
    """The script that brings the breaking banner to pages already open."""
    return format_html(
        '<script src="{}" data-breaking-url="{}" data-breaking-poll="{}" defer>'
        "</script>",
        static("live/breaking.js"),
        address("live:breaking"),
        settings.NEWSROOM_BREAKING_POLL_SECONDS,
    )
