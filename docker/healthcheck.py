"""Container health probe: GET /healthz from the local gunicorn, exit 0 only on 200.

It asks with one of the site's own host names, so the request goes through the same
ALLOWED_HOSTS check and middleware as a reader's; the slim image has no curl.
"""

import os
import sys
import urllib.error
import urllib.request


def site_host() -> str:
    for name in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(","):
        name = name.strip().lstrip(".")
        if name and name != "*":
            return name
    return "localhost"


def main() -> int:
    url = os.environ.get("HEALTHCHECK_URL", "http://127.0.0.1:8000/healthz")
    request = urllib.request.Request(url, headers={"Host": site_host()})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        print(f"healthcheck: {url}: {error}", file=sys.stderr)
        return 1
    if status != 200:
        print(f"healthcheck: {url} answered {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
