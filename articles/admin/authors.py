from django.contrib import admin

from ..forms import PlainTextForm
from ..models import Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    form = PlainTextForm
    list_display = ["name", "kind", "user"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    autocomplete_fields = ["photo", "user"]
