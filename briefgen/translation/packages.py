"""Argos Translate packages: install (from a file or the package index), list, remove.

A package is a zip (``.argosmodel``) holding one folder with ``metadata.json`` (naming
the ``from_code``/``to_code`` pair), a CTranslate2 model in ``model/`` and a tokenizer
(``sentencepiece.model`` or ``bpe.model``). Packages live in the Argos packages folder:
``$ARGOS_PACKAGES_DIR`` or Argos Translate's default, so ``argospm`` and
argostranslate see the same ones.

Installing checks the zip before anything is written: one top-level folder, no entry
that would land outside it (zip-slip), no links, a readable metadata.json, a model.
It extracts into a temporary folder beside the target and renames it into place, so a
failed install leaves the packages folder as it was.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import ModelError

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
MAX_UNPACKED_BYTES = 8 * 1024**3  # a real fa→en package unpacks to ~100 MB


@dataclass(frozen=True)
class InstalledPackage:
    """An installed Argos package, as ``briefgen model list`` shows it."""

    path: Path
    code: str  # e.g. "translate-fa_en"
    name: str
    from_code: str
    to_code: str
    version: str
    size: int  # bytes on disk
    is_test_model: bool = False
    target_prefix: str = ""

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"


def packages_dir() -> Path:
    """Where Argos packages are installed: ``$ARGOS_PACKAGES_DIR`` or Argos's default."""
    configured = os.environ.get("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured).expanduser()
    from argostranslate import settings

    default = settings.data_dir / "packages"
    return Path(settings.get_setting("ARGOS_PACKAGES_DIR", default=default)).expanduser()


def index_url() -> str:
    """The package index: ``$ARGOS_PACKAGE_INDEX`` (a folder URL or a .json URL)."""
    configured = os.environ.get("ARGOS_PACKAGE_INDEX")
    if not configured:
        from argostranslate import settings

        configured = settings.get_setting("ARGOS_PACKAGE_INDEX", default=DEFAULT_INDEX)
    base = str(configured)
    if base.endswith(".json"):
        return base
    return base if base.endswith("/") else base + "/"


def _read_metadata(folder: Path) -> dict:
    try:
        data = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError("not an Argos package (no metadata.json)", folder) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"unreadable metadata.json ({exc})", folder) from exc
    _check_metadata(data, folder)
    return data


