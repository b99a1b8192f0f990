from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .compiled_queries import CompiledQuery
from .models import Section


def every_section():
    return Section.objects.all()


# The same query on every page: written by the ORM once.
navigation_sections = CompiledQuery(Section, every_section)


def site_identity(request):
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "site_tagline": settings.NEWSROOM_TAGLINE,
        "publisher_name": settings.NEWSROOM_PUBLISHER_NAME,
        "google_news_url": settings.NEWSROOM_GOOGLE_NEWS_URL,
        # Run only when a template reads it: one query for the navigation.
        "nav_sections": SimpleLazyObject(navigation_sections.objects),
    }
