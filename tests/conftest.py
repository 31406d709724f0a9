"""Shared test fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The project's seed articles (read-only)."""
    return SEEDS


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed articles."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


# --- translation: the test fa→en package, installed into a private packages folder ----

FA_EN_FIXTURE = ROOT / "tests" / "fixtures" / "translate-fa_en-test.argosmodel"


@pytest.fixture(scope="session")
def argos_installed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A packages folder with the test fa→en package, installed by argostranslate's own API.

    Installed once per session in a child process, so argostranslate reads
    ARGOS_PACKAGES_DIR (and its XDG folders) fresh, as it does at import.
    """
    import os
    import subprocess
    import sys

    base = tmp_path_factory.mktemp("argos")
    folder = base / "packages"
    env = {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(folder),
        "XDG_DATA_HOME": str(base / "data"),
        "XDG_CACHE_HOME": str(base / "cache"),
        "XDG_CONFIG_HOME": str(base / "config"),
    }
    code = (
        "import sys, argostranslate.package as p; p.install_from_path(sys.argv[1]); "
        "print([(x.from_code, x.to_code, x.package_version) for x in p.get_installed_packages()])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(FA_EN_FIXTURE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "('fa', 'en', '1.0-test')" in done.stdout
    return folder


@pytest.fixture
def fa_en_model(argos_installed_dir: Path, tmp_path: Path, monkeypatch) -> Path:
    """ARGOS_PACKAGES_DIR → a private copy of the installed test package; fresh cache."""
    folder = tmp_path / "argos-packages"
    shutil.copytree(argos_installed_dir, folder)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "cache"))
    return folder


@pytest.fixture
def no_model(tmp_path: Path, monkeypatch) -> Path:
    """ARGOS_PACKAGES_DIR → an empty folder; fresh cache."""
    folder = tmp_path / "no-packages"
    folder.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "cache"))
    return folder


class NetworkAccess(AssertionError):
    """A test under ``no_network`` tried to open a connection."""


@pytest.fixture
def no_network(monkeypatch) -> list[str]:
    """Every socket connection or name lookup fails the test; returns the attempts."""
    import socket

    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[1:] if args and isinstance(args[0], socket.socket) else args))
        raise NetworkAccess(f"network access attempted: {args!r}")

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse)
    yield attempts
    assert not attempts, f"network access attempted: {attempts}"


# --- PostgreSQL: the server CI started, or a throwaway one; skipped where there is none --


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory):
    """The URL of a PostgreSQL server: ``$BRIEFGEN_TEST_PG_URL``, else one started here."""
    import os
    import tempfile

    pytest.importorskip("psycopg", reason="psycopg is not installed (briefgen[postgres])")
    from tests.postgres_server import URL_ENV, Server

    if os.environ.get(URL_ENV):
        yield os.environ[URL_ENV]
        return
    # Not under tmp_path: the postgres user must reach it (pytest's folders are 0700).
    server = Server(Path(tempfile.mkdtemp(prefix="briefgen-pg-")) / "cluster")
    reason = server.start()
    if reason is not None:
        server.stop()
        pytest.skip(f"no PostgreSQL server for the tests: {reason}")
    yield server.url
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: str, request) -> str:
    """A fresh, empty database on the test server."""
    import re

    from tests.postgres_server import create_database

    name = "t_" + re.sub(r"\W", "_", request.node.name)[:50].lower()
    return create_database(postgres_server, name)
