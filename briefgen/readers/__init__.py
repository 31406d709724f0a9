"""Readers: files and folders → :class:`~briefgen.model.Article` objects.

``find_inputs`` expands folders, skips what cannot be an article and says why;
``read_article`` picks a reader by file suffix. Every failure is an
:class:`~briefgen.errors.InputError` with a one-line reason.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from briefgen.errors import InputError
from briefgen.files import file_kind
from briefgen.limits import MAX_INPUT_BYTES, READ_SECONDS, call_with_time_limit, check_text
from briefgen.model import Article, Skipped
from briefgen.readers.docx import read_docx
from briefgen.readers.html import read_html
from briefgen.readers.text import read_markdown, read_text

log = logging.getLogger(__name__)

Reader = Callable[[Path, bytes], Article]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
}
_PSEUDO_ROOTS = ("/proc", "/sys", "/dev")
_NATURAL = re.compile(r"(\d+)")

__all__ = [
    "MAX_INPUT_BYTES",
    "READERS",
    "find_inputs",
    "missing_inputs",
    "read_article",
    "read_articles",
]


def _natural_key(path: Path) -> list[object]:
    return [int(part) if part.isdigit() else part.casefold() for part in _NATURAL.split(str(path))]


def missing_inputs(paths: Iterable[Path]) -> list[Path]:
    """The ``paths`` that name nothing at all (a mistyped name, a broken symbolic link)."""
    return [Path(p) for p in paths if not os.path.exists(p)]


def find_inputs(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """Files to read under ``paths`` (files or folders), and those skipped with a reason.

    Folders are walked recursively, following symbolic links but never in a loop;
    hidden files and unsupported types are skipped; each file is listed once.
    """
    found: list[Path] = []
    skipped: list[Skipped] = []
    seen_files: set[str] = set()

    def add_file(path: Path, explicit: bool) -> None:
        real = os.path.realpath(path)
        if real in seen_files:
            return
        seen_files.add(real)
        if path.suffix.lower() not in READERS:
            if explicit or not path.name.startswith("."):
                kind = path.suffix.lower() or "no extension"
                skipped.append(Skipped(path, f"unsupported file type ({kind})"))
            return
        found.append(path)

    for root in paths:
        root = Path(root)
        if root.is_dir():
            _walk(root, add_file, skipped)
        elif root.is_file():
            add_file(root, explicit=True)
        elif root.is_symlink():
            skipped.append(Skipped(root, "broken or looping symbolic link"))
        elif root.exists():
            skipped.append(Skipped(root, "not a regular file"))
        else:
            skipped.append(Skipped(root, "no such file or folder"))
    found.sort(key=_natural_key)
    return found, skipped


def _walk(root: Path, add_file: Callable[[Path, bool], None], skipped: list[Skipped]) -> None:
    visited: set[tuple[int, int]] = set()
    # os.walk(followlinks=True) would loop forever on a link to a parent; we remember
    # every folder by device and inode and descend into each once.

    def on_error(error: OSError) -> None:
        skipped.append(
            Skipped(Path(error.filename or root), f"cannot open folder ({error.strerror})")
        )

    for folder, dirnames, filenames in os.walk(root, followlinks=True, onerror=on_error):
        stat = os.stat(folder)
        if (stat.st_dev, stat.st_ino) in visited:
            skipped.append(Skipped(Path(folder), "folder already read (symbolic link loop)"))
            dirnames[:] = []
            continue
        visited.add((stat.st_dev, stat.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(folder, name)
            if name.startswith("."):
                continue
            if not path.exists():
                skipped.append(Skipped(path, "broken or looping symbolic link"))
                continue
            add_file(path, False)


def read_article(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> Article:
    """Read one file as an article; raise :class:`InputError` naming the file and reason.

    Only regular files are read, never devices, FIFOs, sockets or the pseudo-files of
    /proc, /sys and /dev (through a symbolic link or not). The file's bytes, its text and
    its paragraphs are bounded (:mod:`briefgen.limits`), and so is the time to read it;
    any failure of a reader is this file's skip reason.
    """
    path = Path(path)
    try:
        article = call_with_time_limit(READ_SECONDS, "read", _read, path, max_bytes)
    except MemoryError as exc:
        raise InputError("cannot be read (out of memory)", path) from exc
    except InputError as exc:  # a parser's message may quote the file, newlines and all
        raise type(exc)(_one_line(exc.reason), path) from exc
    if not article.raw_text.strip():
        raise InputError("empty (no text)", path)
    return article


def _one_line(reason: str, limit: int = 300) -> str:
    text = " ".join(reason.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read(path: Path, max_bytes: int) -> Article:
    data = read_bytes(path, max_bytes)
    reader = READERS.get(path.suffix.lower(), read_text)
    try:
        article = reader(path, data)
    except RecursionError as exc:
        raise InputError("nested too deeply to read") from exc
    except (InputError, MemoryError):
        raise
    except Exception as exc:  # a parser's own error: this file is unreadable
        raise InputError(f"cannot be read ({type(exc).__name__}: {exc})") from exc
    check_text(article.raw_text)
    return article


def read_bytes(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes``.

    The file is opened without blocking and checked once open (a FIFO or device put in
    its place after a check is still refused); a file that holds more than its size says
    (a pseudo-file) is refused. Raises :class:`InputError` without the path.
    """
    special = _special_location(path)
    if special:
        raise InputError(f"not a regular file ({special})")
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(mode):  # checked again once open: it may change in between
        raise InputError(f"not a regular file ({file_kind(mode)})")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})") from exc
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"not a regular file ({file_kind(info.st_mode)})")
            size = info.st_size
            if size > max_bytes:
                raise InputError(
                    f"too large for an article ({size / 1e6:.1f} MB > "
                    f"{max_bytes / 1e6:.1f} MB limit)"
                )
            data = handle.read(size + 1)
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > size:
        raise InputError("not a regular file (holds more than its size: a pseudo-file)")
    return data


def _special_location(path: Path) -> str | None:
    """Where ``path`` really is, when that is a pseudo-filesystem (/proc, /sys, /dev)."""
    real = os.path.realpath(path)
    for root in _PSEUDO_ROOTS:
        if real == root or real.startswith(root + os.sep):
            return f"a system file in {root}"
    return None


def read_articles(
    paths: Iterable[Path], max_bytes: int = MAX_INPUT_BYTES
) -> tuple[list[Article], list[Skipped]]:
    """Read every article under ``paths``; duplicates and failures become :class:`Skipped`."""
    files, skipped = find_inputs(paths)
    articles: list[Article] = []
    by_digest: dict[str, Path] = {}
    for path in files:
        try:
            article = read_article(path, max_bytes)
        except InputError as exc:
            skipped.append(Skipped(path, exc.reason))
            continue
        except Exception as exc:  # a bug in a reader must not cost the brief
            log.debug("reading %s failed", path, exc_info=True)
            skipped.append(Skipped(path, f"internal error ({type(exc).__name__}: {exc})"))
            continue
        digest = hashlib.sha256(" ".join(article.raw_text.split()).encode()).hexdigest()
        if digest in by_digest:
            skipped.append(Skipped(path, f"same text as {by_digest[digest]}"))
            continue
        by_digest[digest] = path
        articles.append(article)
    return articles, skipped
