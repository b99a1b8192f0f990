"""The newsroom's domain, one module per concern; import models from here."""

from .editorial import Note
from .picture import Image, image_upload_to
from .story import Article, ArticleQuerySet, Author, Byline, Section

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Author",
    "Byline",
    "Image",
    "Note",
    "Section",
    "image_upload_to",
]
