"""The site's URLs plus the benchmark's floor (see bench/wsgi.py)."""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import include, path


@cache
def floor_bytes() -> bytes:
    return Path(os.environ["NEWSROOM_BENCH_FLOOR"]).read_bytes()


def floor(request):
    return HttpResponse(floor_bytes(), content_type="text/html; charset=utf-8")


urlpatterns = [
    path("_bench/floor/", floor),
    path("", include("newsroom.urls")),
]
