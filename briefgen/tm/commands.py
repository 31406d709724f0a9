"""What the ``briefgen tm`` commands do, for :mod:`briefgen.api`: import, export, stats.

The memory is ``settings.tm_url``, else ``$BRIEFGEN_TM_URL``, else the SQLite file.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from briefgen.errors import ConfigError
from briefgen.tm import open_memory
from briefgen.tm.model import HUMAN, MACHINE, ImportReport, Kind, Segment, StatRow

if TYPE_CHECKING:
    from briefgen.config import Settings

IMPORT_FORMATS = {".tmx": "tmx", ".csv": "csv", ".tsv": "csv", ".docx": "docx"}
EXPORT_FORMATS = ("tmx", "csv")
KINDS: dict[str, Kind | None] = {"all": None, "human": HUMAN, "machine": MACHINE}


def read_segments(
    path: Path, report: ImportReport, *, accept_unchanged: bool = False
) -> list[Segment]:
    """The reviewed segments in a TMX, CSV or bilingual DOCX file (by its suffix)."""
    fmt = IMPORT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(IMPORT_FORMATS))
        raise ConfigError(f"cannot import {path.suffix or 'a file without suffix'} (use {known})")
    if fmt == "tmx":
        from briefgen.tm.tmx import read_tmx

        return read_tmx(path, report)
    if fmt == "csv":
        from briefgen.tm.tabular import read_csv

        return read_csv(path, report)
    from briefgen.tm.bilingual import read_bilingual_docx

    return read_bilingual_docx(path, report, accept_unchanged=accept_unchanged)


def import_file(
    path: Path,
    *,
    url: str | None = None,
    reviewer: str | None = None,
    accept_unchanged: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Add the reviewed segments of ``path`` to the memory at ``url``; what changed.

    The whole file is read and checked first: a malformed one changes nothing. Importing
    the same file again reports every segment unchanged. ``reviewer`` names the reviewer
    of every segment (default: from the file, else the file's name).
    """
    report = ImportReport(path=str(path))
    segments = read_segments(path, report, accept_unchanged=accept_unchanged)
    if reviewer:
        segments = [replace(s, origin=f"reviewer {reviewer}") for s in segments]
    with open_memory(url, strict=True) as memory:
        if dry_run:
            return _preview(memory, segments, report)
        return memory.put_human(segments, report)


def _preview(memory, segments: list[Segment], report: ImportReport) -> ImportReport:
    from briefgen.tm.store import latest

    rows, report.duplicates = latest(segments)
    for row in rows:
        known = memory.human(row.pair, [row.source]).get(row.source)
        if known is None:
            report.added += 1
        elif known != row.target:
            report.updated += 1
        else:
            report.unchanged += 1
    return report


def export_memory(
    out: IO[str], fmt: str = "tmx", *, url: str | None = None, kind: str = "all"
) -> int:
    """Write the memory (or its ``human``/``machine`` segments) as TMX or CSV to ``out``;
    returns the number of segments."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r} (use {', '.join(EXPORT_FORMATS)})")
    if kind not in KINDS:
        raise ConfigError(f"unknown kind {kind!r} (use {', '.join(KINDS)})")
    with open_memory(url, strict=True) as memory:
        if fmt == "csv":
            from briefgen.tm.tabular import write_csv

            return write_csv(memory.segments(KINDS[kind]), out)
        from briefgen.tm.tmx import write_tmx

        languages = {row.source_language for row in memory.stats()}
        return write_tmx(memory.segments(KINDS[kind]), out, languages)


def memory_stats(url: str | None = None) -> tuple[str, list[StatRow]]:
    """Where the memory is, and its segments counted by pair, kind and origin."""
    with open_memory(url, strict=True) as memory:
        return memory.location, memory.stats()


# --- the API ---------------------------------------------------------------------------


def import_translations(
    path: Path | str,
    *,
    settings: Settings | None = None,
    reviewer: str | None = None,
    accept_unchanged: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Add the reviewed translations in a TMX, CSV or bilingual DOCX file to the memory.

    Idempotent; a malformed file raises :class:`~briefgen.errors.InputError` naming
    ``file:line`` and changes nothing. For a bilingual DOCX only corrected rows count,
    unless ``accept_unchanged``. ``dry_run`` counts without writing.
    """
    return import_file(
        Path(path),
        url=settings.tm_url if settings else None,
        reviewer=reviewer,
        accept_unchanged=accept_unchanged,
        dry_run=dry_run,
    )


def export_translations(
    output: Path | str | None,
    fmt: str = "tmx",
    *,
    settings: Settings | None = None,
    kind: str = "all",
) -> int:
    """Write the memory (``kind``: all, human or machine segments) as TMX 1.4b or CSV to
    ``output`` (atomically) or standard output (``None``); returns the segment count."""
    from briefgen.files import atomic_output

    url = settings.tm_url if settings else None
    if output is None:
        return export_memory(sys.stdout, fmt, url=url, kind=kind)
    with atomic_output(Path(output), "w") as handle:
        return export_memory(handle, fmt, url=url, kind=kind)


def translation_memory_stats(settings: Settings | None = None) -> tuple[str, list[StatRow]]:
    """Where the memory is, and its segments counted by pair, kind and origin."""
    return memory_stats(settings.tm_url if settings else None)
