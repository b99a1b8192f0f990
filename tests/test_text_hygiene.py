"""Text hygiene at the model layer: what no reader can see and no feed can carry is
refused by every form with a message and stripped on every other save path; text is
stored in NFC; length and date limits are the form's, never the database's."""

import json
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.forms import ArticleAdminForm, ImageForm
from articles.models import Article, Author, Image, Note, Section
from tests.admin_forms import add_note, change_form_data
from tests.test_escaping import SITEMAPS, InertnessChecker, assert_inert_xml

# One of each class: C0 control, DEL, C1 control (NEL), the two non-characters, and
# a lone surrogate (only reachable without HTTP: JSON "\ud800", a shell, an import).
CHARACTERS = {
    "C0": "\x07",
    "NUL": "\x00",
    "DEL": "\x7f",
    "C1": "\x85",
    "U+FFFE": "\ufffe",
    "U+FFFF": "\uffff",
    "lone surrogate": "\ud800",
}
OVER_HTTP = {
    name: char for name, char in CHARACTERS.items() if name != "lone surrogate"
}
REFUSED = "readers can’t see it and feeds can’t carry it"


@pytest.fixture
def world(make_section, make_author, make_image, make_article, editor):
    section = make_section(name="Europe", slug="europe", description="The continent.")
    author = make_author(name="Aylin Demir", slug="aylin-demir", bio="Defence.")
    image = make_image()
    story = make_article(
        headline="Frigate leaves port",
        section=section,
        authors=[author],
        lead_image=image,
        tags=["Navy"],
        created_by=editor,
    )
    tag = Tag.objects.get(name="Navy")
    return {
        "section": section,
        "author": author,
        "image": image,
        "story": story,
        "tag": tag,
    }


def image_data(image, **fields):
    return {
        "alt_text": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "focal_x": image.focal_x,
        "focal_y": image.focal_y,
        **fields,
    }


def post_with(world, field, value):
    """(url, data) of the admin form that edits ``field``, carrying ``value``."""
    story, section, author, tag = (
        world["story"],
        world["section"],
        world["author"],
        world["tag"],
    )
    match field:
        case "headline" | "dek" | "tags":
            return reverse("admin:articles_article_change", args=[story.pk]), (
                change_form_data(story, **{field: f"Word {value} word"})
            )
        case "body":
            return reverse("admin:articles_article_change", args=[story.pk]), (
                change_form_data(story, body=f"<p>Word {value} word</p>")
            )
        case "note":
            data = change_form_data(story)
            add_note(
                data,
                0,
                kind="correction",
                text=f"Word {value} word",
                when=timezone.now() - timedelta(minutes=1),
            )
            return reverse("admin:articles_article_change", args=[story.pk]), data
        case "alt_text" | "caption" | "credit":
            return reverse(
                "admin:articles_image_change", args=[world["image"].pk]
            ), image_data(world["image"], **{field: f"Word {value} word"})
        case "section name" | "section description":
            data = {
                "name": section.name,
                "slug": section.slug,
                "description": section.description,
                "position": section.position,
            }
            data[field.split()[1]] = f"Word {value} word"
            return reverse("admin:articles_section_change", args=[section.pk]), data
        case "author name" | "author bio":
            data = {
                "name": author.name,
                "slug": author.slug,
                "kind": author.kind,
                "bio": author.bio,
            }
            data[field.split()[1]] = f"Word {value} word"
            return reverse("admin:articles_author_change", args=[author.pk]), data
        case "tag name":
            return reverse("admin:taggit_tag_change", args=[tag.pk]), {
                "name": f"Word {value} word",
                "slug": tag.slug,
            }
    raise AssertionError(field)


FIELDS = [
    "headline",
    "dek",
    "body",
    "tags",
    "note",
    "alt_text",
    "caption",
    "credit",
    "section name",
    "section description",
    "author name",
    "author bio",
    "tag name",
]


def stored_text(world):
    story = Article.objects.get(pk=world["story"].pk)
    return [
        story.headline,
        story.dek,
        story.body,
        *story.tags.names(),
        *Note.objects.values_list("text", flat=True),
        *Image.objects.values_list("alt_text", "caption", "credit").get(),
        *Section.objects.values_list("name", "description").get(),
        *Author.objects.values_list("name", "bio").get(),
        *Tag.objects.values_list("name", flat=True),
    ]