def _check_metadata(data: object, where: Path) -> None:
    if not isinstance(data, dict):
        raise ModelError("metadata.json is not a JSON object", where)
    for key in ("from_code", "to_code"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise ModelError(f"metadata.json does not name the {key}", where)


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def read_package(folder: Path) -> InstalledPackage:
    """The installed package in ``folder``; :class:`ModelError` when it is not one."""
    data = _read_metadata(folder)
    kind = data.get("type", "translate")
    code = data.get("code") or f"{kind}-{data['from_code']}_{data['to_code']}"
    return InstalledPackage(
        path=folder,
        code=str(code),
        name=str(data.get("name") or f"{data.get('from_name', '')} → {data.get('to_name', '')}"),
        from_code=data["from_code"],
        to_code=data["to_code"],
        version=str(data.get("package_version", "")),
        size=_folder_size(folder),
        is_test_model=bool(data.get("test_fixture")) or "test" in str(code).lower(),
        target_prefix=str(data.get("target_prefix", "")),
    )


def list_packages(folder: Path | None = None) -> tuple[list[InstalledPackage], list[str]]:
    """Installed packages, and one line for each folder that is not a readable package."""
    folder = folder or packages_dir()
    packages: list[InstalledPackage] = []
    problems: list[str] = []
    if not folder.is_dir():
        return packages, problems
    for child in sorted(folder.iterdir()):
        if not child.is_dir() or child.name.startswith("."):
            continue
        try:
            packages.append(read_package(child))
        except ModelError as exc:
            problems.append(str(exc))
    return packages, problems


def find_package(from_code: str = "fa", to_code: str = "en") -> InstalledPackage | None:
    """The installed package for the pair; a real model wins over a test fixture."""
    packages, _ = list_packages()
    matches = [p for p in packages if (p.from_code, p.to_code) == (from_code, to_code)]
    matches.sort(key=lambda p: (not p.is_test_model, _version_key(p.version)), reverse=True)
    return matches[0] if matches else None


def _version_key(version: str) -> tuple:
    import packaging.version

    try:
        return (1, packaging.version.parse(version))
    except packaging.version.InvalidVersion:
        return (0, version)


# --- install from a file ---------------------------------------------------------------


def _check_archive(archive: zipfile.ZipFile, path: Path) -> str:
    """Validate every entry; return the package's top-level folder name."""
    tops: set[str] = set()
    total = 0
    for info in archive.infolist():
        name = info.filename
        parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
        mode = info.external_attr >> 16
        if (
            name.startswith(("/", "\\"))
            or "\\" in name
            or ".." in parts
            or (parts and ":" in parts[0])
            or posixpath.isabs(name)
        ):
            raise ModelError(f"refused: entry {name!r} would land outside the package folder", path)
        if stat.S_ISLNK(mode):
            raise ModelError(f"refused: entry {name!r} is a symbolic link", path)
        if not parts:
            continue
        if len(parts) == 1 and not info.is_dir():
            raise ModelError(
                f"entry {name!r} is not inside the package folder (one top-level folder)", path
            )
        tops.add(parts[0])
        total += info.file_size
    if len(tops) != 1:
        found = ", ".join(sorted(tops)) or "none"
        raise ModelError(f"needs exactly one top-level folder, found: {found}", path)
    if total > MAX_UNPACKED_BYTES:
        raise ModelError(f"unpacks to {total / 1e9:.1f} GB, more than a package can be", path)
    top = tops.pop()
    names = set(archive.namelist())
    try:
        metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
    except KeyError as exc:
        raise ModelError("not an Argos package (no metadata.json)", path) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"unreadable metadata.json ({exc})", path) from exc
    _check_metadata(metadata, path)
    if metadata.get("type", "translate") == "translate":
        if f"{top}/model/model.bin" not in names:
            raise ModelError("no CTranslate2 model in the package (model/model.bin)", path)
        if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & names:
            raise ModelError("no tokenizer in the package (sentencepiece.model)", path)
    return top


def install_package_file(
    path: Path | str, folder: Path | None = None, *, replace_pair: bool = True
) -> tuple[InstalledPackage, list[InstalledPackage]]:
    """Install the ``.argosmodel`` at ``path``; return it and the packages it replaced.

    Another package for the same language pair is removed once the new one is in place.
    """
    path = Path(path)
    folder = folder or packages_dir()
    if not path.is_file():
        raise ModelError("no such file" if not path.exists() else "not a regular file", path)
    try:
        if not zipfile.is_zipfile(path):
            raise ModelError(
                "not an Argos package: not a zip archive (corrupt or wrong file)", path
            )
        with zipfile.ZipFile(path) as archive:
            top = _check_archive(archive, path)
            bad = archive.testzip()
            if bad is not None:
                raise ModelError(f"corrupt package: entry {bad!r} fails its checksum", path)
            folder.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".install-", dir=folder))
            try:
                archive.extractall(staging)
                package = read_package(staging / top)
                _check_loads(staging / top, path)
                replaced = _put_in_place(staging / top, folder / top, package, replace_pair)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise ModelError(f"corrupt package ({exc})", path) from exc
    except OSError as exc:
        raise ModelError(f"cannot install ({exc.strerror or exc})", path) from exc
    return read_package(folder / top), replaced


