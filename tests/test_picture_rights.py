"""Pictures follow the story's rules: who may change a picture, per role and per use.

Every cell is checked twice: what the change page offers, and what a forged POST does
to the row and the file afterwards.
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline, Image
from tests import picture_files as files
from tests.conftest import role_user

pytestmark = pytest.mark.django_db

# May the role change the picture (file, alt, caption, credit, focal point)?
MATRIX = {
    "only own draft uses it": {"reporter": True, "editor": True, "admin": True},
    "own story in review uses it": {"reporter": True, "editor": True, "admin": True},
    "own published story uses it": {"reporter": False, "editor": True, "admin": True},
    "own scheduled story uses it": {"reporter": False, "editor": True, "admin": True},
    "another's draft uses it": {"reporter": False, "editor": True, "admin": True},
    "own draft and a live story use it": {
        "reporter": False,
        "editor": True,
        "admin": True,
    },
    "a byline photo": {"reporter": False, "editor": True, "admin": True},
    "unused, uploaded by the user": {"reporter": True, "editor": True, "admin": True},
    "unused, uploaded by a colleague": {
        "reporter": False,
        "editor": True,
        "admin": True,
    },
}


@pytest.fixture
def actors(django_user_model):
    return {
        "reporter": role_user("reporter", "Reporter"),
        "editor": role_user("desk", "Editor"),
        "admin": django_user_model.objects.create_superuser(
            "chief", "chief@example.org", "pw-chief-1"
        ),
    }


@pytest.fixture
def picture_in(make_image, make_article, make_author, actors):
    reporter = actors["reporter"]
    colleague = role_user("reporter2", "Reporter")

    def story(picture, status, created_by=reporter, **fields):
        if status == "scheduled":
            status = Article.Status.PUBLISHED
            fields["publish_at"] = timezone.now() + timedelta(hours=3)
        return make_article(
            lead_image=picture, status=status, created_by=created_by, **fields
        )

    def make(situation):
        uploader = colleague if situation.endswith("by a colleague") else reporter
        picture = make_image()
        Image.objects.filter(pk=picture.pk).update(uploaded_by=uploader)
        match situation:
            case "only own draft uses it":
                story(picture, Article.Status.DRAFT)
            case "own story in review uses it":
                story(picture, Article.Status.REVIEW)
            case "own published story uses it":
                story(picture, Article.Status.PUBLISHED)
            case "own scheduled story uses it":
                story(picture, "scheduled")
            case "another's draft uses it":
                story(picture, Article.Status.DRAFT, created_by=colleague)
            case "own draft and a live story use it":
                story(picture, Article.Status.DRAFT)
                story(picture, Article.Status.PUBLISHED, created_by=colleague)
            case "a byline photo":
                make_author(photo=picture)
        return Image.objects.get(pk=picture.pk)

    return make


def forged_change(client, picture):
    """Everything a change form would send, with new words and a new file."""
    return client.post(
        reverse("admin:articles_image_change", args=[picture.pk]),
        {
            "file": SimpleUploadedFile("swapped.jpg", files.jpeg(color=(200, 0, 0))),
            "alt_text": "Something else entirely",
            "caption": "A forged caption",
            "credit": "Nobody",
            "focal_x": "0.10",
            "focal_y": "0.90",
        },
    )


CELLS = [
    (situation, role, allowed)
    for situation, by_role in MATRIX.items()
    for role, allowed in by_role.items()
]


@pytest.mark.parametrize(("situation", "role", "allowed"), CELLS)
def test_picture_rights_follow_the_stories_that_use_it(
    client, actors, picture_in, situation, role, allowed
):
    picture = picture_in(situation)
    before = (
        picture.file.name,
        picture.alt_text,
        picture.caption,
        picture.credit,
        picture.focal_x,
        picture.focal_y,
    )
    client.force_login(actors[role])

    page = client.get(reverse("admin:articles_image_change", args=[picture.pk]))
    response = forged_change(client, picture)

    assert page.status_code == 200  # every role may look at the picture
    assert ('name="alt_text"' in page.text) is allowed
    picture.refresh_from_db()
    after = (
        picture.file.name,
        picture.alt_text,
        picture.caption,
        picture.credit,
        picture.focal_x,
        picture.focal_y,
    )
    if allowed:
        assert response.status_code == 302, response.text[:2000]
        assert picture.alt_text == "Something else entirely"
        assert picture.file.name != before[0]
    else:
        assert response.status_code == 403
        assert after == before


def test_a_reporter_whose_draft_goes_live_loses_the_picture(
    client, actors, make_image, make_article
):
    reporter = actors["reporter"]
    picture = make_image()
    story = make_article(
        lead_image=picture, status=Article.Status.DRAFT, created_by=reporter
    )
    client.force_login(reporter)
    url = reverse("admin:articles_image_change", args=[picture.pk])
    assert 'name="alt_text"' in client.get(url).text

    Article.objects.filter(pk=story.pk).update(
        status=Article.Status.PUBLISHED, publish_at=timezone.now()
    )

    assert 'name="alt_text"' not in client.get(url).text


def test_a_byline_counts_as_own_for_the_picture(
    client, actors, make_image, make_article, make_author
):
    reporter = actors["reporter"]
    picture = make_image()
    story = make_article(lead_image=picture, status=Article.Status.DRAFT)
    Byline.objects.create(article=story, author=make_author(user=reporter))
    client.force_login(reporter)

    page = client.get(reverse("admin:articles_image_change", args=[picture.pk]))

    assert 'name="alt_text"' in page.text
