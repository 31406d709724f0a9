"""The translation memory's data: segments, their origin, and what an import changed.

A segment is one sentence pair: the normalized source (as the translator sees it), its
English, the language pair, and where the English came from. Machine segments are keyed
by the model that wrote them (package, version, decoding settings); a human segment, one
per source and pair, wins over every machine one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from briefgen.errors import BriefgenError

Kind = Literal["human", "machine"]
HUMAN: Kind = "human"
MACHINE: Kind = "machine"
#: The model key of a human segment (it belongs to no model).
NO_MODEL = ""


def now() -> dt.datetime:
    """The current time in UTC, to the second (what the memory stores)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def language_code(tag: str) -> str:
    """The ISO 639-1 code of a language tag: ``fa-IR`` → ``fa``, ``EN_us`` → ``en``."""
    return tag.strip().replace("_", "-").split("-")[0].casefold()


@dataclass(frozen=True)
class Segment:
    """One sentence pair of the memory."""

    source: str  # normalized source text
    target: str
    source_language: str  # e.g. "fa"
    target_language: str = "en"
    kind: Kind = HUMAN
    #: Machine: "translate-fa_en 1.5"; human: "reviewer Jane Doe" or "file corrected.docx".
    origin: str = ""
    model: str = NO_MODEL  # the model key of a machine segment
    created: dt.datetime | None = None
    updated: dt.datetime | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.source_language, self.target_language)

    @property
    def pair_label(self) -> str:
        return f"{self.source_language}→{self.target_language}"


@dataclass
class ImportReport:
    """What one import did to the memory (or would do, for a dry run)."""

    path: str = ""
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Rows not imported, with the reason: "3 not X→en", "12 English not corrected"…
    skipped: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0  # repeated sources in the file (the last one was kept)

    def skip(self, reason: str, count: int = 1) -> None:
        """Count ``count`` rows left out for ``reason``."""
        self.skipped[reason] = self.skipped.get(reason, 0) + count

    @property
    def summary(self) -> str:
        """``corrected.docx: 2 added, 1 updated, 9 unchanged (12 English not corrected)``."""
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        extra = [f"{n} {reason}" for reason, n in self.skipped.items()]
        if self.duplicates:
            extra.append(f"{self.duplicates} repeated source(s), the last kept")
        if extra:
            text += f" ({'; '.join(extra)})"
        return f"{self.path}: {text}" if self.path else text


@dataclass(frozen=True)
class StatRow:
    """How many segments of one pair and origin the memory holds."""

    source_language: str
    target_language: str
    kind: Kind
    origin: str
    segments: int
    last_updated: dt.datetime | None = None


class MemoryUnavailable(BriefgenError):
    """A translation memory that cannot be opened, read or written (the message names it)."""