def _check_loads(folder: Path, source: Path) -> None:
    """The tokenizer and model load: a truncated model.bin is caught here, not at run time."""
    if not (folder / "sentencepiece.model").is_file():
        return
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    except (RuntimeError, OSError) as exc:
        raise ModelError(
            f"corrupt package: sentencepiece.model does not load ({exc})", source
        ) from exc
    config = folder / "model" / "config.json"
    if config.is_file():
        try:
            json.loads(config.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelError(f"corrupt package: model/config.json ({exc})", source) from exc


def _put_in_place(
    staged: Path, target: Path, package: InstalledPackage, replace_pair: bool
) -> list[InstalledPackage]:
    existing, _ = list_packages(target.parent)
    same_pair = [
        p
        for p in existing
        if replace_pair
        and (p.from_code, p.to_code) == (package.from_code, package.to_code)
        and p.path != target
    ]
    replaced = [p for p in existing if p.path == target] + same_pair
    aside = None
    if target.exists():
        aside = target.with_name(f".old-{target.name}-{os.getpid()}")
        os.replace(target, aside)
    try:
        os.replace(staged, target)
    except OSError:
        if aside is not None:
            os.replace(aside, target)
        raise
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)
    for old in same_pair:
        shutil.rmtree(old.path, ignore_errors=True)
    return replaced


# --- install from the index ------------------------------------------------------------


def install_from_index(
    from_code: str = "fa",
    to_code: str = "en",
    folder: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[InstalledPackage, list[InstalledPackage]]:
    """Download the pair's package through Argos Translate's package index and install it."""
    from argostranslate import networking
    from argostranslate.package import AvailablePackage, argospm_package_name

    # argostranslate logs each request and failure at INFO/ERROR; briefgen reports its own.
    if not logging.getLogger().isEnabledFor(logging.DEBUG):
        logging.getLogger("argostranslate.utils").setLevel(logging.CRITICAL)
    url = index_url()
    if not url.endswith(".json"):
        url += "index.json"
    say = progress or (lambda _text: None)
    say(f"Reading the package index {url}")
    data = networking.get(url, retry_count=1)
    if data is None:
        raise ModelError(
            f"cannot read the package index at {url} (offline?). On a machine without "
            "internet, install from a file: briefgen model install FILE.argosmodel"
        )
    try:
        entries = json.loads(data.decode("utf-8"))
        available = [AvailablePackage(entry) for entry in entries if isinstance(entry, dict)]
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError, TypeError) as exc:
        raise ModelError(f"the package index at {url} is not valid JSON ({exc})") from exc
    candidates = [p for p in available if (p.from_code, p.to_code) == (from_code, to_code)]
    if not candidates:
        raise ModelError(f"the package index at {url} has no {from_code}→{to_code} package")
    chosen = max(candidates, key=lambda p: _version_key(p.package_version))
    links = [link for link in chosen.links if isinstance(link, str)]
    if not links:
        raise ModelError(f"the index entry for {from_code}→{to_code} has no download link")
    say(f"Downloading {argospm_package_name(chosen)} {chosen.package_version}")
    payload = networking.get_from(links, retry_count=1)
    if payload is None:
        raise ModelError(f"cannot download the {from_code}→{to_code} package from {links[0]}")
    folder = folder or packages_dir()
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".download-", suffix=".argosmodel", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        return install_package_file(Path(name), folder)
    finally:
        Path(name).unlink(missing_ok=True)


# --- remove ------------------------------------------------------------------------------


def matching_packages(what: str, folder: Path | None = None) -> list[InstalledPackage]:
    """Packages named by ``what``: a folder name, a package code, or a pair (fa, fa_en)."""
    packages, _ = list_packages(folder)
    what = what.strip()
    pair = what.replace("→", "_").replace("-", "_").split("_")
    found = []
    for package in packages:
        by_name = what in (package.path.name, package.code)
        by_source = len(pair) == 1 and pair[0] == package.from_code
        by_pair = len(pair) == 2 and (package.from_code, package.to_code) == tuple(pair)
        if by_name or by_source or by_pair:
            found.append(package)
    return found


def remove_package(package: InstalledPackage) -> None:
    """Delete an installed package's folder."""
    try:
        shutil.rmtree(package.path)
    except OSError as exc:
        raise ModelError(f"cannot remove ({exc.strerror or exc})", package.path) from exc
