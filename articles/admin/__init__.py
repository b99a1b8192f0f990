"""The editors' admin, one module per admin; importing them registers them."""

from . import authors, front_page, pictures, sections, stories, tags

__all__ = ["authors", "front_page", "pictures", "sections", "stories", "tags"]
