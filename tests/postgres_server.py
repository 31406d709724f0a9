"""A throwaway PostgreSQL server for the tests, or the one CI started.

``BRIEFGEN_TEST_PG_URL`` (set by ``.ci/run``) names a server to use. Otherwise the tests
start their own cluster in a temporary folder with Debian's ``initdb``/``pg_ctl``
(``/usr/lib/postgresql/<version>/bin``), as the ``postgres`` user when they run as root
(PostgreSQL refuses to run as root). Where neither works the tests are skipped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

URL_ENV = "BRIEFGEN_TEST_PG_URL"


def _binaries() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return versions[0].parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A cluster started for this test session (``stop()`` removes it)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.bin = _binaries()
        self.port = _free_port()
        self.as_postgres = os.geteuid() == 0
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> subprocess.CompletedProcess:
        if self.as_postgres:
            line = " ".join(f"'{part}'" for part in command)
            command = ("su", "postgres", "-s", "/bin/sh", "-c", line)
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    def start(self) -> str | None:
        """Start it; the reason it did not start, or None."""
        if self.bin is None:
            return "no PostgreSQL (initdb) installed"
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            self.folder.parent.chmod(0o755)  # the postgres user must reach its folder
            shutil.chown(self.folder, "postgres")
        data = self.folder / "data"
        done = self._run(
            str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"
        )
        if done.returncode != 0:
            return f"initdb failed: {done.stderr.strip()[-300:]}"
        options = f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off"
        done = self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )
        if done.returncode != 0:
            return f"pg_ctl start failed: {done.stderr.strip()[-300:]}"
        return None

    def stop(self) -> None:
        if self.bin is not None and (self.folder / "data" / "postmaster.pid").exists():
            self._run(
                str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"
            )
        shutil.rmtree(self.folder.parent, ignore_errors=True)


def create_database(server_url: str, name: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = server_url.rpartition("/")
    return f"{base}/{name}"
