"""The admin site editors use: the desk dashboard as its home, and the technical
models (login attempts, task results, groups, users, sign-in devices) kept for admins."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

# Apps whose models are plumbing, not journalism: only admins see them listed.
TECHNICAL_APPS = (
    "auth",
    "axes",
    "django_tasks_database",
    "otp_static",
    "otp_totp",
)
# What a newsroom reaches for first, then the rest in Django's order.
FIRST_APPS = ("articles", "taggit", "desk")


def is_admin(user) -> bool:
    return user.is_active and user.is_superuser


class NewsroomAdminSite(admin.AdminSite):
    index_template = "desk/dashboard.html"

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        if not is_admin(request.user):
            apps = [app for app in apps if app["app_label"] not in TECHNICAL_APPS]

        for app in apps:
            if app["app_label"] == "taggit":
                app["name"] = "Tags"  # not the library's name

        def rank(app):
            label = app["app_label"]
            return FIRST_APPS.index(label) if label in FIRST_APPS else len(FIRST_APPS)

        return sorted(apps, key=rank)

    def get_urls(self):
        from django.urls import path

        from . import views

        desk = [
            path(
                "desk/autosave/new/",
                self.admin_view(views.autosave_view),
                name="desk_autosave_new",
            ),
            path(
                "desk/autosave/<int:story_id>/",
                self.admin_view(views.autosave_view),
                name="desk_autosave",
            ),
            path(
                "desk/autosave/new/discard/",
                self.admin_view(views.discard_view),
                name="desk_autosave_discard_new",
            ),
            path(
                "desk/autosave/<int:story_id>/discard/",
                self.admin_view(views.discard_view),
                name="desk_autosave_discard",
            ),
            path(
                "desk/presence/<int:story_id>/",
                self.admin_view(views.presence_view),
                name="desk_presence",
            ),
            path(
                "desk/presence/<int:story_id>/leave/",
                self.admin_view(views.leave_view),
                name="desk_presence_leave",
            ),
            path(
                "desk/comments/<int:story_id>/",
                self.admin_view(views.comment_add_view),
                name="desk_comment_add",
            ),
            path(
                "desk/comments/<int:story_id>/<int:comment_id>/<str:state>/",
                self.admin_view(views.comment_state_view),
                name="desk_comment_state",
            ),
            path("desk/inbox/", self.admin_view(views.inbox_view), name="desk_inbox"),
            path(
                "desk/inbox/<int:notification_id>/",
                self.admin_view(views.inbox_open_view),
                name="desk_inbox_open",
            ),
        ]
        return desk + super().get_urls()

    def each_context(self, request):
        context = super().each_context(request)
        user = request.user
        if user.is_active and user.is_staff:
            from . import notifications

            # Called only where a template shows it (the header), not on every
            # request that builds an admin context.
            context["desk_inbox"] = True
            context["desk_unread"] = lambda: notifications.unread_count(user)
        return context

    def index(self, request, extra_context=None):
        from . import dashboard

        return super().index(
            request, {**(extra_context or {}), "desk": dashboard.for_user(request.user)}
        )


class NewsroomAdminConfig(AdminConfig):
    """Django's admin with the desk's site (Django's way to replace admin.site)."""

    default_site = "desk.sites.NewsroomAdminSite"
