"""What the ``briefgen model`` commands do, for :mod:`briefgen.api`: install, list and
remove Argos packages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.translation.packages import InstalledPackage

Progress = Callable[[str, int, int], None]


def install_model(
    path: Path | str | None = None,
    *,
    from_index: str | None = None,
    sha256: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> tuple[InstalledPackage, list[InstalledPackage]]:
    """Install an Argos package from a ``.argosmodel`` file, or download the
    ``from_index``→en package through the package index. Returns it and what it replaced.

    ``sha256`` (else a ``FILE.sha256`` beside the file) is checked before anything is
    written; ``force`` lets an older or TEST package replace a newer or real one."""
    from briefgen.errors import ConfigError
    from briefgen.translation.packages import install_from_index, install_package_file

    if (path is None) == (from_index is None):
        raise ConfigError("give either FILE.argosmodel or --from-index (not both)")
    if path is not None:
        return install_package_file(Path(path), sha256, force=force)
    say = (lambda text: progress(text, 0, 0)) if progress else None
    return install_from_index(from_index or "fa", "en", progress=say, force=force)


def list_models() -> tuple[Path, list[InstalledPackage], list[str]]:
    """The packages folder, the packages in it, and the folders that are not packages."""
    from briefgen.translation.packages import list_packages, packages_dir

    folder = packages_dir()
    packages, problems = list_packages(folder)
    return folder, packages, problems


def remove_model(what: str) -> list[InstalledPackage]:
    """Remove the packages named by ``what`` (a pair such as ``fa``, a code or a folder)."""
    from briefgen.errors import ConfigError
    from briefgen.translation.packages import matching_packages, remove_package

    found = matching_packages(what)
    if not found:
        raise ConfigError(f"no installed package matches {what!r} (see 'briefgen model list')")
    for item in found:
        remove_package(item)
    return found
