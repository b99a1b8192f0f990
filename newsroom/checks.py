"""System checks for running more than one web process (NEWSROOM_WEB_REPLICAS).

Every web replica must see the same sessions, cached pages, login failures and
pictures. With two or more configured, state that lives in one process (a
local-memory or file cache, file sessions) or on one machine (media on local disk) is
an error: `manage.py check` and the compose `migrate` service (which runs the checks)
stop before a second replica serves a page the first one cannot see.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.module_loading import import_string

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
    "django.core.cache.backends.dummy.DummyCache",
}
PER_MACHINE_SESSIONS = {"django.contrib.sessions.backends.file"}
CACHE_SESSIONS = {
    "django.contrib.sessions.backends.cache",
    "django.contrib.sessions.backends.cached_db",
}


@register(Tags.caches, Tags.compatibility)
def shared_state_check(app_configs=None, **kwargs):
    replicas = getattr(settings, "NEWSROOM_WEB_REPLICAS", 1)
    if replicas < 2:
        return []
    errors = []
    for alias, config in settings.CACHES.items():
        if config["BACKEND"] in PER_PROCESS_CACHES:
            errors.append(
                Error(
                    f"The {alias!r} cache ({config['BACKEND'].rsplit('.', 1)[1]}) "
                    f"lives in one process, but NEWSROOM_WEB_REPLICAS={replicas}: "
                    "cached pages, purges and login throttling would differ per "
                    "replica.",
                    hint="Set REDIS_URL so every replica shares one cache.",
                    id="newsroom.E001",
                )
            )
    if settings.SESSION_ENGINE in PER_MACHINE_SESSIONS:
        errors.append(
            Error(
                f"Sessions are files on one machine, but NEWSROOM_WEB_REPLICAS="
                f"{replicas}: a sign-in on one replica would be unknown to the others.",
                hint="Use the database sessions (Django's default SESSION_ENGINE).",
                id="newsroom.E002",
            )
        )
    storage = import_string(settings.STORAGES["default"]["BACKEND"])
    from django.core.files.storage import FileSystemStorage

    if issubclass(storage, FileSystemStorage):
        errors.append(
            Error(
                f"Pictures are stored on this machine's disk, but NEWSROOM_WEB_REPLICAS="
                f"{replicas}: an upload through one replica would be missing on the "
                "others.",
                hint="Set NEWSROOM_MEDIA_STORAGE=s3 and the bucket's AWS_* variables "
                "(README, 'Scaling out').",
                id="newsroom.E003",
            )
        )
    return errors