@pytest.mark.parametrize("character", OVER_HTTP.values(), ids=OVER_HTTP.keys())
@pytest.mark.parametrize("field", FIELDS)
def test_every_form_refuses_unshowable_characters_with_a_message(
    editor_client, world, field, character
):
    before = stored_text(world)
    url, data = post_with(world, field, character)

    response = editor_client.post(url, data)

    assert response.status_code == 200, response.status_code
    assert REFUSED in response.text
    assert f"U+{ord(character):04X}" in response.text
    assert stored_text(world) == before


@pytest.mark.parametrize("field", FIELDS)
def test_the_same_forms_accept_tabs_newlines_and_every_script(
    editor_client, world, field
):
    url, data = post_with(world, field, "Ünïcödé, ελληνικά, 中文 🚀")

    response = editor_client.post(url, data)

    assert response.status_code == 302, response.text[:3000]


def test_a_lone_surrogate_is_refused_by_the_forms_too(world):
    story = world["story"]
    form = ArticleAdminForm(
        change_form_data(story, headline="Frigate \ud800 leaves"), instance=story
    )
    picture = ImageForm(
        image_data(world["image"], caption="A \ud800 harbour"), instance=world["image"]
    )

    assert not form.is_valid()
    assert "U+D800" in str(form.errors["headline"])
    assert not picture.is_valid()
    assert "U+D800" in str(picture.errors["caption"])


def test_a_hostile_byte_sequence_over_http_never_answers_500(editor_client, world):
    story = world["story"]
    # An encoded surrogate is not UTF-8: Django decodes it as U+FFFD, which is fine.
    body = (
        "&".join(
            f"{key}={value}"
            for key, value in change_form_data(story, headline="HEADLINE").items()
        )
        .encode()
        .replace(b"HEADLINE", b"Frigate \xed\xa0\x80 leaves")
    )

    response = editor_client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        body,
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code in {200, 302}


def test_textarea_line_breaks_are_stored_as_plain_newlines(editor_client, world):
    section = world["section"]
    editor_client.post(
        reverse("admin:articles_section_change", args=[section.pk]),
        {
            "name": section.name,
            "slug": section.slug,
            "description": "First line.\r\n\tSecond line.",
            "position": section.position,
        },
    )

    assert Section.objects.get().description == "First line.\n\tSecond line."


@pytest.fixture
def stories_saved_from_code(make_section, make_author, make_image, make_article):
    """Every character class in every plain-text field, saved without a form."""
    every = "".join(CHARACTERS.values()) + "\u202e"
    section = make_section(name=f"Europe{every}", slug="europe", description=every)
    author = make_author(name=f"Aylin{every} Demir", slug="aylin", bio=every)
    image = make_image(alt_text=f"Ships{every}", caption=every, credit=f"AP{every}")
    story = make_article(
        headline=f"Frigate{every} leaves port",
        slug="frigate",
        dek=f"Standfirst{every}.",
        body=f"<p>Body{every} text.</p>",
        section=section,
        authors=[author],
        lead_image=image,
        # taggit looks a tag up by name before our pre-save hook runs; NUL and a lone
        # surrogate can't be sent to the database even as a query parameter.
        tags=[f"Navy{every}".replace("\x00", "").replace("\ud800", "")],
    )
    Note.objects.create(article=story, kind="correction", text=f"Fixed{every}.")
    return story


def test_saves_without_a_form_strip_what_forms_refuse(stories_saved_from_code):
    story = Article.objects.get(pk=stories_saved_from_code.pk)

    stored = [
        story.headline,
        story.dek,
        story.body,
        story.body_text,
        story.section.name,
        story.section.description,
        story.lead_image.alt_text,
        story.lead_image.caption,
        story.lead_image.credit,
        story.notes.get().text,
        *story.tags.names(),
        *story.authors.values_list("name", "bio").get(),
    ]
    assert story.headline == "Frigate leaves port"
    assert story.tags.get().name == "Navy"
    for value in stored:
        assert not set(value) & set(CHARACTERS.values()), repr(value)
        assert "\u202e" not in value


