from django import template

from ..pages import coverage_context

register = template.Library()


@register.inclusion_tag("live/coverage.html", takes_context=True)
def live_coverage(context, article):
    """The live block of a story page; nothing for a story that is not live."""
    return {"live": coverage_context(context.get("request"), article)}
