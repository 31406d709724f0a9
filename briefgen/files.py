"""Safe file output: write to a temporary file beside the target, then rename.

Nothing but a regular file (or a new name) is ever replaced: an output path that is a
symbolic link, a device, a FIFO, a socket or a folder is refused with
:class:`~briefgen.errors.OutputError`, so ``-o /dev/null`` or a planted link never
turns into a regular file. :func:`publish` renames a set of staged files into place as
one step: all of them, or (on failure) none.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from briefgen.errors import OutputError

STALE_SECONDS = 3600  # temporary files this old were left by a killed run
#: Folders that are no place for output (pseudo-filesystems of the kernel).
SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")
#: Signals held back while a set of files is renamed into place.
_HELD = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}


def file_kind(mode: int) -> str | None:
    """What a non-regular file is ("a symbolic link", "a FIFO"…); ``None`` for a file."""
    for test, name in (
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "a special file"


def check_target(path: Path) -> None:
    """Raise :class:`OutputError` unless ``path`` is a regular file or does not exist yet."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot write here ({exc.strerror or exc})", path) from exc
    kind = file_kind(info.st_mode)
    if kind == "a directory":
        raise OutputError("is a directory, not a file", path)
    if kind is not None:
        raise OutputError(
            f"is {kind}, not a regular file: not replaced (name a new file; "
            "without -o, output goes to standard output)",
            path,
        )


def output_folder(folder: Path) -> Path:
    """``folder``, created if need be; :class:`OutputError` when it is no folder, or one of
    the kernel's (/proc, /sys, /dev). A symbolic link to a folder is a folder."""
    folder = Path(folder)
    real = os.path.realpath(folder)
    if any(real == root or real.startswith(root + os.sep) for root in SYSTEM_FOLDERS):
        raise OutputError("is a system folder, not a place for output", folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError("is not a folder (-o names the output folder)", folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder ({exc.strerror or exc})", folder) from exc
    return folder


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files a killed run left beside ``path`` (older than an hour)."""
    now = time.time()
    for tmp in Path(path).parent.glob(f".{Path(path).name}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime > STALE_SECONDS:
                tmp.unlink()


@contextlib.contextmanager
def atomic_output(path: Path, mode: str = "wb") -> Iterator[IO]:
    """Open a temporary file in ``path``'s folder; on success, rename it onto ``path``.

    A crash or an exception leaves any previous ``path`` untouched and no partial file.
    """
    path = Path(path)
    check_target(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here ({exc.strerror or exc})", path) from exc
    tmp = Path(tmp_name)
    remove_stale_temporaries(path)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write ({exc.strerror or exc})", path) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, writer: Callable[[IO[bytes]], None]) -> Path:
    """Call ``writer`` with a binary file object and publish the result at ``path``."""
    with atomic_output(path, "wb") as handle:
        writer(handle)
    return path


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str, backslash: str = "\\") -> str:
    """``text`` that encodes as UTF-8: a lone surrogate (how Python holds a byte of a file
    name that is not UTF-8) becomes ``\\xNN``, the byte it stands for (``backslash`` is
    what precedes ``xNN``: a JSON string needs it doubled)."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"{backslash}x{code - 0xDC00:02x}" if code >= 0xDC80 else f"{backslash}u{code:04x}"

    return _LONE_SURROGATE.sub(escape, text)


def write_text_atomically(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`encodable`)."""

    def write(handle: IO[bytes]) -> None:
        handle.write(encodable(text).encode("utf-8"))

    return write_atomically(path, write)


def staging_path(path: Path) -> Path:
    """A new hidden temporary name beside ``path`` (``.NAME.*.tmp``, swept when stale)."""
    folder = Path(path).parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{Path(path).name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here ({exc.strerror or exc})", path) from exc
    os.close(fd)
    return Path(name)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back Ctrl-C and termination signals for the block; they arrive after it."""
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    except (AttributeError, OSError, ValueError):  # not on this platform
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def publish(staged: list[tuple[Path, Path]]) -> None:
    """Rename each staged file onto its target, ``[(staged, target), …]``, as one step.

    Signals are held meanwhile, and if any rename fails the targets done so far get
    their previous content back (or are removed when they had none): every target new,
    or every target as it was. Raises :class:`OutputError`.
    """
    backups: dict[Path, Path | None] = {}
    done: list[Path] = []
    with signals_held():
        try:
            for tmp, target in staged:
                backups[target] = _backup(target)
                os.replace(tmp, target)
                done.append(target)
        except OSError as exc:
            for target in reversed(done):
                old = backups.get(target)
                with contextlib.suppress(OSError):
                    if old is None:
                        target.unlink()
                    else:
                        os.replace(old, target)
            for tmp, _target in staged:
                tmp.unlink(missing_ok=True)
            failed = staged[len(done)][1]
            raise OutputError(
                f"cannot write ({exc.strerror or exc}); nothing replaced", failed
            ) from exc
        finally:
            for old in backups.values():
                if old is not None:
                    old.unlink(missing_ok=True)


def _backup(target: Path) -> Path | None:
    """A copy of ``target``'s current content beside it (a hard link when possible)."""
    if not target.exists():
        return None
    backup = staging_path(target)
    backup.unlink()
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)
    return backup
