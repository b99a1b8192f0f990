from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles import publishing, revisions
from articles.models import Article

# The permission each verb needs, as in the admin: the log names who did it.
VERBS = {
    "publish": "articles.publish_article",
    "schedule": "articles.publish_article",
    "unpublish": "articles.publish_article",
    "submit": "articles.change_article",
    "breaking": "articles.set_breaking",
    "end-breaking": "articles.set_breaking",
}


def moment(text: str | None, option: str):
    """A time as an editor types it, in newsroom time unless it names its zone."""
    if text is None:
        return None
    value = parse_datetime(text)
    if value is None:
        raise CommandError(f"{option}: “{text}” is not a time like 2026-03-01 14:00.")
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


class Command(BaseCommand):
    help = (
        "Change what readers see of one story, as the admin would: publish, schedule "
        "(--at), unpublish, submit (for review), breaking (--until) or end-breaking. "
        "The checklist, audit log, version and redirects apply as in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("verb", choices=list(VERBS))
        parser.add_argument("slug", help="The story's address (slug).")
        parser.add_argument(
            "--by", required=True, help="Username of the editor doing it (audit log)."
        )
        parser.add_argument("--at", help="When readers see it (newsroom time).")
        parser.add_argument("--until", help="When the breaking banner ends.")

    def handle(self, *args, verb, slug, by, at=None, until=None, **options):
        try:
            article = Article.objects.get(slug=slug)
        except Article.DoesNotExist:
            raise CommandError(f"No story has the address “{slug}”.") from None
        try:
            user = get_user_model().objects.get(username=by)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No login is called “{by}”.") from None
        if not (user.is_active and user.has_perm(VERBS[verb])):
            raise CommandError(f"{by} may not {verb} stories.")
        at, until = moment(at, "--at"), moment(until, "--until")
        if verb == "schedule" and at is None:
            raise CommandError("schedule needs --at, the time readers see the story.")
        try:
            match verb:
                case "publish":
                    publishing.publish(article, by=user, at=at)
                case "schedule":
                    publishing.schedule(article, by=user, at=at)
                case "unpublish":
                    publishing.unpublish(article, by=user)
                case "submit":
                    publishing.submit_for_review(article, by=user)
                case "breaking":
                    publishing.set_breaking(article, by=user, until=until)
                case "end-breaking":
                    publishing.clear_breaking(article, by=user)
        except publishing.Refused as refused:
            raise CommandError(str(refused)) from None
        when = revisions.local_time(article.publish_at) if article.publish_at else "—"
        self.stdout.write(
            self.style.SUCCESS(
                f"“{article}”: {article.display_status.lower()}, visible from {when}, "
                f"version {article.version}."
            )
        )
