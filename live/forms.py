from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import ForeignKeyRawIdWidget

from articles.plain_text import html_to_text
from articles.text import describe, unshowable

from .models import LiveEntry


class EntryForm(forms.ModelForm):
    """The desk's one-step entry form: post a new entry or change one."""

    # The entry's sequence when the form was opened: a save over a newer change is
    # refused rather than silently undoing it.
    loaded_sequence = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = LiveEntry
        fields = ["headline", "body", "kind", "is_key_event", "image", "author"]
        widgets = {
            "image": ForeignKeyRawIdWidget(
                LiveEntry._meta.get_field("image").remote_field, admin.site
            ),
        }
        labels = {"body": "Update"}
        error_messages = {
            "body": {"required": "Write the update before posting it."},
        }

    def clean_headline(self):
        headline = self.cleaned_data["headline"]
        found = unshowable(headline)
        if found:
            raise forms.ValidationError(
                f"The headline contains {describe(found)}; remove it and save again."
            )
        return headline

    def clean_body(self):
        body = self.cleaned_data["body"]
        sanitised = LiveEntry._meta.get_field("body").sanitize(body or "")
        if not html_to_text(sanitised).strip():
            raise forms.ValidationError("Write the update before posting it.")
        return body

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_key_event") and not (cleaned.get("headline") or "").strip():
            self.add_error(
                "headline",
                "A key event is listed at the top of the page by its headline; "
                "give it one.",
            )
        return cleaned


class CoverageForm(forms.Form):
    reporters_may_post = forms.BooleanField(
        required=False,
        label="Reporters on the byline may post entries",
    )
