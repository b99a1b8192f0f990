from django.conf import settings

from .models import Section


def site_identity(request):
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "site_tagline": settings.NEWSROOM_TAGLINE,
        "publisher_name": settings.NEWSROOM_PUBLISHER_NAME,
        "google_news_url": settings.NEWSROOM_GOOGLE_NEWS_URL,
        # Evaluated only when a template iterates it: one query for the navigation.
        "nav_sections": Section.objects.all(),
    }
