"""The newsroom's domain, one module per concern; import models from here."""

from .editorial import Note
from .freshness import ReaderGeneration
from .front_page import FrontPageSection, FrontPageSlot
from .picture import Image, Rendition, image_upload_to
from .purge import PurgeRequest
from .redirects import SlugRedirect, TagRedirect
from .story import (
    Article,
    ArticleQuerySet,
    Author,
    Byline,
    Section,
    TaggedArticle,
    ordered_bylines,
    with_bylines,
)

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Author",
    "Byline",
    "FrontPageSection",
    "FrontPageSlot",
    "Image",
    "Note",
    "PurgeRequest",
    "ReaderGeneration",
    "Rendition",
    "Section",
    "SlugRedirect",
    "TagRedirect",
    "TaggedArticle",
    "image_upload_to",
    "ordered_bylines",
    "with_bylines",
]
