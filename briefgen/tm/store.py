"""What every translation-memory store does, whatever holds the rows (SQLite, PostgreSQL).

One table, ``segments``, keyed by language pair, a digest of the normalized source and
the model key (empty for the one human segment of a source). Stores commit every write,
so a killed run keeps what it had translated; a store opened for a run (``strict=False``)
turns failures into warnings and carries on without the memory, one opened for a ``tm``
command raises :class:`~briefgen.tm.model.MemoryUnavailable`.
"""

from __future__ import annotations

import hashlib
import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from briefgen.tm.model import (
    HUMAN,
    MACHINE,
    NO_MODEL,
    ImportReport,
    Kind,
    MemoryUnavailable,
    Segment,
    StatRow,
    now,
)

log = logging.getLogger(__name__)

Pair = tuple[str, str]
#: Rows per query or statement.
CHUNK = 500
COLUMNS = (
    "source_language, target_language, source_key, model, kind, source, target, origin,"
    " created, updated"
)


def source_key(source: str) -> str:
    """The digest a source is keyed by (long sentences would not fit an index)."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:32]


def chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def latest(segments: Iterable[Segment]) -> tuple[list[Segment], int]:
    """One segment per pair and source, the last one given; and how many repeated."""
    kept: dict[tuple[str, str, str], Segment] = {}
    total = 0
    for segment in segments:
        total += 1
        key = (segment.source_language, segment.target_language, segment.source)
        kept.pop(key, None)
        kept[key] = segment
    return list(kept.values()), total - len(kept)


class TranslationMemory(ABC):
    """Segments in a store; see the module docstring for the shape and error policy."""

    #: Where the memory is, for messages (a file, or a URL without its password).
    location: str = ""
    #: True when other machines can reach the same memory (workers, other analysts).
    shared: bool = False

    def __init__(self, *, strict: bool) -> None:
        self.strict = strict
        self.enabled = True

    # --- what a store provides ------------------------------------------------------

    @abstractmethod
    def _lookup(self, pair: Pair, model: str, keys: Sequence[str]) -> dict[str, str]:
        """``source_key → target`` for the keys that have a segment of ``model``."""

    @abstractmethod
    def _upsert(self, rows: list[Segment], *, count: bool) -> tuple[int, int]:
        """Insert or update ``rows`` (one per key) in one transaction; with ``count``,
        return (added, updated), rows whose target was already there being neither."""

    @abstractmethod
    def _rows(self, kind: Kind | None) -> Iterator[Segment]:
        """Every segment (of ``kind``), by pair, source and model."""

    @abstractmethod
    def _stats(self) -> list[StatRow]:
        """Counts by pair, kind and origin."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    # --- the memory -----------------------------------------------------------------

    @contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Strict: a failure raises MemoryUnavailable. Else it warns and disables the memory."""
        try:
            yield
        except Exception as exc:
            if not self.is_store_error(exc):
                raise
            reason = " ".join(str(exc).split())
            if self.strict:
                raise MemoryUnavailable(f"translation memory {what} failed ({reason})") from exc
            log.warning(
                "translation memory %s: %s failed (%s); going on without it",
                self.location,
                what,
                reason,
            )
            self.enabled = False

    @abstractmethod
    def is_store_error(self, exc: Exception) -> bool:
        """True for an error of the store (as opposed to a bug in briefgen)."""

    def machine(self, pair: Pair, model: str, sources: Iterable[str]) -> dict[str, str]:
        """The English ``model`` wrote for each of ``sources`` that it translated before."""
        return self._targets(pair, model, sources)

    def human(self, pair: Pair, sources: Iterable[str]) -> dict[str, str]:
        """The reviewed English of each of ``sources`` that has one."""
        return self._targets(pair, NO_MODEL, sources)

    def _targets(self, pair: Pair, model: str, sources: Iterable[str]) -> dict[str, str]:
        if not self.enabled:
            return {}
        by_key = {source_key(s): s for s in dict.fromkeys(sources) if s}
        found: dict[str, str] = {}
        with self._guard("read"):
            for part in chunks(list(by_key)):
                for key, target in self._lookup(pair, model, part).items():
                    found[by_key[key]] = target
        return found

    def put_machine(
        self, pair: Pair, model: str, origin: str, translations: Mapping[str, str]
    ) -> None:
        """Store what ``model`` (``origin``: package and version) wrote, and commit."""
        if not self.enabled or not translations:
            return
        stamp = now()
        rows = [
            Segment(source, target, pair[0], pair[1], MACHINE, origin, model, stamp, stamp)
            for source, target in translations.items()
            if source
        ]
        with self._guard("write"):
            self._upsert(rows, count=False)

    def put_human(
        self, segments: Iterable[Segment], report: ImportReport | None = None
    ) -> ImportReport:
        """Add or update reviewed segments (the last one of a repeated source wins).

        Counts land in ``report``: added, updated (a new English for a source), unchanged.
        """
        report = report or ImportReport()
        stamp = now()
        rows, repeated = latest(
            Segment(
                s.source,
                s.target,
                s.source_language,
                s.target_language,
                HUMAN,
                s.origin,
                NO_MODEL,
                stamp,
                stamp,
            )
            for s in segments
        )
        report.duplicates += repeated
        added = updated = 0
        with self._guard("import"):
            added, updated = self._upsert(rows, count=True)
        report.added += added
        report.updated += updated
        report.unchanged += len(rows) - added - updated
        return report

    def segments(self, kind: Kind | None = None) -> Iterator[Segment]:
        """Every segment (or those of ``kind``), ordered by pair and source."""
        with self._guard("export"):
            yield from self._rows(kind)

    def stats(self) -> list[StatRow]:
        """Segments by pair, kind and origin (none when the memory failed, not strict)."""
        rows: list[StatRow] = []
        with self._guard("stats"):
            rows = self._stats()
        return rows

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
