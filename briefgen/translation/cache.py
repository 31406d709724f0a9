"""On-disk cache of sentence translations, so a rerun translates nothing twice.

One SQLite file (``translations.sqlite3``) in the user cache folder, or in
``$BRIEFGEN_CACHE_DIR``. Rows are keyed by the model (package, version, decoding
settings) and the exact text sent to it (normalized, after the glossary's substitutions).
The database runs in WAL mode and each batch is committed, so a killed run keeps what it
had translated and the file still opens.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

log = logging.getLogger(__name__)

CACHE_ENV = "BRIEFGEN_CACHE_DIR"
CACHE_FILE = "translations.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (model, source)
) WITHOUT ROWID
"""
_CHUNK = 500  # rows per query (SQLite's variable limit is 32766)


def cache_dir() -> Path:
    """``$BRIEFGEN_CACHE_DIR``, else the platform's user cache folder for briefgen."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefgen", appauthor=False))


#: SQLite result codes that mean the file itself is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
_DAMAGED = {11, 26}


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """True when ``exc`` says the database file is damaged, not merely locked or busy."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGED
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


class TranslationCache:
    """Sentence translations for one model, stored in SQLite."""

    def __init__(self, model_key: str, path: Path | None = None) -> None:
        self.model_key = model_key
        self.path = path or cache_dir() / CACHE_FILE
        self._db = self._open()

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):  # locked or busy (another run), full disk…: not damage
                log.warning("translation cache not used this run: %s (%s)", self.path, exc)
                return None
            # A damaged file (not a killed run: WAL survives that) is set aside, not lost.
            aside = self.path.with_name(f"{self.path.name}.broken-{int(time.time())}")
            log.warning("translation cache %s is damaged (%s); moved to %s", self.path, exc, aside)
            try:
                os.replace(self.path, aside)
                return self._connect()
            except (OSError, sqlite3.Error) as again:
                log.warning("translation cache disabled: %s", again)
                return None
        except OSError as exc:
            log.warning("translation cache disabled: cannot use %s (%s)", self.path, exc)
            return None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(_SCHEMA)
            db.commit()
            db.execute("SELECT count(*) FROM translations WHERE model = ?", ("",)).fetchone()
        except sqlite3.Error:
            db.close()
            raise
        return db

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def get_many(self, sources: Iterable[str]) -> dict[str, str]:
        """The cached translation of each of ``sources`` that has one."""
        if self._db is None:
            return {}
        wanted = list(dict.fromkeys(sources))
        found: dict[str, str] = {}
        try:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    "SELECT source, target FROM translations"
                    f" WHERE model = ? AND source IN ({marks})",
                    (self.model_key, *chunk),
                )
                found.update(rows)
        except sqlite3.Error as exc:
            log.warning("translation cache read failed (%s); translating without it", exc)
        return found

    def put_many(self, translations: Mapping[str, str]) -> None:
        """Store ``translations`` (source → target) and commit."""
        if self._db is None or not translations:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO translations (model, source, target) VALUES (?, ?, ?)",
                    [(self.model_key, s, t) for s, t in translations.items()],
                )
        except sqlite3.Error as exc:
            log.warning("translation cache write failed (%s)", exc)

    def __len__(self) -> int:
        if self._db is None:
            return 0
        row = self._db.execute(
            "SELECT count(*) FROM translations WHERE model = ?", (self.model_key,)
        ).fetchone()
        return int(row[0])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