def test_feeds_sitemaps_and_structured_data_stay_valid_with_every_class(
    client, stories_saved_from_code
):
    story = stories_saved_from_code
    tag = story.tags.get()
    feeds = []
    for base in ["/", "/section/europe/", f"/tag/{tag.slug}/", "/author/aylin/"]:
        feeds += [f"{base}feed/", f"{base}feed/atom/"]

    for url in feeds + SITEMAPS:
        response = client.get(url)
        assert_inert_xml(url, response)  # parses as XML 1.0
    page = client.get(story.get_absolute_url())
    assert page.status_code == 200
    checker = InertnessChecker()
    checker.feed(page.text)
    assert checker.json_blocks
    for block in checker.json_blocks:
        data = json.loads(block)
        assert "\ufffe" not in json.dumps(data, ensure_ascii=False)
    ElementTree.fromstring(client.get("/feed/").content)


def test_nfc_and_nfd_spellings_are_one_tag_and_one_slug(editor_client, world):
    story = world["story"]
    composed, decomposed = "Caf\u00e9", "Cafe\u0301"
    first = editor_client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        change_form_data(story, tags=composed),
    )
    assert first.status_code == 302, first.text[-3000:]
    other = Article.objects.create(headline="Other", slug="other")
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[other.pk]),
        change_form_data(other, tags=decomposed),
    )

    assert response.status_code == 302
    tag = Tag.objects.get(slug="cafe")
    assert tag.name == composed
    assert Tag.objects.exclude(name="Navy").count() == 1
    assert set(
        tag.articles_taggedarticle_items.values_list("content_object_id", flat=True)
    ) == {
        story.pk,
        other.pk,
    }


def test_nfd_headline_from_code_is_stored_composed(make_article):
    story = make_article(headline="Cafe\u0301 owners protest", slug="cafe")

    assert Article.objects.get(pk=story.pk).headline == "Caf\u00e9 owners protest"


def test_a_tag_from_code_is_stored_composed(make_article):
    make_article(tags=["Cafe\u0301"])

    assert Tag.objects.get().name == "Caf\u00e9"


def test_overlong_tag_is_a_form_error_not_a_database_error(editor_client, world):
    story = world["story"]
    before = set(story.tags.names())

    response = editor_client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        change_form_data(story, tags="Navy, " + "x" * 101),
    )

    assert response.status_code == 200
    assert "too long for a tag" in response.text
    assert set(Article.objects.get(pk=story.pk).tags.names()) == before


def test_a_tag_whose_address_would_be_too_long_is_a_form_error(editor_client, world):
    story = world["story"]
    # 40 characters, but each ligature becomes three letters in the address.
    name = "\ufb03" * 40

    response = editor_client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        change_form_data(story, tags=name),
    )

    assert response.status_code == 200
    assert "too long for a tag" in response.text


def test_every_length_limit_is_the_forms_message(editor_client, world):
    url, data = post_with(world, "headline", "x")
    data["headline"] = "x" * 201

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "at most 200 characters" in response.text


@pytest.mark.parametrize(
    ("zone", "date"),
    [
        ("Europe/Kyiv", "0001-01-01"),
        ("America/New_York", "9999-12-31"),
        ("Asia/Tokyo", "0001-01-01"),
        ("UTC", "9999-12-31"),
    ],
)
def test_dates_the_site_cannot_show_are_a_form_error(
    editor_client, world, settings, zone, date
):
    settings.TIME_ZONE = zone
    story = world["story"]
    data = change_form_data(story)
    data["publish_at_0"], data["publish_at_1"] = date, "23:30:00"

    response = editor_client.post(
        reverse("admin:articles_article_change", args=[story.pk]), data
    )

    assert response.status_code == 200
    assert "outside the dates the site can show" in response.text
    assert Article.objects.get(pk=story.pk).publish_at == story.publish_at


def test_a_note_dated_year_one_is_a_form_error(editor_client, world, settings):
    settings.TIME_ZONE = "Europe/Kyiv"
    story = world["story"]
    data = change_form_data(story)
    add_note(data, 0, kind="correction", text="Fixed.", when=timezone.now())
    data["notes-0-created_at_0"] = "0001-01-01"

    response = editor_client.post(
        reverse("admin:articles_article_change", args=[story.pk]), data
    )

    assert response.status_code == 200
    assert "outside the dates the site can show" in response.text
    assert not Note.objects.exists()
