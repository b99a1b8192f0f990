"""Widgets of the search and social fields: each shows, while the editor types, how
many characters search results or share cards show before they cut the text."""

from django import forms

from .models.story import (
    META_DESCRIPTION_CHARS,
    SEO_TITLE_CHARS,
    SOCIAL_HEADLINE_CHARS,
)

COUNTER = forms.Media(js=["admin_extra/char_count.js"])


class Counted:
    """A text widget with a character counter (static/admin_extra/char_count.js)."""

    def __init__(self, *, recommended, where, fallback, **kwargs):
        attrs = kwargs.pop("attrs", {})
        attrs.update(
            {
                "data-recommended": str(recommended),
                "data-where": where,
                "data-fallback": fallback,
            }
        )
        super().__init__(attrs=attrs, **kwargs)

    @property
    def media(self):
        return super().media + COUNTER


class CountedTextInput(Counted, forms.TextInput):
    pass


class CountedTextarea(Counted, forms.Textarea):
    pass


WIDGETS = {
    "seo_title": CountedTextInput(
        recommended=SEO_TITLE_CHARS,
        where="search results",
        fallback="the headline",
        attrs={"class": "vTextField"},
    ),
    "meta_description": CountedTextarea(
        recommended=META_DESCRIPTION_CHARS,
        where="search results",
        fallback="the standfirst",
        attrs={"rows": 3, "class": "vLargeTextField"},
    ),
    "social_headline": CountedTextInput(
        recommended=SOCIAL_HEADLINE_CHARS,
        where="share cards",
        fallback="the search title or headline",
        attrs={"class": "vTextField"},
    ),
}
