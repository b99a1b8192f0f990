from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = f"{settings.NEWSROOM_SITE_NAME} editorial"
admin.site.site_title = f"{settings.NEWSROOM_SITE_NAME} admin"
admin.site.index_title = "Newsroom"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]

# Production serves media from the proxy; this only helps `make run`.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
