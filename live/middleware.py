from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control


class ImmutableLogMiddleware:
    """Tell browsers a public live log range never changes.

    The reader cache writes the Cache-Control of every reader answer, from Django's
    page cache too (where no view runs), so the mark goes on afterwards, here, by
    the address alone. Sits just outside ``ReaderCacheMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "public" in response.get("Cache-Control", "") and is_log_range(request):
            patch_cache_control(response, immutable=True)
        return response


def is_log_range(request) -> bool:
    if not request.path_info.startswith("/live/"):
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name == "live:log"
