"""Addresses reversed once still follow the script prefix and the URLconf."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, path, reverse, set_script_prefix

from newsroom.addresses import address


def test_an_address_is_what_reverse_gives(make_article, make_section):
    story = make_article(slug="frigates", section=make_section(slug="europe"))

    assert story.get_absolute_url() == reverse("articles:detail", args=["frigates"])
    assert story.section.get_absolute_url() == "/section/europe/"
    assert address("articles:home") == "/"


def test_an_address_follows_the_script_prefix(make_article):
    story = make_article(slug="frigates")
    assert story.get_absolute_url() == "/story/frigates/"
    set_script_prefix("/news/")
    try:
        assert story.get_absolute_url() == "/news/story/frigates/"
    finally:
        set_script_prefix("/")
    assert story.get_absolute_url() == "/story/frigates/"


def no_view(request):
    raise AssertionError("not called")


urlpatterns = [path("elsewhere/home/", no_view, name="home")]


def test_an_address_follows_the_urlconf():
    with override_settings(ROOT_URLCONF=__name__):
        assert address("home") == "/elsewhere/home/"
    with pytest.raises(NoReverseMatch):
        address("home")  # the site's own URLconf names it articles:home
