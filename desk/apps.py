from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The editors' desk: dashboard, autosave, who is editing, comments, notifications."""

    name = "desk"
    verbose_name = "Desk"
