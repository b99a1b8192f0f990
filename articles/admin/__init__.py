"""The editors' admin, one module per admin; importing them registers them."""

from . import authors, pictures, sections, stories, tags

__all__ = ["authors", "pictures", "sections", "stories", "tags"]
