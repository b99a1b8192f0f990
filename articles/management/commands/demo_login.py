import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

USERNAME = "editor"


class Command(BaseCommand):
    help = (
        "Make sure the demo editor account exists and print its login. The password is "
        "generated on first run and kept in a git-ignored file, so it is never a fixed one."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password-file",
            type=Path,
            default=settings.BASE_DIR / ".demo-login",
            help="Where the generated password is kept (default: .demo-login).",
        )
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="The address the site is served at, for the printed admin link.",
        )

    def handle(self, *args, password_file, site_url, **options):
        if password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = secrets.token_urlsafe(12)
            password_file.touch(mode=0o600)
            password_file.write_text(password + "\n")
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME,
            defaults={"email": "editor@example.org", "first_name": "Demo"},
        )
        user.is_staff = True
        # Still able to do everything, and in the Editor group like a real desk editor.
        user.is_superuser = True
        if created or not user.check_password(password):
            user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name="Editor"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: {site_url.rstrip('/')}/admin/  user: {USERNAME}  password: {password}"
            )
        )
