"""A real varnishd for tests, started the way compose starts it (docker/varnish/start.sh)."""

import contextlib
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


NO_VARNISH = (
    "Varnish tests skipped: they need Debian's varnish and varnish-modules; "
    "`apt-get install varnish varnish-modules`"
)
# How many were skipped, for the one line at the end of the run (tests/conftest.py).
skipped = 0


def require_varnish():
    global skipped
    if VARNISHD and list(Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so")):
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and no Varnish: {NO_VARNISH}")
    skipped += 1
    pytest.skip(NO_VARNISH)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_varnish(backend_port: int, *, probe_host: str = "localhost"):
    """Yield the port of a varnishd in front of 127.0.0.1:``backend_port``."""
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
        "VARNISH_BACKEND_PORT": str(backend_port),
        "VARNISH_PROBE_HOST": probe_host,
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
    try:
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
    finally:
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


def get_page(port, path):
    """A reader's request for a page of the site: status, X-Cache, body."""
    response, body = fetch(port, path, headers={"Host": "localhost"})
    return response.status, response.getheader("X-Cache"), body


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
        # Each part of the path is a tag: /story/one/ is tagged "story one".
        headers["xkey"] = " ".join(
            part for part in self.path.strip("/").split("/") if part
        )
        self.answer(200, headers)

    def answer(self, status, headers):
        body = f"{self.path} #{len(self.server.seen)}".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
