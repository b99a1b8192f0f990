"""The site as gunicorn serves it in production, plus the benchmark's floor.

``/_bench/floor/`` is a bare Django view that answers with the bytes of the front page
saved before the run, through the same middleware: whatever a reader page costs beyond
it is the page's own work.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

from django.conf import settings

settings.ROOT_URLCONF = "bench.urls"

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
