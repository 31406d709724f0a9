"""The embedded translation memory: one SQLite file in the user cache folder.

``translation-memory.sqlite3`` in ``$BRIEFGEN_CACHE_DIR`` or the platform's user cache
folder (``BRIEFGEN_TM_URL=sqlite:///path`` puts it elsewhere). WAL mode, one commit per
write, so a killed run keeps what it translated and the file still opens. A file that is
no database (or is corrupt) is set aside as ``….broken-<time>`` and a new one started; a
locked or busy one is never taken for damaged: the run goes on without it.

The first time the memory is opened beside a cache of briefgen's earlier versions
(``translations.sqlite3``), that cache's translations become machine segments, so
nothing translated before is translated again; the old file is left as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from briefgen.tm.model import MACHINE, Kind, MemoryUnavailable, Segment, StatRow
from briefgen.tm.store import COLUMNS, Pair, TranslationMemory, chunks, source_key
from briefgen.translation.cache import LEGACY_FILE, cache_dir, read_legacy_cache

log = logging.getLogger(__name__)

MEMORY_FILE = "translation-memory.sqlite3"
BUSY_TIMEOUT = 30.0  # seconds to wait for another writer before giving up
SCHEMA = """
CREATE TABLE IF NOT EXISTS segments (
    source_language TEXT NOT NULL,
    target_language TEXT NOT NULL,
    source_key TEXT NOT NULL,
    model TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('human', 'machine')),
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    origin TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (source_language, target_language, source_key, model)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
#: SQLite's names for a file that is not a database at all, or a damaged one.
DAMAGED = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}


def default_path() -> Path:
    """Where the embedded memory lives by default."""
    return cache_dir() / MEMORY_FILE


def _stamp(value: dt.datetime | None) -> str:
    return (value or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _time(value: str) -> dt.datetime:
    return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


def _segment(row: Sequence) -> Segment:
    src, tgt, _key, model, kind, source, target, origin, created, updated = row
    return Segment(source, target, src, tgt, kind, origin, model, _time(created), _time(updated))


class SQLiteMemory(TranslationMemory):
    """The memory in one SQLite file."""

    def __init__(self, path: Path | None = None, *, strict: bool = False) -> None:
        super().__init__(strict=strict)
        self.path = path or default_path()
        self.location = str(self.path)
        self._db: sqlite3.Connection | None = self._open()
        self.enabled = self._db is not None

    def is_store_error(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.Error | OSError)

    # --- opening --------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect()
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") not in DAMAGED:
                self._unusable(exc)  # locked, busy, read-only: not damaged
                return None
            aside = self.path.with_name(f"{self.path.name}.broken-{int(time.time())}")
            log.warning("translation memory %s is damaged (%s); moved to %s", self.path, exc, aside)
            try:
                os.replace(self.path, aside)
                return self._connect()
            except (OSError, sqlite3.Error) as again:
                self._unusable(again)
                return None
        except OSError as exc:
            self._unusable(exc)
            return None

    def _unusable(self, exc: Exception) -> None:
        if self.strict:
            raise MemoryUnavailable(f"cannot use the translation memory ({exc})", self.path)
        log.warning("translation memory disabled: cannot use %s (%s)", self.path, exc)
        return None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(SCHEMA)
            db.execute("SELECT count(*) FROM segments WHERE model = ?", ("",)).fetchone()
            self._migrate_legacy(db)
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _migrate_legacy(self, db: sqlite3.Connection) -> None:
        """Take over the translations of an old ``translations.sqlite3`` beside the memory."""
        legacy = self.path.with_name(LEGACY_FILE)
        done = db.execute("SELECT value FROM meta WHERE name = 'legacy-cache'").fetchone()
        if done is not None or not legacy.is_file():
            return
        try:
            rows = [
                Segment(source, target, pair[0], pair[1], MACHINE, origin, model)
                for model, pair, origin, source, target in read_legacy_cache(legacy)
            ]
        except sqlite3.Error as exc:  # tried again next time
            log.warning("translation memory: cannot read the old cache %s (%s)", legacy, exc)
            return
        with db:
            self._write(db, rows)
            db.execute(
                "INSERT INTO meta (name, value) VALUES ('legacy-cache', ?)",
                (f"{legacy}: {len(rows)} segments",),
            )
        if rows:
            log.info("translation memory: %d translations taken over from %s", len(rows), legacy)

    # --- the store ------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            raise sqlite3.OperationalError("the memory is closed")
        return self._db

    def _lookup(self, pair: Pair, model: str, keys: Sequence[str]) -> dict[str, str]:
        marks = ",".join("?" * len(keys))
        rows = self._connection().execute(
            "SELECT source_key, target FROM segments WHERE source_language = ?"
            f" AND target_language = ? AND model = ? AND source_key IN ({marks})",
            (*pair, model, *keys),
        )
        return dict(rows)

    def _upsert(self, rows: list[Segment], *, count: bool) -> tuple[int, int]:
        db = self._connection()
        added = updated = 0
        with db:
            db.execute("BEGIN IMMEDIATE")
            if count:
                for part in chunks(rows):
                    existing = {}
                    for row in part:
                        found = db.execute(
                            "SELECT target FROM segments WHERE source_language = ? AND"
                            " target_language = ? AND source_key = ? AND model = ?",
                            (*row.pair, source_key(row.source), row.model),
                        ).fetchone()
                        if found is not None:
                            existing[row.source] = found[0]
                    added += sum(1 for r in part if r.source not in existing)
                    updated += sum(
                        1 for r in part if r.source in existing and existing[r.source] != r.target
                    )
            self._write(db, rows)
        return added, updated

    @staticmethod
    def _write(db: sqlite3.Connection, rows: list[Segment]) -> None:
        db.executemany(
            f"INSERT INTO segments ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (source_language, target_language, source_key, model) DO UPDATE SET"
            " target = excluded.target, origin = excluded.origin, updated = excluded.updated"
            " WHERE segments.target <> excluded.target",
            [
                (
                    *r.pair,
                    source_key(r.source),
                    r.model,
                    r.kind,
                    r.source,
                    r.target,
                    r.origin,
                    _stamp(r.created),
                    _stamp(r.updated),
                )
                for r in rows
            ],
        )

    def _rows(self, kind: Kind | None) -> Iterator[Segment]:
        where, args = ("WHERE kind = ?", (kind,)) if kind else ("", ())
        query = (
            f"SELECT {COLUMNS} FROM segments {where}"
            " ORDER BY source_language, target_language, source, kind, model"
        )
        for row in self._connection().execute(query, args):
            yield _segment(row)

    def _stats(self) -> list[StatRow]:
        rows = self._connection().execute(
            "SELECT source_language, target_language, kind, origin, count(*), max(updated)"
            " FROM segments GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
        )
        return [StatRow(s, t, k, o, n, _time(u) if u else None) for s, t, k, o, n, u in rows]

    def __len__(self) -> int:
        if self._db is None:
            return 0
        return int(self._db.execute("SELECT count(*) FROM segments").fetchone()[0])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        self.enabled = False
