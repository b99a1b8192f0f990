"""The newsroom's domain, one module per concern; import models from here."""

from .picture import Image, image_upload_to
from .story import Article, ArticleQuerySet, Author, Byline, Section

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Author",
    "Byline",
    "Image",
    "Section",
    "image_upload_to",
]
