"""A translation memory a team shares: one PostgreSQL table (psycopg 3).

``BRIEFGEN_TM_URL=postgresql://user@host/db`` (or ``tm_url`` in ``briefgen.toml``) makes
every analyst and worker read and write the same segments. Writes are upserts in one
statement per batch (``INSERT … ON CONFLICT … DO UPDATE``), rows in key order so two
writers never wait on each other in a cycle; a deadlock or serialization failure is
retried. Two runs writing overlapping segments at once therefore lose none, and an
import counts exactly what it added and updated (``RETURNING (xmax = 0)``).

psycopg comes with ``pip install 'briefgen[postgres]'``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

from briefgen.tm.model import Kind, MemoryUnavailable, Segment, StatRow, now
from briefgen.tm.store import COLUMNS, Pair, TranslationMemory, source_key

log = logging.getLogger(__name__)

TABLE = "briefgen_segments"
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    source_language TEXT NOT NULL,
    target_language TEXT NOT NULL,
    source_key TEXT NOT NULL,
    model TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('human', 'machine')),
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    origin TEXT NOT NULL,
    created TIMESTAMPTZ NOT NULL,
    updated TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_language, target_language, source_key, model)
)
"""
#: Serializes schema creation between processes that open a new database at once.
SCHEMA_LOCK = 0x62726965  # "brie"
RETRIES = 5
INSTALL_HINT = "a postgresql:// memory needs psycopg: pip install 'briefgen[postgres]'"


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    user = f"{parts.username}:***@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}{host}{port}"))


class PostgresMemory(TranslationMemory):
    """The memory in a PostgreSQL database."""

    shared = True

    def __init__(self, url: str, *, strict: bool = False) -> None:
        super().__init__(strict=strict)
        self.url = url
        self.location = redacted(url)
        try:
            import psycopg
        except ImportError as exc:
            raise MemoryUnavailable(INSTALL_HINT) from exc
        self._psycopg = psycopg
        self._db = None
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=10)
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
                self._db.execute(SCHEMA)
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split())
            if strict:
                raise MemoryUnavailable(f"cannot open {self.location} ({reason})") from exc
            log.warning("translation memory disabled: cannot open %s (%s)", self.location, reason)
            self.enabled = False

    def is_store_error(self, exc: Exception) -> bool:
        return isinstance(exc, self._psycopg.Error)

    def _connection(self):
        if self._db is None or self._db.closed:
            raise self._psycopg.OperationalError("the memory is closed")
        return self._db

    def _lookup(self, pair: Pair, model: str, keys: Sequence[str]) -> dict[str, str]:
        rows = self._connection().execute(
            f"SELECT source_key, target FROM {TABLE} WHERE source_language = %s"
            " AND target_language = %s AND model = %s AND source_key = ANY(%s)",
            (*pair, model, list(keys)),
        )
        return dict(rows.fetchall())

    def _upsert(self, rows: list[Segment], *, count: bool) -> tuple[int, int]:
        if not rows:
            return 0, 0
        keyed = sorted(
            ((source_key(r.source), r) for r in rows),
            key=lambda item: (item[1].pair, item[0], item[1].model),
        )
        stamp = now()
        columns = [
            [r.source_language for _, r in keyed],
            [r.target_language for _, r in keyed],
            [key for key, _ in keyed],
            [r.model for _, r in keyed],
            [r.kind for _, r in keyed],
            [r.source for _, r in keyed],
            [r.target for _, r in keyed],
            [r.origin for _, r in keyed],
            [r.created or stamp for _, r in keyed],
            [r.updated or stamp for _, r in keyed],
        ]
        types = ["text"] * 8 + ["timestamptz"] * 2
        unnest = ", ".join(f"%s::{t}[]" for t in types)
        statement = (
            f"INSERT INTO {TABLE} ({COLUMNS}) SELECT * FROM unnest({unnest})"
            " ON CONFLICT (source_language, target_language, source_key, model) DO UPDATE SET"
            " target = EXCLUDED.target, origin = EXCLUDED.origin, updated = EXCLUDED.updated"
            f" WHERE {TABLE}.target <> EXCLUDED.target RETURNING (xmax = 0)"
        )
        errors = self._psycopg.errors
        for attempt in range(RETRIES):
            try:
                with self._connection().transaction():
                    changed = self._connection().execute(statement, columns).fetchall()
                break
            except (errors.DeadlockDetected, errors.SerializationFailure):
                if attempt == RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        added = sum(1 for (inserted,) in changed if inserted)
        return added, len(changed) - added

    def _rows(self, kind: Kind | None) -> Iterator[Segment]:
        where, args = ("WHERE kind = %s", (kind,)) if kind else ("", ())
        db = self._connection()
        with db.transaction(), db.cursor(name="briefgen_export") as cursor:
            cursor.itersize = 2000
            cursor.execute(
                f"SELECT {COLUMNS} FROM {TABLE} {where}"
                " ORDER BY source_language, target_language, source, kind, model",
                args,
            )
            for src, tgt, _key, model, k, source, target, origin, created, updated in cursor:
                yield Segment(source, target, src, tgt, k, origin, model, created, updated)

    def _stats(self) -> list[StatRow]:
        rows = self._connection().execute(
            "SELECT source_language, target_language, kind, origin, count(*), max(updated)"
            f" FROM {TABLE} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
        )
        return [StatRow(*row) for row in rows.fetchall()]

    def __len__(self) -> int:
        if not self.enabled:
            return 0
        row = self._connection().execute(f"SELECT count(*) FROM {TABLE}").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        if self._db is not None and not self._db.closed:
            self._db.close()
        self.enabled = False
