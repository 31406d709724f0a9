"""The one document model every reader fills, every stage refines and every writer reads.

``Article`` holds one news item from source file to summary; ``Brief`` holds the
articles of a run, what was left out and why, and the window they cover.

Text is never overwritten by its translation: ``Sentence.text`` and ``Article.headline``
keep the words of the source; ``Sentence.english`` and ``Article.headline_english`` hold
the English the brief prints (a translation, or an English original with the glossary's
canonical names). ``shown`` properties give whichever the brief prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

DOMESTIC = "Iran (domestic)"
#: How the brief marks a sentence whose English an analyst reviewed.
REVIEWED = "reviewed translation"
UNDETERMINED = "Other / undetermined"

#: Languages by ISO 639-1 code, as the brief names them.
LANGUAGE_NAMES = {
    "fa": "Persian",
    "en": "English",
    "ar": "Arabic",
    "und": "unknown language",
}


def language_name(code: str) -> str:
    """``Persian`` for ``fa``; other codes by CLDR's English name; else the code itself."""
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    try:
        from babel import Locale

        name = Locale("en").languages.get(code.replace("-", "_"))
    except (ImportError, ValueError):
        name = None
    return str(name or code)


@dataclass
class Sentence:
    """One sentence of an article body.

    ``text`` is the sentence as the article wrote it; ``english`` the English the brief
    prints for it (its translation, or the English original with canonical names and
    titles), ``None`` while there is none. ``reviewed``: the English is a reviewed
    translation from the translation memory, not the model's.
    """

    text: str
    index: int
    paragraph: int = 0
    english: str | None = None
    reviewed: bool = False

    @property
    def shown(self) -> str:
        """What the brief prints: the English when there is one, else the original."""
        return self.english if self.english is not None else self.text


@dataclass
class Translation:
    """How an article was machine-translated."""

    engine: str  # e.g. "Argos fa→en", "Argos ar→en"
    package: str  # package name, e.g. "translate-fa_en"
    version: str
    is_test_model: bool = False
    missing_terms: list[str] = field(default_factory=list)
    source_language: str = "fa"  # ISO 639 code of the language translated from
    reviewed: int = 0  # headline and sentences with a reviewed translation

    @property
    def label(self) -> str:
        """The marking printed under a translated article, naming the source language."""
        test = " — TEST MODEL, not a real translation" if self.is_test_model else ""
        language = language_name(self.source_language)
        model = f"{self.engine}, {self.package} {self.version}"
        text = f"Machine-translated from {language} ({model}){test}"
        if self.reviewed:
            text += f"; {self.reviewed} sentence(s): {REVIEWED}"
        return text


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
class Person:
    """Someone who acts or speaks in an article: from the glossary, or named by the text."""

    name: str  # the canonical name (glossary), else the name as the text writes it
    title: str | None = None  # the title valid on the article's date, or the text's own
    entry_id: str | None = None  # the glossary entry; None for a person not in the glossary
    surface: str = ""  # the form found in the source text
    #: A spelling- and script-insensitive key: the same person in two articles (Persian
    #: and English, two transliterations) has the same key. The glossary entry id for a
    #: glossary person; else :func:`briefgen.text.names.name_key` of the name ("~" and the
    #: consonant skeleton of the surname, e.g. "~tqpr" for «تقی پور» and "Taqipour").
    key: str = ""

    @property
    def in_glossary(self) -> bool:
        return self.entry_id is not None


@dataclass
class StoryEvidence:
    """One piece of evidence that two reports tell one event, and the points it scored."""

    kind: str  # person, organization, country, date, weekday, numbers, words, counterparts…
    detail: str  # "Issa Zarepour", "Oman", "same day", "20 memorandum", "cosine 0.62"
    points: float  # negative when it speaks against


@dataclass
class StoryMatch:
    """Why a report was merged into another report's entry (see :mod:`briefgen.story`)."""

    matched: Path  # the report of the story it matched best
    score: float
    threshold: float
    date_gap: int | None  # days between the two reports, None when one is undated
    evidence: list[StoryEvidence] = field(default_factory=list)


@dataclass
class Article:
    """One news article, from its source file to its summary."""

    source_path: Path
    raw_text: str
    source_meta: dict[str, str] = field(default_factory=dict)  # title/date/outlet/url
    language: str = "und"
    headline: str = ""  # as the source wrote it
    headline_english: str | None = None  # the English the brief prints, when there is one
    headline_reviewed: bool = False  # headline_english is a reviewed translation
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
    people: list[Person] = field(default_factory=list)  # key people, first mention first
    also_reported_by: list[Article] = field(default_factory=list)
    merged_because: StoryMatch | None = None  # set on a report merged into another's entry
    warnings: list[str] = field(default_factory=list)

    @property
    def is_translated(self) -> bool:
        return self.translation is not None

    @property
    def text_language(self) -> str:
        """The language of the text the brief prints: English once translated."""
        return "en" if self.is_translated else self.language

    @property
    def shown_headline(self) -> str:
        """The headline the brief prints: the English one when there is one."""
        return self.headline_english if self.headline_english is not None else self.headline

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


@dataclass(frozen=True)
class Layout:
    """How a brief looks and is labelled: shared by the settings and the brief."""

    title: str = "ICT Partners Weekly Brief"
    organization: str | None = None
    author: str | None = None  # document properties; default: the organization
    header: str | None = None  # e.g. a handling caveat printed on every page
    footer: str | None = None
    show_source: bool = False  # source sentence beside each translated summary sentence
    persian_font: str = "Tahoma"  # complex-script font of Persian and Arabic text in Word
    paper: str = "A4"  # A4 or Letter


@dataclass
class CountrySection:
    """The articles filed under one partner country."""

    country: str
    articles: list[Article]
    undated: list[Article] = field(default_factory=list)


@dataclass
class Brief:
    """A dated brief: articles grouped by partner country, plus what was left out."""

    date: dt.date
    window: Window
    generated: dt.datetime
    layout: Layout = field(default_factory=Layout)
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    excluded: list[Skipped] = field(default_factory=list)  # read fine, outside the window etc.
    sections: list[CountrySection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # run notes (glossaries in use, models…)

    @property
    def title(self) -> str:
        return self.layout.title
