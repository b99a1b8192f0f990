"""The VCL in docker/varnish, run by a real varnishd through docker/varnish/start.sh.

The origin here is a small HTTP server whose answers each test chooses, so every rule
of the VCL is checked on its own: what is stored, what passes, what a purge removes,
what a dead backend leaves readers.
"""

import http.client
import http.server
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
START = ROOT / "docker" / "varnish" / "start.sh"
PURGE_TOKEN = "test-purge-token"
VARNISHD = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")


def require_varnish():
    if VARNISHD and list(Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so")):
        return
    message = (
        "Varnish tests need Debian's varnish and varnish-modules: "
        "apt-get install varnish varnish-modules"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Origin(http.server.ThreadingHTTPServer):
    """Answers by path prefix; records every request that reached it."""

    daemon_threads = True

    def __init__(self):
        self.seen = []
        self.healthy = True
        super().__init__(("127.0.0.1", 0), OriginHandler)


class OriginHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server
        if self.path == "/healthz":
            self.answer(200 if server.healthy else 503, {"Cache-Control": "no-store"})
            return
        server.seen.append((self.path, self.headers.get("Cookie")))
        server.forwarded_for = self.headers.get("X-Forwarded-For")
        headers = {"Cache-Control": "public, max-age=30, s-maxage=300"}
        if self.path.startswith("/private"):
            headers = {"Cache-Control": "private, no-store"}
        elif self.path.startswith("/sets-cookie"):
            headers["Set-Cookie"] = "csrftoken=abc; Path=/"
        elif self.path.startswith("/broken"):
            self.answer(500, {"Cache-Control": "public, s-maxage=300"})
            return
        headers["xkey"] = " ".join(
            f"page:{part}" for part in self.path.strip("/").split("/") if part
        )
        self.answer(200, headers)

    def answer(self, status, headers):
        body = f"{self.path} #{len(self.server.seen)}".encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def origin():
    server = Origin()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def varnish(origin):
    require_varnish()
    port = free_port()
    # varnishd compiles the VCL as its own unprivileged user, which cannot enter
    # pytest's private tmp_path: a world-readable folder of our own instead.
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-varnish-"))
    workdir.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{os.environ.get('PATH', '')}:/usr/sbin",
        "VARNISH_BACKEND_HOST": "127.0.0.1",
        "VARNISH_BACKEND_PORT": str(origin.server_address[1]),
        "VARNISH_PROBE_HOST": "localhost",
        "VARNISH_LISTEN": f"127.0.0.1:{port}",
        "VARNISH_WORKDIR": str(workdir),
        "VARNISH_SIZE": "32m",
        "VARNISH_PURGE_TOKEN": PURGE_TOKEN,
    }
    process = subprocess.Popen(
        ["sh", str(START)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"varnishd exited: {process.stdout.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        pytest.fail("varnishd did not start listening within 20 s")
    yield port
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)


def fetch(port, path, method="GET", headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response, body


def purge(port, keys, token=PURGE_TOKEN):
    return fetch(port, "/", "PURGE", {"xkey-purge": keys, "purge-token": token})[0]


def test_a_public_page_is_served_from_memory_after_the_first_reader(varnish, origin):
    first, first_body = fetch(varnish, "/story/one/")
    second, second_body = fetch(varnish, "/story/one/")
    assert first.getheader("X-Cache") == "miss"
    assert second.getheader("X-Cache") == "hit"
    assert second_body == first_body
    assert [path for path, _ in origin.seen] == ["/story/one/"]


def test_readers_cookies_do_not_split_the_cache_or_reach_the_backend(varnish, origin):
    fetch(varnish, "/tag/nato/", headers={"Cookie": "_ga=1; theme=dark"})
    response, _ = fetch(varnish, "/tag/nato/", headers={"Cookie": "other=2"})
    assert response.getheader("X-Cache") == "hit"
    assert origin.seen == [("/tag/nato/", None)]


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/private/page/", {}),
        ("/sets-cookie/", {}),
        ("/admin/articles/", {}),
        ("/preview/12/", {}),
        ("/story/one/", {"Cookie": "sessionid=staff"}),
        ("/story/one/", {"Cookie": "csrftoken=abc"}),
    ],
)
def test_personal_answers_are_never_stored(varnish, origin, path, headers):
    fetch(varnish, path, headers=headers)
    response, _ = fetch(varnish, path, headers=headers)
    assert response.getheader("X-Cache") == "miss"
    assert len(origin.seen) == 2


def test_a_signed_in_editor_reaches_the_backend_with_the_session(varnish, origin):
    fetch(varnish, "/story/one/", headers={"Cookie": "sessionid=staff"})
    assert origin.seen == [("/story/one/", "sessionid=staff")]


def test_a_purge_removes_exactly_the_pages_tagged_with_the_key(varnish, origin):
    for path in ("/story/one/", "/section/europe/", "/tag/nato/"):
        fetch(varnish, path)
    assert purge(varnish, "page:one page:europe").status == 200
    fresh = {
        path: fetch(varnish, path)[0].getheader("X-Cache")
        for path in ("/story/one/", "/section/europe/", "/tag/nato/")
    }
    assert fresh == {
        "/story/one/": "miss",
        "/section/europe/": "miss",
        "/tag/nato/": "hit",
    }


def test_tags_are_not_shown_to_readers(varnish):
    response, _ = fetch(varnish, "/story/one/")
    assert response.getheader("xkey") is None


@pytest.mark.parametrize("token", ["", "wrong-token"])
def test_a_purge_without_the_token_is_refused(varnish, origin, token):
    fetch(varnish, "/story/one/")
    assert purge(varnish, "page:one", token=token).status == 403
    assert fetch(varnish, "/story/one/")[0].getheader("X-Cache") == "hit"


def test_a_purge_must_name_its_keys(varnish):
    response, _ = fetch(varnish, "/", "PURGE", {"purge-token": PURGE_TOKEN})
    assert response.status == 400


def test_a_backend_error_does_not_replace_a_page(varnish, origin):
    fetch(varnish, "/broken/")
    response, _ = fetch(varnish, "/broken/")
    assert response.status == 500
    assert len(origin.seen) == 2


def test_readers_get_the_last_good_page_while_the_backend_is_down(varnish, origin):
    fetch(varnish, "/story/one/")
    fetch(varnish, "/section/europe/")
    # A purged page is kept as a fallback too (soft purge).
    purge(varnish, "page:europe")
    origin.healthy = False
    origin.shutdown()
    origin.server_close()
    time.sleep(7)  # three probe intervals: the backend is now sick
    story, story_body = fetch(varnish, "/story/one/")
    section, section_body = fetch(varnish, "/section/europe/")
    assert (story.status, section.status) == (200, 200)
    assert story_body.startswith("/story/one/")
    assert section_body.startswith("/section/europe/")


def test_a_page_nobody_cached_says_the_site_is_back_in_a_moment(varnish, origin):
    origin.shutdown()
    origin.server_close()
    response, body = fetch(varnish, "/never/seen/")
    assert response.status == 503
    assert "Back in a moment" in body
    assert response.getheader("Retry-After") == "10"


def test_the_backend_sees_the_reader_address_nginx_forwarded(varnish, origin):
    fetch(
        varnish,
        "/private/",
        headers={"X-Real-IP": "203.0.113.9", "X-Forwarded-For": "203.0.113.9"},
    )
    assert origin.forwarded_for == "203.0.113.9"
