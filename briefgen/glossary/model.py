"""Glossary entries: one concept each, with its official English form and known spellings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.glossary.match import Matchers

TYPES = ("person", "title", "organization", "place", "other")


@dataclass(frozen=True)
class Role:
    """A position an entry held: the title printed after the name, and when it was valid.

    A missing ``start`` or ``end`` is an open end; a role with neither date is taken as
    valid on any dated article (its dates are not known).
    """

    title: str
    organization: str | None = None
    country: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    #: Where the title and dates come from: URLs, or publications with their dates.
    sources: tuple[str, ...] = ()
    #: The line of the role in its glossary file (for messages; not compared).
    line: int | None = field(default=None, compare=False)

    @property
    def is_dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One concept: a person, title, organization, place or other name."""

    id: str
    type: str
    canonical: str
    short: str | None = None  # later mentions in a summary, e.g. the surname
    persian: tuple[str, ...] = ()  # the first is the preferred Persian spelling
    english: tuple[str, ...] = ()  # variants normalized to ``canonical``
    arabic: tuple[str, ...] = ()  # the first is the preferred Arabic spelling
    roles: tuple[Role, ...] = ()
    notes: str | None = None

    @property
    def preferred_persian(self) -> str | None:
        return self.persian[0] if self.persian else None

    @property
    def source_script_forms(self) -> tuple[str, ...]:
        """Persian and Arabic forms: what is matched in Arabic-script text."""
        return (*self.persian, *self.arabic)

    @property
    def english_forms(self) -> tuple[str, ...]:
        """Canonical, short form and variants."""
        return (self.canonical, *((self.short,) if self.short else ()), *self.english)

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role valid on ``day`` (the first listed if several), or None when undated."""
        if day is None:
            return None
        return next((role for role in self.roles if role.valid_on(day)), None)

    def title_on(self, day: dt.date | None) -> str | None:
        """The title valid on ``day``; None for an undated article or when none was valid."""
        role = self.role_on(day)
        return role.title if role else None


@dataclass(frozen=True)
class Location:
    """Where an entry was defined: file and 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Glossary:
    """Entries in file order. Equality compares entries only, not where they came from."""

    entries: tuple[Entry, ...] = ()
    locations: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.entries = tuple(self.entries)
        self._by_id = {entry.id: entry for entry in self.entries}
        self._matchers: Matchers | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def __getitem__(self, entry_id: str) -> Entry:
        return self._by_id[entry_id]

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    @property
    def files(self) -> list[str]:
        """The files the entries were read from, in order of first entry."""
        return list(dict.fromkeys(location.path for location in self.locations.values()))

    # Matching (see briefgen.glossary.match) -------------------------------------------

    @property
    def matchers(self) -> Matchers:
        if self._matchers is None:
            from briefgen.glossary.match import build_matchers

            self._matchers = build_matchers(self.entries)
        return self._matchers

    def find_english(self, text: str):
        """Glossary terms in English text, as :class:`~briefgen.glossary.match.Hit` objects."""
        return self.matchers.english.find(text)

    def find_persian(self, text: str):
        """Glossary terms in Persian text."""
        return self.matchers.persian.find(text)

    def protect(self, text: str) -> tuple[str, list[str]]:
        """Replace the Persian names in ``text`` by their canonical English forms.

        Names of people, organizations, places and others are replaced; titles are left
        to the translator (see :data:`briefgen.glossary.match.PROTECTED_TYPES`).

        Returns the text to send to the translator and the English terms that must come
        out of it (each once, in order of appearance).
        """
        from briefgen.glossary.match import protect

        return protect(self, text)

    def normalize_english(self, text: str) -> str:
        """Variants (and mis-cased forms) replaced by the canonical form, on word boundaries."""
        from briefgen.glossary.match import normalize_english

        return normalize_english(self, text)[0]

    def title_forms(self, title: str) -> tuple[str, ...]:
        """``title`` and, when a title entry has it as a form, all of that entry's forms."""
        from briefgen.text.persian import match_key

        key = match_key(title)
        for entry in self.entries:
            if entry.type == "title" and key in {match_key(f) for f in entry.english_forms}:
                return (title, *(f for f in entry.english_forms if f != title))
        return (title,)
