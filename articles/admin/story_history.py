"""A story's history in the admin: the audit log with its revisions, the comparison of
a revision with the story as it is, and restoring one (through the publishing module).
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from .. import publishing, revisions


class StoryHistory:
    """The story admin's history, compare and restore views."""

    # History, comparison and restore (django-reversion stores the revisions).

    def history_view(self, request, object_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if article is not None:
            context["revisions"] = [
                {
                    "version": version,
                    "revision": version.revision,
                    "number": version.field_dict.get("version"),
                    "url": reverse(
                        "admin:articles_article_revision",
                        args=[article.pk, version.pk],
                    ),
                }
                for version in revisions.history(article)[:200]
            ]
        # Skips VersionAdmin's history, which would hide the audit log.
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        version = get_object_or_404(revisions.history(article), pk=version_id)
        can_restore = self.has_change_permission(request, article)
        if request.method == "POST":
            if not can_restore:
                raise PermissionDenied
            return self.restore_revision(request, article, version)
        # From now to the revision: what a restore would take away and bring back.
        then = revisions.version_snapshot(version)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": f"Compare a revision of “{article}”",
            "version": version,
            "revision": version.revision,
            "number": version.field_dict.get("version"),
            "changes": revisions.changes(revisions.current_snapshot(article), then),
            "restored_labels": [revisions.FIELDS[k] for k in revisions.RESTORED_FIELDS],
            "can_restore": can_restore,
            "current_version": article.version,
            **(extra_context or {}),
        }
        return TemplateResponse(
            request, "admin/articles/article/revision_compare.html", context
        )

    def restore_revision(self, request, article, version):
        here = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
        saved_at = revisions.local_time(version.revision.date_created)
        try:
            skipped = publishing.restore_revision(
                article,
                version,
                by=request.user,
                expected_version=request.POST.get("current_version"),
            )
        except publishing.Refused as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return HttpResponseRedirect(here)
        note = f" Could not bring back {', '.join(skipped)}." if skipped else ""
        self.message_user(
            request,
            f"Restored the revision saved {saved_at} as a new save; the address and "
            f"publication settings were left as they were.{note}",
            messages.WARNING if skipped else messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[article.pk])
        )

    def recoverlist_view(self, request, extra_context=None):
        # A recovered story would come back with its old status, published or not,
        # past the checklist and the audit log; deletion stays final.
        raise PermissionDenied

    def recover_view(self, request, version_id, extra_context=None):
        raise PermissionDenied
