"""Where purges go: the proxies and CDNs that keep readers' pages.

A backend is any class with ``purge(keys)`` that raises ``PurgeFailed`` when the
cache did not acknowledge; ``NEWSROOM_PURGE_BACKENDS`` lists them like ``CACHES``
(``BACKEND`` is a dotted path, ``OPTIONS`` its keyword arguments). Varnish is built
in; a CDN that purges by surrogate key or cache tag (Fastly, Cloudflare) plugs in the
same way, since every response already names its tags in ``Surrogate-Key`` and
``Cache-Tag`` beside Varnish's ``xkey``.
"""

import http.client
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string

# Varnish reads at most 8 KB of one header by default; 100 keys stay well below.
KEYS_PER_REQUEST = 100


class PurgeFailed(Exception):
    pass


class VarnishPurge:
    """``PURGE`` with the keys in ``xkey-purge``, as docker/varnish/default.vcl expects."""

    def __init__(self, *, url: str, token: str, timeout: float = 1.0):
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"Varnish purge URL must be http://host:port, not {url!r}")
        self.host, self.port = parts.hostname, parts.port or 80
        self.token, self.timeout = token, timeout

    def purge(self, keys: list[str]) -> None:
        for start in range(0, len(keys), KEYS_PER_REQUEST):
            self.send(keys[start : start + KEYS_PER_REQUEST])

    def send(self, keys: list[str]) -> None:
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=self.timeout
        )
        try:
            connection.request(
                "PURGE",
                "/",
                headers={"xkey-purge": " ".join(keys), "purge-token": self.token},
            )
            response = connection.getresponse()
            response.read()
        except OSError as error:
            raise PurgeFailed(f"Varnish at {self.host}:{self.port}: {error}") from error
        finally:
            connection.close()
        if response.status != 200:
            raise PurgeFailed(
                f"Varnish at {self.host}:{self.port} answered {response.status} "
                f"{response.reason}"
            )


def configured() -> list:
    return [
        import_string(entry["BACKEND"])(**entry.get("OPTIONS", {}))
        for entry in settings.NEWSROOM_PURGE_BACKENDS
    ]
