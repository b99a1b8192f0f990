"""Anonymous readers' queries to a PostgreSQL streaming replica (DATABASE_REPLICA_URL).

The replica is only ever asked by a request that ``ReplicaMiddleware`` found safe:
a GET or HEAD from someone without a session (a signed-in editor reads the primary)
who has not changed anything in the last ``NEWSROOM_REPLICA_PIN_SECONDS`` (after any
other method the response pins its sender to the primary for that long, so they see
their own write whatever the replica's lag), outside the admin. Everything else —
writes, the admin, commands, the task worker, reads inside a transaction — uses the
primary. Without DATABASE_REPLICA_URL neither the router nor the middleware is
installed and nothing changes.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
PIN_COOKIE = "newsroom_primary"
SAFE_METHODS = {"GET", "HEAD"}

_reads_from_replica: ContextVar[bool] = ContextVar("reads_from_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not _reads_from_replica.get():
            return DEFAULT_DB_ALIAS
        # A read after a write in the same transaction must see that write.
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same rows: the replica is a copy of the primary.
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db == DEFAULT_DB_ALIAS


def may_read_replica(request) -> bool:
    return (
        request.method in SAFE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and PIN_COOKIE not in request.COOKIES
        and not request.path.startswith(settings.NEWSROOM_PRIMARY_ONLY_PATHS)
    )


class ReplicaMiddleware:
    """Decides, per request, whether its reads may go to the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads_from_replica.set(may_read_replica(request))
        try:
            response = self.get_response(request)
        finally:
            _reads_from_replica.reset(token)
        if request.method not in SAFE_METHODS:
            # Whoever just changed something reads the primary for a while.
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.NEWSROOM_REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
