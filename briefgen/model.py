"""The one document model every reader fills, every stage refines and every writer reads.

``Article`` holds one news item from source file to summary; ``Brief`` holds the
articles of a run, what was left out and why, and the window they cover.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

DOMESTIC = "Iran (domestic)"
UNDETERMINED = "Other / undetermined"


@dataclass
class Sentence:
    """One sentence of an article body, in English when the article was translated.

    ``source`` keeps the original-language sentence it came from (Persian for a
    translated article), so every English sentence links back to its source.
    """

    text: str
    index: int
    source: str | None = None
    paragraph: int = 0


@dataclass
class Translation:
    """How an article was machine-translated."""

    engine: str  # e.g. "Argos fa→en", "Argos ar→en"
    package: str  # package name, e.g. "translate-fa_en"
    version: str
    is_test_model: bool = False
    missing_terms: list[str] = field(default_factory=list)
    source_language: str = "fa"  # ISO 639 code of the language translated from

    @property
    def label(self) -> str:
        """The marking printed under a translated article, naming the source language."""
        from briefgen.translation.languages import language_name

        test = " — TEST MODEL, not a real translation" if self.is_test_model else ""
        language = language_name(self.source_language)
        return (
            f"Machine-translated from {language} ({self.engine}, {self.package} {self.version})"
            f"{test}"
        )


@dataclass
class Mention:
    """A glossary entry found in an article (filled by the glossary stage)."""

    entry_id: str
    canonical: str
    surface: str  # the form found in the text
    kind: str = "person"  # person, title, organization, place, other
    title: str | None = None  # the title valid on the article's date
    persian: str | None = None


@dataclass
class Article:
    """One news article, from its source file to its summary."""

    source_path: Path
    raw_text: str
    source_meta: dict[str, str] = field(
        default_factory=dict
    )  # title/date/outlet/url from the reader
    language: str = "und"
    headline: str = ""
    headline_source: str | None = None  # original headline when translated
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    date: dt.date | None = None
    jalali_date: str | None = None  # as the source gave it, e.g. "1402/08/04"
    date_evidence: str | None = None
    country: str | None = None
    country_scores: dict[str, float] = field(default_factory=dict)
    meta_lines: list[str] = field(default_factory=list)  # datelines, news codes, bylines
    paragraphs: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, reason)
    sentences: list[Sentence] = field(default_factory=list)
    translation: Translation | None = None
    untranslated_reason: str | None = None
    summary: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    also_reported_by: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def is_translated(self) -> bool:
        return self.translation is not None

    @property
    def body_text(self) -> str:
        """The cleaned body in its original language, one paragraph per line."""
        return "\n".join(self.paragraphs)

    @property
    def name(self) -> str:
        return self.source_path.name


@dataclass
class Skipped:
    """An input that did not make it into the brief, and why."""

    path: Path
    reason: str


@dataclass
class Window:
    """The date range a brief covers; ``None`` ends are open."""

    start: dt.date | None = None
    end: dt.date | None = None
    label: str | None = None  # e.g. "Week 20"

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    @property
    def is_open(self) -> bool:
        return self.start is None and self.end is None


@dataclass
class CountrySection:
    """The articles filed under one partner country."""

    country: str
    articles: list[Article]
    undated: list[Article] = field(default_factory=list)


@dataclass
class Brief:
    """A dated brief: articles grouped by partner country, plus what was left out."""

    title: str
    date: dt.date
    window: Window
    generated: dt.datetime
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    excluded: list[Skipped] = field(default_factory=list)  # read fine, outside the window etc.
    sections: list[CountrySection] = field(default_factory=list)
    organization: str | None = None
    author: str | None = None  # document properties; default: the organization
    header: str | None = None
    footer: str | None = None
    show_source: bool = False  # Persian source beside each translated summary sentence
    persian_font: str = "Tahoma"  # complex-script font of Persian text in Word
    paper: str = "A4"  # A4 or Letter
