"""Writers: a :class:`~briefgen.model.Brief` → files (DOCX, JSON, Markdown)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from briefgen.errors import ConfigError
from briefgen.model import Brief
from briefgen.writers.common import output_stem

Writer = Callable[[Brief, Path], Path]


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


def write_brief(brief: Brief, output_dir: Path, formats: Iterable[str] = ("docx",)) -> list[Path]:
    """Write ``brief`` in each format into ``output_dir`` as ``brief-YYYY-MM-DD.<ext>``."""
    written = []
    for fmt in formats:
        if fmt not in WRITERS:
            raise ConfigError(f"unknown format {fmt!r} (use {', '.join(WRITERS)})")
        suffix, writer = WRITERS[fmt]
        written.append(writer(brief, Path(output_dir) / f"{output_stem(brief)}{suffix}"))
    return written
