"""Addresses of pages, reversed once per process rather than once per link.

A story page links each section twice (masthead and footer), and each card to its
story and section: some thirty addresses, each of which ``reverse()`` works out
afresh by matching the URL patterns, about 35 µs apiece. An address depends only on
the view, its arguments, the URLconf and the script prefix, so it is worked out once
for those and kept; the least used go first once ``KEPT`` are kept.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

KEPT = 4096


def address(viewname: str, *args) -> str:
    """``reverse(viewname, args=args)``, worked out once."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return reversed_once(viewname, args, urlconf, get_script_prefix())


@lru_cache(maxsize=KEPT)
def reversed_once(viewname, args, urlconf, script_prefix):
    # script_prefix is in the key because reverse() reads it, not as an argument.
    return reverse(viewname, urlconf=urlconf, args=args)
