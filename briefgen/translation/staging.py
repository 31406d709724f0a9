"""Changing the packages folder only by renaming whole, checked package folders.

argostranslate's ``get_installed_packages()`` reads *every* folder in the packages
folder, dot-folders included, and fails on one without ``metadata.json``. So nothing
half-made may ever sit there. Each install or removal works in its own folder under the
staging root, a hidden sibling of the packages folder on the same filesystem
(``<parent>/.<packages>.briefgen-staging/<work>``), and touches the packages folder
only by ``os.replace`` of complete folders:

1. the package is extracted and checked in ``<work>/package/``;
2. a package already at the target name moves to ``<work>/previous/``;
3. the new package moves into place, and ``<work>/done`` is written;
4. other packages it replaces move to ``<work>/previous/``; the work folder is deleted.

A killed run leaves at most its work folder, which argostranslate never reads. The
next install or removal (under the same lock) cleans it up: before ``done``, a previous
package whose name is free again is moved back; after ``done``, it is deleted.

When the packages folder is a mount point (its parent on another filesystem), the
checked package is copied in as ``.briefgen-incoming-<name>`` and renamed: then, and
only then, a run killed while copying leaves a folder there until the next install.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

INCOMING_PREFIX = ".briefgen-incoming-"
LOCK_FILE = "lock"
DONE_FILE = "done"


def staging_root(folder: Path) -> Path:
    """The hidden sibling of the packages folder where installs are prepared."""
    folder = folder.resolve()
    return folder.parent / f".{folder.name}.briefgen-staging"


def _same_filesystem(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """Hold the staging root's lock (POSIX ``flock``; none where it does not exist)."""
    try:
        import fcntl
    except ImportError:  # Windows: no concurrent-install guard
        yield
        return
    with (root / LOCK_FILE).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Workspace:
    """One install's or removal's work folder; see the module docstring for the steps."""

    def __init__(self, folder: Path, work: Path) -> None:
        self.folder = folder
        self.work = work
        self.package_dir = work / "package"
        self.previous_dir = work / "previous"
        self.package_dir.mkdir()
        self.previous_dir.mkdir()
        self._same_fs = _same_filesystem(work, folder)

    def set_aside(self, path: Path) -> None:
        """Move a package folder out of the packages folder (a rename: all or nothing)."""
        os.replace(path, self.previous_dir / path.name)

    def put_in_place(self, staged: Path, target: Path) -> None:
        """Move the checked package ``staged`` to ``target`` in the packages folder.

        On failure the work folder is finished as after a killed run (see :func:`_recover`),
        so a package set aside for this one goes back.
        """
        if not self._same_fs:
            incoming = target.with_name(INCOMING_PREFIX + target.name)
            try:
                shutil.copytree(staged, incoming)
            except OSError:
                shutil.rmtree(incoming, ignore_errors=True)
                raise
            staged = incoming
        os.replace(staged, target)

    def mark_done(self) -> None:
        """From here on the new state stands: what was set aside is only deleted."""
        with (self.work / DONE_FILE).open("w") as handle:
            handle.flush()
            os.fsync(handle.fileno())


def _recover(work: Path, folder: Path) -> None:
    """Finish a work folder a killed run left behind (see the module docstring)."""
    done = (work / DONE_FILE).exists()
    previous = work / "previous"
    if not done and previous.is_dir():
        for old in sorted(previous.iterdir()):
            target = folder / old.name
            if old.is_dir() and (old / "metadata.json").is_file() and not target.exists():
                log.warning("restoring %s, set aside by an interrupted install", target)
                os.replace(old, target)
    shutil.rmtree(work, ignore_errors=True)


def clean_leftovers(folder: Path, root: Path | None = None) -> None:
    """Finish whatever interrupted installs left (call with the lock held)."""
    root = root or staging_root(folder)
    for child in sorted(root.iterdir()) if root.is_dir() else []:
        if child.is_dir():
            _recover(child, folder)
    if folder.is_dir():
        for child in folder.iterdir():
            if child.name.startswith(INCOMING_PREFIX):
                shutil.rmtree(child, ignore_errors=True)


def _make_root(folder: Path) -> Path:
    root = staging_root(folder)
    try:
        root.mkdir(parents=True, exist_ok=True)
        return root
    except OSError:
        # The parent is not writable: prepare in the temp folder (copied in, see above).
        key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
        fallback = Path(tempfile.gettempdir()) / f"briefgen-staging-{key}"
        fallback.mkdir(mode=0o700, exist_ok=True)
        return fallback


@contextlib.contextmanager
def workspace(folder: Path) -> Iterator[Workspace]:
    """A fresh work folder for one install or removal, leftovers cleaned, lock held."""
    folder.mkdir(parents=True, exist_ok=True)
    root = _make_root(folder)
    with _locked(root):
        clean_leftovers(folder, root)
        work = Path(tempfile.mkdtemp(prefix="work-", dir=root))
        try:
            yield Workspace(folder, work)
        finally:
            _recover(work, folder)
