"""Forget a login's second factor, for someone who lost their phone and recovery codes."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from newsroom import two_factor


class Command(BaseCommand):
    help = (
        "Remove a login's authenticator app and recovery codes, so its owner can "
        "enrol a new phone at the next sign-in. Recorded in the admin's history."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the login to reset")
        parser.add_argument(
            "--by",
            required=True,
            metavar="ADMIN",
            help="your own admin login, recorded as the one who reset it",
        )

    def handle(self, *args, username, by, **options):
        users = get_user_model().objects
        try:
            user = users.get_by_natural_key(username)
        except users.model.DoesNotExist:
            raise CommandError(f"No login called “{username}”.") from None
        try:
            admin = users.get_by_natural_key(by)
        except users.model.DoesNotExist:
            raise CommandError(f"No login called “{by}”.") from None
        if not (admin.is_active and admin.is_superuser):
            raise CommandError(
                f"“{by}” is not an administrator: only an administrator may reset "
                "someone's second factor."
            )
        removed = two_factor.reset(user, by=admin)
        if not removed:
            self.stdout.write(f"{username} had no second factor; nothing to reset.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Second factor of {username} removed. They sign in with their "
                "password and set up a new authenticator app at once"
                + (
                    " (their role requires it)."
                    if two_factor.is_required(user)
                    else "."
                )
            )
        )
