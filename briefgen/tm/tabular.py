"""CSV: reviewed segments from a spreadsheet, and the memory for one.

Reading needs a header row with ``source_language``, ``source`` and ``target`` (optional:
``target_language``, default ``en``; ``reviewer``; ``kind``, where ``machine`` rows are
left out, as in briefgen's own export). UTF-8 (with or without BOM), comma-separated;
``.tsv`` files tab-separated.

Writing escapes every cell that a spreadsheet would run as a formula (one starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return) with a leading apostrophe, as OWASP
advises for CSV injection; reading removes that apostrophe again, so an export imports
back unchanged.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from briefgen.errors import InputError
from briefgen.tm.model import HUMAN, MACHINE, ImportReport, Segment, language_code
from briefgen.tm.tmx import clean_text
from briefgen.translation.languages import normalizer

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
REQUIRED = ("source_language", "source", "target")
EXPORT_COLUMNS = (
    "source_language",
    "target_language",
    "source",
    "target",
    "kind",
    "origin",
    "model",
    "created",
    "updated",
)


def escape_formula(value: str) -> str:
    """``'=SUM(A1)`` for ``=SUM(A1)``: a cell no spreadsheet evaluates."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def unescape_formula(value: str) -> str:
    """The cell as it was before :func:`escape_formula`."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def _dialect(path: Path) -> str:
    return "excel-tab" if path.suffix.lower() == ".tsv" else "excel"


def read_csv(path: Path, report: ImportReport) -> list[Segment]:
    """The reviewed segments of a CSV file (raises InputError with file:line)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("not UTF-8 text", f"{path}:1") from exc
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", path) from exc
    reader = csv.reader(text.splitlines(keepends=True), dialect=_dialect(path), strict=True)
    try:
        header = [h.strip().casefold() for h in next(reader, [])]
    except csv.Error as exc:
        raise InputError(f"bad CSV ({exc})", f"{path}:1") from exc
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise InputError(f"the header row has no {', '.join(missing)} column", f"{path}:1")
    segments = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(f"bad CSV ({exc})", f"{path}:{reader.line_num}") from exc
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(
                f"{len(row)} fields, the header has {len(header)}", f"{path}:{reader.line_num}"
            )
        cells = {name: unescape_formula(value) for name, value in zip(header, row, strict=True)}
        segment = _segment(cells, path, reader.line_num)
        if isinstance(segment, str):
            report.skip(segment)
        else:
            segments.append(segment)
    return segments


def _segment(cells: dict[str, str], path: Path, line: int) -> Segment | str:
    if cells.get("kind", "").strip() == MACHINE:
        return "machine translation(s) not imported"
    source_language = language_code(cells["source_language"])
    target_language = language_code(cells.get("target_language") or "en")
    if not source_language:
        raise InputError("empty source_language", f"{path}:{line}")
    if target_language != "en" or source_language == "en":
        return "row(s) not X→English"
    source = normalizer(source_language)(cells["source"]).strip()
    target = clean_text(cells["target"])
    if not source or not target:
        return "row(s) with an empty source or target"
    reviewer = cells.get("reviewer", "").strip()
    origin = cells.get("origin", "").strip() if cells.get("kind") == HUMAN else ""
    origin = f"reviewer {reviewer}" if reviewer else origin or f"file {path.name}"
    return Segment(source, target, source_language, target_language, HUMAN, origin)


def _stamp(value: dt.datetime | None) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else ""


def write_csv(segments: Iterable[Segment], out: IO[str]) -> int:
    """Write ``segments`` as CSV (header row first, formula cells escaped); returns the count."""
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for s in segments:
        count += 1
        cells = (
            s.source_language,
            s.target_language,
            s.source,
            s.target,
            s.kind,
            s.origin,
            s.model,
            _stamp(s.created),
            _stamp(s.updated),
        )
        writer.writerow([escape_formula(cell) for cell in cells])
    return count
