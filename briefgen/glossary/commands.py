"""What the ``briefgen glossary`` commands do, for :mod:`briefgen.api`: load the run's
glossary, check it, export and import it. Heavy modules load inside the functions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.config import Settings
from briefgen.errors import InputError

if TYPE_CHECKING:
    from briefgen.glossary.model import Glossary

#: Bytes of a CSV or TBX file to import (a glossary of 100,000 entries is about 20 MB).
MAX_IMPORT_BYTES = 50_000_000


def load_glossary(settings: Settings | None = None, files: Sequence[Path] = ()) -> Glossary:
    """The glossary a run uses: ``files`` if given, else the shipped glossary plus the
    settings' ``glossaries`` (or a ``glossaries/`` folder in the working folder)."""
    from briefgen.glossary import load_glossary as load_files
    from briefgen.glossary import load_run_glossary

    if files:
        return load_files(files)
    settings = settings or Settings()
    return load_run_glossary(settings.glossary_paths, shipped=settings.shipped_glossary)


@dataclass
class GlossaryCheck:
    """What ``glossary check`` found."""

    glossary: Glossary
    unsourced: list[str]  # file:line: id: reason, for each dated role without a source
    undated: list[str]  # ids of entries with a role that has no dates


def check_glossary(settings: Settings | None = None, files: Sequence[Path] = ()) -> GlossaryCheck:
    """Validate the glossary (``files``, or the run's glossary); loading raises on the first
    mistake, the sources of dates of office are checked here."""
    from briefgen.glossary.load import unsourced_roles

    glossary = load_glossary(settings, files)
    undated = [e.id for e in glossary.entries if any(not r.is_dated for r in e.roles)]
    return GlossaryCheck(glossary, unsourced_roles(glossary), undated)


def export_glossary(
    fmt: str, *, settings: Settings | None = None, files: Sequence[Path] = ()
) -> str:
    """The glossary as CSV or TBX text."""
    from briefgen.glossary.exchange import export_glossary as export

    return export(load_glossary(settings, files), fmt)


def import_glossary(path: Path, fmt: str | None = None) -> tuple[Glossary, str]:
    """A CSV or TBX glossary file read back: the glossary and its YAML text."""
    from briefgen.glossary import dump_glossary
    from briefgen.glossary.exchange import format_for
    from briefgen.glossary.exchange import import_glossary as parse
    from briefgen.readers import read_bytes

    fmt = format_for(path, fmt)
    try:
        text = read_bytes(path, MAX_IMPORT_BYTES).decode("utf-8-sig")
    except InputError as exc:
        raise InputError(exc.reason, path) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read as UTF-8 text ({exc})", path) from exc
    imported = parse(text, fmt, str(path))
    return imported, dump_glossary(imported)


def glossary_format(path: Path, given: str | None) -> str:
    """``csv`` or ``tbx``: ``given``, else from ``path``'s suffix."""
    from briefgen.glossary.exchange import format_for

    return format_for(path, given)
