from datetime import timedelta

from django import forms
from django.utils import timezone

from .models import Article

BREAKING_DEFAULT_DURATION = timedelta(hours=2)


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "dek",
            "section",
            "lead_image",
            "body",
            "tags",
            "status",
            "publish_at",
            "updated_at",
            "is_breaking",
            "breaking_until",
        ]

    def clean(self):
        cleaned = super().clean()
        now = timezone.now()
        # "Published" with no time means now, as an editor pressing publish expects.
        if cleaned.get("status") == Article.Status.PUBLISHED and not cleaned.get(
            "publish_at"
        ):
            cleaned["publish_at"] = now
            self.instance.publish_at = now
        if cleaned.get("is_breaking") and not cleaned.get("breaking_until"):
            start = max(cleaned.get("publish_at") or now, now)
            cleaned["breaking_until"] = start + BREAKING_DEFAULT_DURATION
            self.instance.breaking_until = cleaned["breaking_until"]
        return cleaned
