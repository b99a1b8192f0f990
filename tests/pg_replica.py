"""A PostgreSQL primary and its streaming replica, both throwaway, on free ports.

The shared server on 5432 has no replication entry and is never touched: the
primary is initdb'd in a temporary folder, the replica made from it with
`pg_basebackup -R -X stream` and started in hot standby, as a production replica is.
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.seaweed import free_ports

PG_BIN = Path(os.environ.get("NEWSROOM_PG_BIN", "/usr/lib/postgresql/15/bin"))
NO_POSTGRES = (
    "replica tests skipped: they need PostgreSQL's server binaries "
    f"(initdb, pg_ctl, pg_basebackup in {PG_BIN}; apt-get install postgresql, or set "
    "NEWSROOM_PG_BIN)"
)


@dataclass(frozen=True)
class Pair:
    primary_port: int
    replica_port: int

    def url(self, which: str, database: str) -> str:
        port = self.primary_port if which == "primary" else self.replica_port
        return f"postgres://postgres@127.0.0.1:{port}/{database}"


def available() -> bool:
    return all(
        (PG_BIN / tool).exists() for tool in ("initdb", "pg_ctl", "pg_basebackup")
    )


def _owner(cmd) -> list[str]:
    cmd = [str(part) for part in cmd]
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _run(cmd) -> None:
    result = subprocess.run(_owner(cmd), capture_output=True, text=True, timeout=120)
    if result.returncode:
        raise RuntimeError(f"{' '.join(map(str, cmd))}: {result.stderr[-2000:]}")


def _start(data: Path, port: int, log: Path) -> None:
    options = (
        f"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
        "-c fsync=off -c full_page_writes=off"
    )
    _run(
        [
            PG_BIN / "pg_ctl",
            "-D",
            data,
            "-l",
            log,
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        ]
    )


@contextlib.contextmanager
def running_pair():
    """Yield a Pair; both clusters are stopped and deleted afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-replica-"))
    workdir.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    primary, replica = workdir / "primary", workdir / "replica"
    primary_port, replica_port = free_ports(2)
    started = []
    try:
        _run(
            [PG_BIN / "initdb", "-D", primary, "-U", "postgres", "-A", "trust"]
            + ["-E", "UTF8", "--no-sync"]
        )
        with open(primary / "pg_hba.conf", "a") as hba:
            hba.write("host replication all 127.0.0.1/32 trust\n")
        _start(primary, primary_port, workdir / "primary.log")
        started.append(primary)
        _run(
            [PG_BIN / "pg_basebackup", "-h", "127.0.0.1", "-p", primary_port]
            + ["-U", "postgres", "-D", replica, "-R", "-X", "stream", "-c", "fast"]
        )
        _start(replica, replica_port, workdir / "replica.log")
        started.append(replica)
        yield Pair(primary_port, replica_port)
    finally:
        for data in reversed(started):
            subprocess.run(
                _owner(
                    [PG_BIN / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"]
                ),
                capture_output=True,
                check=False,
            )
        shutil.rmtree(workdir, ignore_errors=True)


def wait_for(predicate, timeout: float = 30) -> float:
    started = time.monotonic()
    while not predicate():
        if time.monotonic() - started > timeout:
            raise TimeoutError("the replica did not catch up")
        time.sleep(0.005)
    return time.monotonic() - started
