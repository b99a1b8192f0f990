"""RSS 2.0 and Atom feeds of published stories: the site, a section, a tag, an author."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator
from taggit.models import Tag

from . import reader_cache, story_blocks
from .models import Article, Author, Section
from .structured_data import modified_at, shared_image
from .tagging import visible_tags

FEED_SIZE = 30
MEDIA_RSS = "http://search.yahoo.com/mrss/"
CONTENT_RSS = "http://purl.org/rss/1.0/modules/content/"


class MediaRSSMixin:
    """Adds the lead picture as Media RSS <media:content>, which feed readers show,
    and the whole story (inline pictures as <img>, embeds as links) as content."""

    content_element = "content:encoded"

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            attrs = {"type": "html"} if self.content_element == "content" else {}
            handler.addQuickElement(self.content_element, item["content"], attrs)
        image = item.get("image")
        if image is None:
            return
        attrs = {"url": image.url, "medium": "image", "type": image.mime_type}
        if image.width and image.height:
            attrs.update(width=str(image.width), height=str(image.height))
        handler.startElement("media:content", attrs)
        if image.alt:
            handler.addQuickElement("media:description", image.alt, {"type": "plain"})
        if item.get("image_credit"):
            handler.addQuickElement("media:credit", item["image_credit"])
        handler.endElement("media:content")


class NewsroomRss(MediaRSSMixin, Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_RSS,
            "xmlns:content": CONTENT_RSS,
        }


class NewsroomAtom(MediaRSSMixin, Atom1Feed):
    content_element = "content"

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}


@dataclass
class FeedSubject:
    """What a feed is about, plus the request: item URLs and GUIDs are absolute."""

    request: HttpRequest
    object: Section | Tag | Author | None = None


class StoryFeed(Feed):
    """The latest published stories. Subclasses narrow them to one subject."""

    feed_type = NewsroomRss
    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        return reader_cache.tag_page(response, keys=[reader_cache.FEEDS])

    def get_object(self, request, *args, **kwargs):
        return FeedSubject(request)

    def title(self, subject):
        return settings.NEWSROOM_SITE_NAME

    def link(self, subject):
        return reverse("articles:home")

    def about(self, subject):
        return settings.NEWSROOM_TAGLINE

    def description(self, subject):
        # Feed readers render an RSS description as HTML; Atom's subtitle is text.
        return escape(self.about(subject))

    def subtitle(self, subject):
        return self.about(subject)

    def filter_stories(self, stories, subject):
        return stories

    def items(self, subject):
        stories = list(
            self.filter_stories(
                Article.objects.published().with_relations(), subject.object
            )[:FEED_SIZE]
        )
        story_blocks.prefetch_pictures(stories)
        host = subject.request.get_host().split(":")[0]
        for story in stories:
            story.feed_content = story_blocks.render(
                story, absolute=subject.request.build_absolute_uri
            )
            # A tag URI from the story's id: it survives headline and slug edits.
            story.feed_guid = f"tag:{host},{story.created_at:%Y-%m-%d}:story-{story.pk}"
            story.feed_image = (
                shared_image(subject.request, story.lead_image, "16:9")
                if story.lead_image
                else None
            )
            story.feed_author_links = [
                subject.request.build_absolute_uri(author.get_absolute_url())
                for author in story.byline_authors
            ]
        return list(stories)

    def item_title(self, story):
        return story.headline

    def item_description(self, story):
        # Both formats declare the summary as HTML: text that looks like a tag must
        # reach the reader as text.
        return escape(story.dek or Truncator(story.body_text).words(60))

    def item_link(self, story):
        return story.get_absolute_url()

    def item_guid(self, story):
        return story.feed_guid

    def item_pubdate(self, story):
        return story.publish_at

    def item_updateddate(self, story):
        return modified_at(story)

    def item_author_name(self, story):
        names = [author.name for author in story.byline_authors]
        if len(names) > 1:
            return f"{', '.join(names[:-1])} and {names[-1]}"
        return names[0] if names else None

    def item_author_link(self, story):
        return story.feed_author_links[0] if story.feed_author_links else None

    def item_categories(self, story):
        return [tag.name for tag in story.tags.all()]

    def item_extra_kwargs(self, story):
        image = story.feed_image
        return {
            "image": image,
            "image_credit": story.lead_image.credit if image else "",
            "content": story.feed_content,
        }


class SectionFeed(StoryFeed):
    def get_object(self, request, slug):
        return FeedSubject(request, get_object_or_404(Section, slug=slug))

    def title(self, subject):
        return f"{subject.object.name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, subject):
        return subject.object.get_absolute_url()

    def about(self, subject):
        return subject.object.description or (
            f"The latest {subject.object.name} stories from "
            f"{settings.NEWSROOM_SITE_NAME}."
        )

    def filter_stories(self, stories, section):
        return stories.filter(section=section)


class TagFeed(StoryFeed):
    def get_object(self, request, slug):
        # Like the tag page: a tag used only on unpublished stories does not exist.
        return FeedSubject(request, get_object_or_404(visible_tags(), slug=slug))

    def title(self, subject):
        return f"{subject.object.name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, subject):
        return reverse("articles:tag", args=[subject.object.slug])

    def about(self, subject):
        return (
            f"Stories about {subject.object.name} from {settings.NEWSROOM_SITE_NAME}."
        )

    def filter_stories(self, stories, tag):
        return stories.filter(tags=tag)


class AuthorFeed(StoryFeed):
    def get_object(self, request, slug):
        return FeedSubject(request, get_object_or_404(Author, slug=slug))

    def title(self, subject):
        return f"{subject.object.name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, subject):
        return subject.object.get_absolute_url()

    def about(self, subject):
        return f"Stories by {subject.object.name} for {settings.NEWSROOM_SITE_NAME}."

    def filter_stories(self, stories, author):
        return stories.filter(bylines__author=author)


class AtomMixin:
    feed_type = NewsroomAtom


class StoryAtomFeed(AtomMixin, StoryFeed):
    pass


class SectionAtomFeed(AtomMixin, SectionFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeed):
    pass


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass
