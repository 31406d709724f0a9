"""Changing the packages folder only by renaming whole, checked package folders.

argostranslate's ``get_installed_packages()`` reads *every* folder in the packages
folder, dot-folders included, and fails on one without ``metadata.json``. So nothing
half-made may ever sit there. Each install or removal works in its own folder under the
staging root, a hidden sibling of the packages folder on the same filesystem
(``<parent>/.<packages>.briefgen-staging/<work>``), and touches the packages folder
only by ``os.replace`` of complete folders:

1. the package is extracted and checked in ``<work>/package/``;
2. ``<work>/plan.json`` records its folder name and the packages it replaces;
3. a package already at the target name moves to ``<work>/previous/``;
4. the new package moves into place (out of ``<work>/package/``);
5. the packages it replaces move to ``<work>/previous/``; the work folder is deleted.

A killed run leaves at most its work folder, which argostranslate never reads. The
next install or removal (under the same lock) finishes it: if the new package is in
place, step 5 is done; if not, a previous package whose name is free is moved back.

When the packages folder is a mount point (its parent on another filesystem), the
checked package is copied in as ``.briefgen-incoming-<name>`` and renamed: then, and
only then, a run killed while copying leaves a folder there until the next install.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

INCOMING_PREFIX = ".briefgen-incoming-"
LOCK_FILE = "lock"
PLAN_FILE = "plan.json"


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
            shutil.rmtree(staged)  # gone from <work>/package/: "in place" once renamed
            staged = incoming
        os.replace(staged, target)

    def plan(self, target: str | None, remove: list[str] | tuple[str, ...] = ()) -> None:
        """Record, before any change, the folder coming in and the package folders going.

        ``target`` (a folder name, or ``None`` for a removal) counts as in place once its
        staged copy has left ``<work>/package/``; from then on the folders in ``remove``
        go (moved out whole, then deleted) when the workspace closes or, after a kill,
        when the next one opens.
        """
        data = {"target": target, "remove": list(remove)}
        with (self.work / PLAN_FILE).open("w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())


def _read_plan(work: Path) -> dict | None:
    try:
        data = json.loads((work / PLAN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _recover(work: Path, folder: Path) -> None:
    """Finish a work folder, ours or one a killed run left (see the module docstring)."""
    plan = _read_plan(work)
    previous = work / "previous"
    target = plan.get("target") if plan else None
    in_place = plan is not None and (
        target is None
        or ((folder / str(target)).is_dir() and not (work / "package" / str(target)).exists())
    )
    if plan is not None and in_place and previous.is_dir():
        for name in plan.get("remove", []):
            old = folder / str(name)
            if "/" not in str(name) and old.is_dir() and not old.is_symlink():
                os.replace(old, previous / old.name)
    elif previous.is_dir():
        for old in sorted(previous.iterdir()):
            back = folder / old.name
            if old.is_dir() and (old / "metadata.json").is_file() and not back.exists():
                log.warning("restoring %s, set aside by an interrupted install", back)
                os.replace(old, back)
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
