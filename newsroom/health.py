"""``/healthz``: can this web process serve pages right now?

The container health check, the proxy's operators and any load balancer ask it every
few seconds, so it stays cheap: one ``SELECT 1`` and one cache read, no templates, no
sessions. It says 503 while the database is unreachable and 200 again as soon as it
answers; Django's connection health checks reconnect on their own. The cache is
reported but not required: without Redis pages are rendered uncached, so the site
is degraded, not down, and the proxy keeps sending readers.
"""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_answers() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def cache_answers() -> None:
    # A read of a key nobody writes: a round trip to Redis, nothing stored.
    cache.get("newsroom:healthz")


PROBES = {"database": database_answers, "cache": cache_answers}
REQUIRED = {"database"}


@never_cache
@require_safe
def healthz(request):
    report = {}
    for name, probe in PROBES.items():
        try:
            probe()
        except Exception as error:  # any failure, whatever the driver raises
            logger.warning("healthz: %s unavailable: %s", name, error)
            report[name] = "unavailable"
        else:
            report[name] = "ok"
    healthy = all(report[name] == "ok" for name in REQUIRED)
    status = "ok" if all(state == "ok" for state in report.values()) else "degraded"
    return JsonResponse(
        {"status": status if healthy else "unavailable", **report},
        status=200 if healthy else 503,
    )
