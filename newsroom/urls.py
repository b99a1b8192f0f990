from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.decorators.cache import cache_control

from articles import sitemaps
from newsroom.health import healthz


@cache_control(max_age=86400, public=True)
def favicon(request):
    # Resolved per request: the hashed static name exists only after collectstatic.
    return redirect(static_url("img/favicon.svg"))


# The reader 404 offers search and the latest stories (templates/404.html).
handler404 = "articles.views.not_found"

admin.site.site_header = f"{settings.NEWSROOM_SITE_NAME} editorial"
admin.site.site_title = f"{settings.NEWSROOM_SITE_NAME} admin"
admin.site.index_title = "Newsroom"

urlpatterns = [
    # Before the admin's own URLs, whose catch-all would otherwise answer these.
    path("admin/two-factor/", include("newsroom.two_factor")),
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap_index_view, name="sitemap_index"),
    path(
        "sitemap-<slug:section>.xml",
        sitemaps.sitemap_section_view,
        name="sitemap_section",
    ),
    path("healthz", healthz, name="healthz"),
    path("live/", include("live.urls")),
    path("", include("articles.urls")),
]

# Production serves media from the proxy; this only helps `make run`.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
