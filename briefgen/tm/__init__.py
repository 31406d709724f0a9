"""The translation memory: machine translations and analysts' corrections, shared.

* :mod:`~briefgen.tm.model`: segments, their origin, import reports, statistics.
* :mod:`~briefgen.tm.store`: what every store does (look-ups, upserts, export, stats).
* :mod:`~briefgen.tm.sqlite`: the embedded default, a file in the user cache folder.
* :mod:`~briefgen.tm.postgres`: one memory for a team (``postgresql://…``).
* :mod:`~briefgen.tm.tmx`, :mod:`~briefgen.tm.tabular`, :mod:`~briefgen.tm.bilingual`:
  TMX 1.4b, CSV and the bilingual DOCX of ``briefgen translate --bilingual``.
* :mod:`~briefgen.tm.commands`: ``briefgen tm import|export|stats``.

A human segment wins over machine output everywhere: in the brief, in ``briefgen
translate`` and in the glossary's check of terms lost in translation.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import ConfigError

if TYPE_CHECKING:
    from briefgen.tm.store import TranslationMemory

TM_URL_ENV = "BRIEFGEN_TM_URL"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite://"


def memory_url(configured: str | None = None) -> str | None:
    """The memory to use: ``configured`` (``tm_url``), else ``$BRIEFGEN_TM_URL``, else
    ``None`` (the embedded SQLite file)."""
    url = configured or os.environ.get(TM_URL_ENV, "").strip() or None
    if url is not None and not url.startswith((*POSTGRES_SCHEMES, SQLITE_SCHEME)):
        raise ConfigError(
            f"tm_url must be postgresql://… or sqlite:///path, got {url.split('://')[0]!r}"
        )
    return url


def open_memory(url: str | None = None, *, strict: bool = False) -> TranslationMemory:
    """Open the memory at ``url`` (see :func:`memory_url`; ``None``: the SQLite default).

    ``strict``: a memory that cannot be opened or used raises
    :class:`~briefgen.tm.model.MemoryUnavailable` (the ``tm`` commands); otherwise it
    warns and the run goes on without it (the brief).
    """
    url = memory_url(url)
    if url is not None and url.startswith(POSTGRES_SCHEMES):
        from briefgen.tm.postgres import PostgresMemory

        return PostgresMemory(url, strict=strict)
    from briefgen.tm.sqlite import SQLiteMemory

    path = Path(url.removeprefix(SQLITE_SCHEME)).expanduser() if url else None
    return SQLiteMemory(path, strict=strict)
