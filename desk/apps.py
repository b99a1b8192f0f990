from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The editors' desk: dashboard, autosave, who is editing, comments, notifications."""

    name = "desk"
    verbose_name = "Desk"

    def ready(self):
        from articles import publishing

        from . import notifications

        publishing.subscribe(notifications.on_change)
