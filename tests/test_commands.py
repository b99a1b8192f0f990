"""Management commands a newcomer runs through `make run`."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from taggit.models import Tag

from articles.models import Article, Author, Image, Section


def counts():
    return (
        Article.objects.count(),
        Image.objects.count(),
        Section.objects.count(),
        Author.objects.count(),
        Tag.objects.count(),
    )


def test_seed_demo_builds_a_believable_site_and_is_idempotent(db, client):
    call_command("seed_demo", stdout=StringIO())
    first = counts()
    call_command("seed_demo", stdout=StringIO())

    assert counts() == first
    stories, images, sections, authors, tags = first
    assert 40 <= stories <= 45
    assert 25 <= images <= 35
    assert 5 <= sections <= 8
    assert Author.objects.filter(kind=Author.Kind.ORGANIZATION, user=None).exists()
    assert 35 <= tags <= 45
    assert Article.objects.breaking().count() == 1
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 2
    assert sum(a.is_scheduled for a in Article.objects.all()) == 1
    assert all(
        image.width >= 1600 and image.height >= 900 for image in Image.objects.all()
    )
    assert Article.objects.filter(headline__icontains="IDEF").exists()

    home = client.get("/")
    assert home.status_code == 200
    assert "Breaking News" in home.text


def test_seed_demo_if_empty_leaves_an_existing_site_alone(make_article):
    make_article()
    out = StringIO()
    call_command("seed_demo", "--if-empty", stdout=out)

    assert Article.objects.count() == 1
    assert "not loaded" in out.getvalue()


def test_demo_login_generates_a_password_once_and_keeps_it(db, tmp_path):
    password_file = tmp_path / "login"
    first, second = StringIO(), StringIO()
    call_command("demo_login", password_file=password_file, stdout=first)
    call_command("demo_login", password_file=password_file, stdout=second)

    password = password_file.read_text().strip()
    assert len(password) >= 12
    assert password in first.getvalue()
    assert first.getvalue() == second.getvalue()
    user = get_user_model().objects.get(username="editor")
    assert user.check_password(password)
    assert user.is_staff
    assert oct(password_file.stat().st_mode & 0o777) == "0o600"


def test_demo_login_passwords_differ_between_installs(db, tmp_path):
    call_command("demo_login", password_file=tmp_path / "a", stdout=StringIO())
    call_command("demo_login", password_file=tmp_path / "b", stdout=StringIO())

    assert (tmp_path / "a").read_text() != (tmp_path / "b").read_text()
