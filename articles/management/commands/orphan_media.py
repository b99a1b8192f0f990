from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from articles.models import Image, Rendition

# The folders the picture pipeline writes to; anything else in media is not ours.
FOLDERS = ("images", "renditions")


def walk(storage, folder):
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from walk(storage, f"{folder}/{directory}")


def stored_files(storage, folder):
    """(name, modified, size) of every file under ``folder``.

    A bucket lists names, times and sizes together (newsroom.storage.MediaStorage);
    asking for each file's time and size would cost two requests per object.
    """
    if hasattr(storage, "walk"):
        yield from storage.walk(folder)
        return
    for name in walk(storage, folder):
        yield name, storage.get_modified_time(name), storage.size(name)


class Command(BaseCommand):
    help = (
        "List picture files no row points at (left by an interrupted upload or a "
        "failed delete) and rows whose file is missing. --delete removes the orphan "
        "files and the rendition rows without a file (remake them with "
        "regenerate_renditions)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Remove orphans.")
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            metavar="MINUTES",
            help="Leave files younger than this alone: an upload may be under way "
            "(default 60).",
        )

    def handle(self, *args, delete, min_age, **options):
        storage = default_storage
        known = set(Image.objects.values_list("file", flat=True)) | set(
            Rendition.objects.values_list("file", flat=True)
        )
        cutoff = timezone.now() - timedelta(minutes=min_age)
        stored = {}
        orphans = []
        for folder in FOLDERS:
            for name, modified, size in stored_files(storage, folder):
                stored[name] = size
                if name not in known and modified < cutoff:
                    orphans.append(name)
        size = 0
        for name in orphans:
            size += stored[name]
            self.stdout.write(f"orphan file: {name}")
            if delete:
                storage.delete(name)
        missing_originals = [
            (pk, name)
            for pk, name in Image.objects.values_list("pk", "file")
            if name not in stored and not storage.exists(name)
        ]
        for pk, name in missing_originals:
            self.stderr.write(f"image {pk}: its file {name} is missing")
        missing_renditions = [
            pk
            for pk, name in Rendition.objects.values_list("pk", "file")
            if name not in stored and not storage.exists(name)
        ]
        if missing_renditions:
            self.stdout.write(
                f"{len(missing_renditions)} rendition rows point at missing files"
            )
        if delete and missing_renditions:
            affected = set(
                Rendition.objects.filter(pk__in=missing_renditions).values_list(
                    "image_id", flat=True
                )
            )
            Rendition.objects.filter(pk__in=missing_renditions).delete()
            for image in Image.objects.filter(pk__in=affected):
                image.schedule_renditions()
        verb = "Removed" if delete else "Found"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {len(orphans)} orphan files ({size / 1024 / 1024:.1f} MB)"
                f"{'' if delete or not orphans else '; run with --delete to remove them'}."
            )
        )
