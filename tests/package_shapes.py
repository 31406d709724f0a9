"""Helpers for the package-shape tests: derive packages from the fixtures, view as Argos does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FA_EN = FIXTURES / "translate-fa_en-test.argosmodel"
AR_EN = FIXTURES / "translate-ar_en-test.argosmodel"


def derive(
    fixture: Path,
    out: Path,
    *,
    metadata: dict | None = None,
    folder: str | None = None,
    edit: Callable[[Path], None] | None = None,
) -> Path:
    """A new .argosmodel at ``out``: ``fixture`` with metadata keys changed, files edited."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(fixture) as archive:
            archive.extractall(tmp)
        (top,) = Path(tmp).iterdir()
        if metadata:
            path = top / "metadata.json"
            data = json.loads(path.read_text(encoding="utf-8"))
            data.update(metadata)
            path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        if edit:
            edit(top)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(p for p in top.rglob("*") if p.is_file()):
                archive.write(file, f"{folder or top.name}/{file.relative_to(top).as_posix()}")
    return out


def real_fa_package(out: Path, version: str = "1.9") -> Path:
    """The fa→en fixture dressed as a real package (code, name, no test flag)."""
    return derive(
        FA_EN,
        out,
        metadata={
            "code": "translate-fa_en",
            "package_version": version,
            "name": "Persian–English",
            "test_fixture": False,
        },
        folder=f"translate-fa_en-{version.replace('.', '_')}",
    )


def argos_view(folder: Path, tmp: Path) -> list[tuple[str, str, str, str]]:
    """(from, to, version, folder name) of what ``argostranslate.package`` sees in ``folder``.

    Run in a child process, so argostranslate reads ARGOS_PACKAGES_DIR as it does at import.
    Fails (raises) when argostranslate itself fails on the folder's contents.
    """
    env = {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(folder),
        "XDG_DATA_HOME": str(tmp / "xdg-data"),
        "XDG_CACHE_HOME": str(tmp / "xdg-cache"),
        "XDG_CONFIG_HOME": str(tmp / "xdg-config"),
    }
    code = (
        "import json, argostranslate.package as p\n"
        "print(json.dumps(sorted((x.from_code, x.to_code, x.package_version,"
        " x.package_path.name) for x in p.get_installed_packages())))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        raise AssertionError(f"argostranslate fails on {folder}: {done.stderr.strip()[-500:]}")
    return [tuple(row) for row in json.loads(done.stdout)]
