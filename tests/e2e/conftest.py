"""Browser-test plumbing shared by the e2e tests."""

import threading

from django.conf import settings
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread


class OneRequestAtATime(ThreadedWSGIServer):
    """The test server, answering one request at a time.

    With SQLite the test database lives in memory and every server thread shares
    its one connection, which is not safe to use from two threads at once. Pages
    now send requests of their own in the background (autosave, who is editing, the
    goodbye beacon of a page that closes), which can meet the next page load; in
    production each thread has its own connection and nothing needs this.
    """

    def set_app(self, application):
        lock = threading.Lock()

        def serialized(environ, start_response):
            with lock:
                return application(environ, start_response)

        super().set_app(serialized)


if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    LiveServerThread.server_class = OneRequestAtATime
