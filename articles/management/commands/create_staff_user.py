import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from articles.models import Author

ROLES = {"reporter": "Reporter", "editor": "Editor"}


class Command(BaseCommand):
    help = (
        "Create a newsroom login in a role (reporter, editor or admin), or move an "
        "existing one to that role. A new user gets a generated password, printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--role", required=True, choices=[*ROLES, "admin"], help="What they may do."
        )
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help='Full name, e.g. "Aylin Demir".')
        parser.add_argument(
            "--byline",
            action="store_true",
            help="Also create their author profile (byline) and link it to the login.",
        )
        parser.add_argument(
            "--reset-password",
            action="store_true",
            help="Give an existing user a new generated password.",
        )

    @transaction.atomic
    def handle(self, *args, username, role, email, name, byline, reset_password, **o):
        User = get_user_model()
        groups = {
            key: Group.objects.filter(name=group).first()
            for key, group in ROLES.items()
        }
        if any(group is None for group in groups.values()):
            raise CommandError("The role groups are missing; run `manage.py migrate`.")
        user, created = User.objects.get_or_create(username=username)
        if email:
            user.email = email
        if name:
            user.first_name, _, user.last_name = name.partition(" ")
        user.is_staff = True
        user.is_active = True
        user.is_superuser = role == "admin"
        password = None
        if created or reset_password:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
        user.save()
        user.groups.remove(*groups.values())
        if role in groups:
            user.groups.add(groups[role])
        if byline:
            self.link_byline(user, name or user.get_full_name() or username)
        verb = "Created" if created else "Updated"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {username} as {role}.")
            + (f" Password: {password}" if password else "")
        )

    def link_byline(self, user, name):
        if Author.objects.filter(user=user).exists():
            return
        slug, n = slugify(name) or slugify(user.get_username()), 1
        base = slug
        while Author.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        Author.objects.create(name=name, slug=slug, user=user)
