"""Writers: a :class:`~briefgen.model.Brief` → files (DOCX, JSON, Markdown).

:func:`write_brief` writes the formats of one brief as a set: each is written to a
hidden temporary file first, and only when all are complete are they renamed into place
together (:func:`briefgen.files.publish`), so the folder holds the new set or the old
one, never a mix, whatever fails (disk full, Ctrl-C, a bug in one writer).

A brief briefgen wrote is recorded in the folder's ``.briefgen-state`` (name and
SHA-256 of each file). A file on disk that does not match the record (edited in Word
after the last run, or never written by briefgen) is never replaced: the run stops
with :class:`~briefgen.errors.EditedOutputError` before writing anything, unless
``force`` is given.
"""

from __future__ import annotations

import contextlib
import hashlib
import json as jsonlib  # as: the submodule briefgen.writers.json takes the name json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from briefgen.errors import ConfigError, EditedOutputError, OutputError
from briefgen.files import (
    check_target,
    output_folder,
    publish,
    remove_stale_temporaries,
    staging_path,
    write_text_atomically,
)
from briefgen.model import Brief
from briefgen.writers.common import output_stem

log = logging.getLogger(__name__)

Writer = Callable[[Brief, Path], Path]

#: The record of what briefgen wrote in an output folder.
STATE_FILE = ".briefgen-state"  # JSON, but no .json: globs for *.json must not find it
_KEPT_HASHES = 2  # per file: the last written, and the one before while a set is renamed


def _docx(brief: Brief, path: Path) -> Path:
    from briefgen.writers.docx import write_docx

    return write_docx(brief, path)


def _json(brief: Brief, path: Path) -> Path:
    from briefgen.writers.json import write_json

    return write_json(brief, path)


def _markdown(brief: Brief, path: Path) -> Path:
    from briefgen.writers.markdown import write_markdown

    return write_markdown(brief, path)


WRITERS: dict[str, tuple[str, Writer]] = {
    "docx": (".docx", _docx),
    "json": (".json", _json),
    "md": (".md", _markdown),
}


def write_brief(
    brief: Brief, output_dir: Path, formats: Iterable[str] = ("docx",), *, force: bool = False
) -> list[Path]:
    """Write ``brief`` in each format into ``output_dir`` as ``brief-YYYY-MM-DD.<ext>``,
    all or nothing; an edited brief on disk stops the run unless ``force``."""
    chosen = list(dict.fromkeys(formats))
    for fmt in chosen:
        if fmt not in WRITERS:
            raise ConfigError(f"unknown format {fmt!r} (use {', '.join(WRITERS)})")
    folder = output_folder(Path(output_dir))
    targets = [(fmt, folder / f"{output_stem(brief)}{WRITERS[fmt][0]}") for fmt in chosen]
    for _fmt, target in targets:
        check_target(target)
    state = read_state(folder)
    edited = [target for _fmt, target in targets if not force and is_edited(target, state)]
    if edited:
        names = ", ".join(target.name for target in edited)
        raise EditedOutputError(
            f"{names} changed since briefgen wrote it (edited?): kept, nothing written; "
            "move it away, or rerun with --force to replace it",
            folder,
        )
    staged: list[tuple[Path, Path]] = []
    try:
        for fmt, target in targets:
            tmp = staging_path(target)
            staged.append((tmp, target))
            try:
                WRITERS[fmt][1](brief, tmp)
            except OutputError as exc:  # name the brief, not its hidden staging file
                raise OutputError(f"{exc.reason}; nothing replaced", target) from exc
        hashes = {target.name: _sha256(tmp) for tmp, target in staged}
        # Both the old and the new content count as briefgen's while the set is renamed.
        _write_state(folder, state, hashes, keep_old=True)
        publish(staged)
    finally:
        for tmp, _target in staged:
            tmp.unlink(missing_ok=True)
        for _fmt, target in targets:
            remove_stale_temporaries(target)
    with contextlib.suppress(OutputError):  # the set is out; the record allows both
        _write_state(folder, read_state(folder), hashes, keep_old=False)
    return [target for _fmt, target in targets]


def read_state(folder: Path) -> dict[str, list[str]]:
    """The SHA-256 hashes briefgen recorded per file name in ``folder`` (``{}`` if none)."""
    try:
        data = jsonlib.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        files = data["files"]
        return {
            str(name): [str(h) for h in hashes]
            for name, hashes in files.items()
            if isinstance(hashes, list)
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def is_edited(target: Path, state: dict[str, list[str]]) -> bool:
    """True when ``target`` exists and is not a file briefgen recorded writing."""
    if not target.exists():
        return False
    try:
        return _sha256(target) not in state.get(target.name, [])
    except OSError:
        return True


def _write_state(
    folder: Path, state: dict[str, list[str]], hashes: dict[str, str], *, keep_old: bool
) -> None:
    files = {name: list(known) for name, known in state.items() if (folder / name).exists()}
    for name, digest in hashes.items():
        known = files.get(name, []) if keep_old else []
        files[name] = [digest, *(h for h in known if h != digest)][:_KEPT_HASHES]
    text = jsonlib.dumps({"version": 1, "files": files}, indent=1, sort_keys=True) + "\n"
    write_text_atomically(folder / STATE_FILE, text)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
