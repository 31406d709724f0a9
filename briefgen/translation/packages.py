"""Argos Translate packages: install (from a file or the package index), list, remove.

A package is a zip (``.argosmodel``) holding one folder with ``metadata.json`` (naming
the ``from_code``/``to_code`` pair), a CTranslate2 model in ``model/`` and a tokenizer
(``sentencepiece.model`` or ``bpe.model``). Packages live in the Argos packages folder:
``$ARGOS_PACKAGES_DIR`` or Argos Translate's default, so ``argospm`` and
argostranslate see the same ones.

An install is checked and transactional: checksum and zip first
(:mod:`~briefgen.translation.archive`), then the package is extracted outside the
packages folder, loaded and made to translate a sentence, and only then renamed into
place (:mod:`~briefgen.translation.staging`). A failed or killed install leaves the
packages folder as it was, as argostranslate reads it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import ModelError
from briefgen.translation.archive import check_archive, check_metadata, verify_checksum
from briefgen.translation.staging import workspace
from briefgen.translation.tokenizers import tokenizer_kind

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"


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
    package_type: str = "translate"  # argostranslate's "type" (also "sbd")

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    @property
    def pair_codes(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)

    @property
    def tokenizer(self) -> str | None:
        """ "sentencepiece" or "bpe": the tokenizer argostranslate (and briefgen) use."""
        return tokenizer_kind(self.path)


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
    check_metadata(data, folder)
    return data


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
        target_prefix=str(data.get("target_prefix") or ""),
        package_type=str(kind),
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


def find_package(
    from_code: str = "fa", to_code: str = "en", folder: Path | None = None
) -> InstalledPackage | None:
    """The installed package for the pair; a real model wins over a test fixture."""
    packages, _ = list_packages(folder)
    matches = [
        p
        for p in packages
        if p.pair_codes == (from_code, to_code) and p.package_type == "translate"
    ]
    matches.sort(key=lambda p: (not p.is_test_model, version_key(p.version)), reverse=True)
    return matches[0] if matches else None


def installed_sources(to_code: str = "en", folder: Path | None = None) -> set[str]:
    """Source languages with an installed X→``to_code`` translation package."""
    packages, _ = list_packages(folder)
    return {p.from_code for p in packages if p.to_code == to_code and p.package_type == "translate"}


_LEADING_NUMBER = re.compile(r"\d+(?:\.\d+)*")


def version_key(version: str) -> tuple:
    """A sortable key for a package version: PEP 440, else its leading number ("1.0-test")."""
    import packaging.version

    for candidate in (version, *_LEADING_NUMBER.findall(version)[:1]):
        try:
            return (1, packaging.version.parse(candidate))
        except packaging.version.InvalidVersion:
            continue
    return (0, version)


# --- install from a file ---------------------------------------------------------------


def install_package_file(
    path: Path | str,
    sha256: str | None = None,
    *,
    force: bool = False,
    folder: Path | None = None,
) -> tuple[InstalledPackage, list[InstalledPackage]]:
    """Install the ``.argosmodel`` at ``path``; return it and the packages it replaced.

    Nothing in the packages folder changes until the package has been checked: its
    checksum (``sha256``, else ``FILE.sha256`` beside it, if either), the zip (see
    :mod:`~briefgen.translation.archive`), then, extracted outside the packages folder,
    its tokenizer and CTranslate2 model load and translate one sentence. Only then does
    it move into place (see :mod:`~briefgen.translation.staging`) and the other packages
    of its pair go. Without ``force``, a TEST package never replaces a real one and an
    older version never replaces a newer one (:class:`ModelError` says to use --force).
    """
    path = Path(path)
    folder = folder or packages_dir()
    if not path.is_file():
        raise ModelError("no such file" if not path.exists() else "not a regular file", path)
    try:
        verify_checksum(path, sha256)
        if not zipfile.is_zipfile(path):
            raise ModelError(
                "not an Argos package: not a zip archive (corrupt or wrong file)", path
            )
        with zipfile.ZipFile(path) as archive:
            top = check_archive(archive, path)
            with workspace(folder) as work:
                archive.extractall(work.package_dir)
                staged = work.package_dir / top
                package = read_package(staged)
                replaced = _replaced_packages(package, folder / top, folder, force, path)
                check_translates(package, path)
                target = folder / top
                work.plan(top, remove=[old.path.name for old in replaced if old.path != target])
                if target.exists():
                    work.set_aside(target)
                work.put_in_place(staged, target)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise ModelError(f"corrupt package ({exc})", path) from exc
    except OSError as exc:
        raise ModelError(f"cannot install ({exc.strerror or exc})", path) from exc
    return read_package(folder / top), replaced


def _replaced_packages(
    new: InstalledPackage, target: Path, folder: Path, force: bool, source: Path
) -> list[InstalledPackage]:
    """The installed packages ``new`` replaces: its folder name and its pair."""
    existing, _ = list_packages(folder)
    replaced = [
        p for p in existing if p.path == target or (p.from_code, p.to_code) == new.pair_codes
    ]
    if force:
        return replaced
    hint = "install with --force (force=True) to replace it anyway"
    for old in replaced:
        if (old.from_code, old.to_code) != new.pair_codes:
            continue
        if new.is_test_model and not old.is_test_model:
            raise ModelError(
                f"refused: {new.code} {new.version} is a TEST package and would replace the "
                f"real {old.code} {old.version} ({old.pair}); {hint}",
                source,
            )
        if old.is_test_model == new.is_test_model and version_key(new.version) < version_key(
            old.version
        ):
            raise ModelError(
                f"refused: {new.code} {new.version} is older than the installed "
                f"{old.code} {old.version} ({old.pair}); {hint}",
                source,
            )
    return replaced


def check_translates(package: InstalledPackage, source: Path) -> str:
    """Load ``package`` on the CPU and translate one sentence; the English, or ModelError.

    A truncated or damaged model.bin, a broken tokenizer or a model that gives nothing
    is reported as "corrupt package: ..." naming ``source``.
    """
    if package.package_type != "translate":
        return ""
    from briefgen.translation.languages import check_sentence
    from briefgen.translation.translator import ArgosTranslator

    try:
        translator = ArgosTranslator(package, use_cache=False, device="cpu", threads=1)
        english = translator.translate([check_sentence(package.from_code)])[0]
    except ModelError as exc:
        raise ModelError(f"corrupt package: {exc.reason}", source) from exc
    except (RuntimeError, ValueError, IndexError) as exc:
        reason = " ".join(str(exc).split())
        message = f"corrupt package: the model does not translate ({reason})"
        raise ModelError(message, source) from exc
    if not english.strip():
        raise ModelError("corrupt package: the model translates a sentence to nothing", source)
    return english


# --- install from the index ------------------------------------------------------------


def install_from_index(
    from_code: str = "fa",
    to_code: str = "en",
    folder: Path | None = None,
    progress: Callable[[str], None] | None = None,
    *,
    force: bool = False,
) -> tuple[InstalledPackage, list[InstalledPackage]]:
    """Download the pair's package through Argos Translate's package index and install it.

    The download goes to a temporary file outside the packages folder, then through
    :func:`install_package_file` (same checks, same ``force``).
    """
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
    chosen = max(candidates, key=lambda p: version_key(p.package_version))
    links = [link for link in chosen.links if isinstance(link, str)]
    if not links:
        raise ModelError(f"the index entry for {from_code}→{to_code} has no download link")
    say(f"Downloading {argospm_package_name(chosen)} {chosen.package_version}")
    payload = networking.get_from(links, retry_count=1)
    if payload is None:
        raise ModelError(f"cannot download the {from_code}→{to_code} package from {links[0]}")
    with tempfile.TemporaryDirectory(prefix="briefgen-download-") as tmp:
        download = Path(tmp) / f"{argospm_package_name(chosen)}.argosmodel"
        download.write_bytes(payload)
        return install_package_file(download, force=force, folder=folder)


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
    """Delete an installed package's folder: moved out whole first, then deleted."""
    try:
        with workspace(package.path.parent) as work:
            work.plan(None, remove=[package.path.name])
    except OSError as exc:
        raise ModelError(f"cannot remove ({exc.strerror or exc})", package.path) from exc
