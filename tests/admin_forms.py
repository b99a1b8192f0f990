"""POST data for the story change form, as a browser would send it."""

from django.utils import timezone

INLINE_PREFIXES = ("bylines", "notes")


def split(moment):
    if moment is None:
        return "", ""
    local = timezone.localtime(moment)
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")


def management(prefix, total, initial):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def change_form_data(article, **overrides):
    """Everything the change form shows for ``article``, then ``overrides``."""
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "section": article.section_id or "",
        "lead_image": article.lead_image_id or "",
        "tags": ", ".join(f'"{name}"' for name in article.tags.names()),
        "status": article.status,
        "loaded_version": str(article.version),
    }
    for name in ("publish_at", "updated_at", "breaking_until"):
        data[f"{name}_0"], data[f"{name}_1"] = split(getattr(article, name))
    if article.is_breaking:
        data["is_breaking"] = "on"
    bylines = list(article.bylines.order_by("position", "pk"))
    data.update(management("bylines", len(bylines), len(bylines)))
    for index, byline in enumerate(bylines):
        data[f"bylines-{index}-id"] = str(byline.pk)
        data[f"bylines-{index}-article"] = str(article.pk)
        data[f"bylines-{index}-author"] = str(byline.author_id)
        data[f"bylines-{index}-position"] = str(byline.position)
    notes = list(article.notes.all())
    data.update(management("notes", len(notes), len(notes)))
    for index, note in enumerate(notes):
        date, time = split(note.created_at)
        data.update(
            {
                f"notes-{index}-id": str(note.pk),
                f"notes-{index}-article": str(article.pk),
                f"notes-{index}-kind": note.kind,
                f"notes-{index}-text": note.text,
                f"notes-{index}-created_at_0": date,
                f"notes-{index}-created_at_1": time,
            }
        )
        if note.is_substantive:
            data[f"notes-{index}-is_substantive"] = "on"
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def add_form_data(**overrides):
    data = {
        "headline": "Frigate leaves port for the Baltic",
        "slug": "",
        "dek": "",
        "body": "",
        "section": "",
        "lead_image": "",
        "tags": "",
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "updated_at_0": "",
        "updated_at_1": "",
        "breaking_until_0": "",
        "breaking_until_1": "",
        **management("bylines", 1, 0),
        "bylines-0-author": "",
        "bylines-0-position": "0",
        **management("notes", 0, 0),
    }
    data.update(overrides)
    return data


def add_note(data, index, *, kind, text, when, substantive=False):
    """Append a new note row to change-form data."""
    date, time = split(when)
    existing = int(data["notes-TOTAL_FORMS"])
    assert index == existing, "add notes in order"
    data["notes-TOTAL_FORMS"] = str(existing + 1)
    data.update(
        {
            f"notes-{index}-kind": kind,
            f"notes-{index}-text": text,
            f"notes-{index}-created_at_0": date,
            f"notes-{index}-created_at_1": time,
        }
    )
    if substantive:
        data[f"notes-{index}-is_substantive"] = "on"
    return data
