from django.core.management.base import BaseCommand, CommandError

from articles.models import Image
from articles.tasks import build_renditions, make_renditions


class Command(BaseCommand):
    help = (
        "Make the renditions of every image (or of the given ids) that are missing "
        "or stale, for example after the sizes changed or files were lost. "
        "--force remakes all of them."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Only these image ids.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Remake every rendition, even the ones that look current.",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the work for the task worker instead of doing it here.",
        )

    def handle(self, *args, ids, force, enqueue, **options):
        images = Image.objects.order_by("pk")
        if ids:
            images = images.filter(pk__in=ids)
            missing = set(ids) - set(images.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No image with id {', '.join(map(str, missing))}.")
        totals = {"made": 0, "removed": 0, "failed": 0}
        for pk in images.values_list("pk", flat=True).iterator():
            if enqueue:
                make_renditions.enqueue(pk, force=force)
                continue
            try:
                result = build_renditions(pk, force=force)
            except Exception as error:  # one broken file must not stop the run
                totals["failed"] += 1
                self.stderr.write(f"image {pk}: failed: {error}")
                continue
            totals["made"] += result["made"]
            totals["removed"] += result["removed"]
            if options["verbosity"] > 1 or result["made"]:
                self.stdout.write(
                    f"image {pk}: {result['made']} made, {result['removed']} replaced "
                    "or removed"
                )
        count = images.count()
        if enqueue:
            self.stdout.write(self.style.SUCCESS(f"Queued {count} images."))
            return
        summary = (
            f"{count} images: {totals['made']} renditions made, "
            f"{totals['removed']} replaced or removed, {totals['failed']} failed."
        )
        if totals["failed"]:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
