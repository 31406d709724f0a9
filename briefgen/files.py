"""Safe file output: write to a temporary file beside the target, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from briefgen.errors import OutputError

STALE_SECONDS = 3600  # temporary files this old were left by a killed run


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
    if path.is_dir():
        raise OutputError("is a directory, not a file", path)
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


def write_text_atomically(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically."""

    def write(handle: IO[bytes]) -> None:
        handle.write(text.encode("utf-8"))

    return write_atomically(path, write)
