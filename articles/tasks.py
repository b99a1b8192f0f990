"""Background work, through Django's tasks API.

The embedded default runs a task in the process that enqueued it, after the upload's
transaction commits; production queues it in the database for `manage.py db_worker`.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.tasks import task

from articles import images, publishing
from articles.models.picture import (
    Image,
    Rendition,
    delete_files,
    delete_files_on_commit,
    store,
)

logger = logging.getLogger(__name__)


@task
def make_renditions(image_id: int, force: bool = False) -> dict:
    """Cut the missing or stale renditions of one image (all of them with ``force``)."""
    try:
        return build_renditions(image_id, force=force)
    except Exception:
        # The immediate backend only records the failure on a result nobody reads.
        logger.exception("Making the renditions of image %s failed", image_id)
        raise


@task
def retry_purges(attempt: int) -> bool:
    """Send the purges the proxy did not acknowledge; try again later if it still won't."""
    from articles import reader_cache

    if reader_cache.send_pending():
        return True
    reader_cache.retry_later(attempt=attempt + 1)
    return False


def build_renditions(image_id: int, *, force: bool = False) -> dict:
    """Make, then swap in, the image's renditions; return what was done.

    Files are written first and rows added after, so a row never points at a file
    that is not there; replaced files go once the swap commits.
    """
    image = Image.objects.filter(pk=image_id).first()
    if image is None or not image.file:
        return {"image": image_id, "made": 0, "kept": 0, "removed": 0, "gone": True}
    storage = image.file.storage
    source_name = image.file.name
    with storage.open(source_name, "rb") as handle:
        data = handle.read()
    size, transparent = images.header_facts(data)
    specs = images.plan(size, (image.focal_x, image.focal_y), transparent=transparent)
    existing = {rendition.key: rendition for rendition in image.renditions.all()}
    todo = [
        spec
        for spec in specs
        if force
        or spec.key not in existing
        or existing[spec.key].signature != spec.signature
    ]
    planned = {spec.key for spec in specs}
    stale = [key for key in existing if key not in planned]
    in_step = image.ready == manifest(existing.values())
    if not (todo or stale) and in_step and size == (image.width, image.height):
        return {"image": image_id, "made": 0, "kept": len(existing), "removed": 0}

    written: list[tuple[images.Spec, str]] = []
    try:
        if todo:
            original = images.open_original(data, scale=images.source_scale(todo))
            for spec, content in images.render(original, todo, full_size=size):
                name = images.rendition_name(source_name, spec)
                written.append((spec, store(storage, name, ContentFile(content))))
        swapped = swap_in(image_id, source_name, size, written, planned)
    except BaseException:
        delete_files(storage, [name for _, name in written])
        raise
    if swapped is None:  # deleted or given a new file meanwhile; its own task runs
        delete_files(storage, [name for _, name in written])
        return {"image": image_id, "made": 0, "kept": 0, "removed": 0, "gone": True}
    return {
        "image": image_id,
        "made": len(written),
        "kept": len(existing) - swapped,
        "removed": swapped,
    }


def manifest(renditions) -> list[list]:
    """What ``Image.ready`` holds for these rows."""
    return sorted(
        [r.ratio, r.width, r.height, r.format, r.file.name] for r in renditions
    )


def swap_in(image_id, source_name, size, written, planned) -> int | None:
    """Add the new rows and drop the ones they replace, in one transaction.

    Returns how many old rows went, or None when the image no longer has the file
    the renditions were cut from.
    """
    with transaction.atomic():
        image = (
            Image.objects.select_for_update()
            .filter(pk=image_id, file=source_name)
            .first()
        )
        if image is None:
            return None
        if (image.width, image.height) != size:
            # A row saved outside the upload pipeline; the file is the truth.
            Image.objects.filter(pk=image_id).update(width=size[0], height=size[1])
        current = {rendition.key: rendition for rendition in image.renditions.all()}
        new_keys = {spec.key for spec, _ in written}
        old = [
            rendition
            for key, rendition in current.items()
            if key in new_keys or key not in planned
        ]
        Rendition.objects.filter(pk__in=[rendition.pk for rendition in old]).delete()
        Rendition.objects.bulk_create(
            Rendition(
                image_id=image_id,
                ratio=spec.ratio,
                width=spec.width,
                height=spec.height,
                format=spec.format,
                file=name,
                signature=spec.signature,
            )
            for spec, name in written
        )
        Image.objects.filter(pk=image_id).update(
            ready=manifest(Rendition.objects.filter(image_id=image_id))
        )
        # A lost file remade under its old name is the new file, not one to remove.
        kept = {name for _, name in written}
        delete_files_on_commit(
            image.file.storage,
            [
                rendition.file.name
                for rendition in old
                if rendition.file.name not in kept
            ],
        )
        publishing.renditions_replaced(image_id)
    return len(old)
