"""Finding glossary terms in text, protecting them before translation, normalizing English.

Matching works on a folded copy of the text (:func:`briefgen.text.persian.fold_letters`
applied one character at a time: Persian letters, no ZWNJ, no diacritics; typographic
apostrophes and hyphens made plain; runs of spaces as one), with a map back to the
original offsets, so a match is replaced in the original text and nothing else changes.
A term matches on word boundaries only (never inside a longer word); at one position the
longest form wins. Forms match case-insensitively, except acronyms (all capitals, e.g.
"ILNA"), which match as written, and a form's capital first letter, which matches a
lower-case one only when the whole match is lower-case ("said Al Maawali" is a verb and a
surname, "said al maawali" from a translation that lost its capitals is the name).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from briefgen.text.persian import fold_letters, has_arabic_script

if TYPE_CHECKING:
    from briefgen.glossary.model import Entry, Glossary

#: Entry types whose Persian forms are replaced before translation. Titles are not: they
#: are ordinary phrases the model translates, and the English normalization then maps the
#: translation to the canonical title (a long English title pasted into Persian text is
#: more likely to be mangled than a name).
PROTECTED_TYPES = ("person", "organization", "place", "other")
# Apostrophes made plain; hyphens between words as spaces ("Azari-Jahromi" = "Azari Jahromi").
_PUNCT = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": " ", "‑": " ", "‒": " ", "-": " "})
_MAX_PASSES = 4
_RECENT = 4096  # texts whose hits are kept


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch.isspace():
        return " "
    return fold_letters(ch).translate(_PUNCT)


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset in ``text`` it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = _fold_char(ch)
        for out in folded:
            if out == " " and chars and chars[-1] == " ":
                continue
            chars.append(out)
            origin.append(index)
    return "".join(chars), origin


def fold_form(form: str) -> str:
    """A form as it is matched: folded, single spaces, stripped."""
    return " ".join(fold(form)[0].split())


def is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Hit:
    """One occurrence of a glossary form in a text."""

    start: int  # offsets in the original text
    end: int
    entry: Entry
    form: str  # the glossary form that matched
    kind: str  # "canonical", "short", "variant" or "persian"
    text: str  # the text as found

    @property
    def entry_id(self) -> str:
        return self.entry.id


class Matcher:
    """A compiled set of forms; :meth:`find` returns non-overlapping hits, left to right."""

    def __init__(self, forms: Iterable[tuple[str, Entry, str]]) -> None:
        # Forms that fold alike ("Al Maawali", "Al-Maawali") share a key; the one written
        # as the text writes it wins, else the first listed.
        self._forms: dict[str, list[tuple[str, Entry, str]]] = {}
        exact: list[str] = []
        loose: list[str] = []
        for form, entry, kind in forms:
            key = fold_form(form)
            if not key:
                continue
            if is_acronym(form):
                self._forms.setdefault(key, []).append((form, entry, kind))
                exact.append(key)
            else:
                self._forms.setdefault(key.casefold(), []).append((form, entry, kind))
                loose.append(key)
        parts = [(k, re.escape(k)) for k in exact] + [(k, f"(?i:{re.escape(k)})") for k in loose]
        parts.sort(key=lambda item: -len(item[0]))
        self._pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(p for _, p in parts) + r")(?!\w)")
            if parts
            else None
        )

    def find(self, text: str) -> list[Hit]:
        if self._pattern is None or not text:
            return []
        folded, origin = fold(text)
        hits = []
        position = 0
        while match := self._pattern.search(folded, position):
            key = match.group(0)
            candidates = self._forms.get(key) or self._forms.get(key.casefold())
            if not candidates or not _case_fits(key, candidates[0][0]):
                position = match.start() + 1
                continue
            start = origin[match.start()]
            end = origin[match.end() - 1] + 1
            written = text[start:end].casefold()
            form, entry, kind = next(
                (c for c in candidates if c[0].casefold() == written), candidates[0]
            )
            hits.append(Hit(start, end, entry, form, kind, text[start:end]))
            position = match.end()
        return hits


def _case_fits(found: str, form: str) -> bool:
    """Case-insensitive, but a capital in the form is not met by a lower-case letter in
    running text ("said Al Maawali" is not "Said Al Maawali") unless the whole match is
    lower-case, as machine translation sometimes writes names."""
    return not form[:1].isupper() or found[:1].isupper() or found == found.lower()


class EnglishMatcher:
    """Exact forms (:class:`Matcher`), and people's names by their consonant skeleton
    where no exact form covers the whole name (see :mod:`briefgen.glossary.spelling`)."""

    def __init__(self, forms: list[tuple[str, Entry, str]]) -> None:
        from briefgen.glossary.spelling import SkeletonMatcher

        self.exact = Matcher(forms)
        self.loose = SkeletonMatcher(forms)
        self._recent: dict[str, list[Hit]] = {}  # the stages search one sentence often

    def find(self, text: str) -> list[Hit]:
        from briefgen.glossary.spelling import merge_hits

        found = self._recent.get(text)
        if found is None:
            found = merge_hits(self.exact.find(text), self.loose.find(text))
            if len(self._recent) >= _RECENT:
                self._recent.clear()
            self._recent[text] = found
        return list(found)


class SourceMatcher(Protocol):
    def find(self, text: str) -> list[Hit]: ...


@dataclass(frozen=True)
class Matchers:
    english: SourceMatcher
    persian: SourceMatcher


def build_matchers(entries: Iterable[Entry]) -> Matchers:
    """English (exact and skeleton) and Persian/Arabic (joint-insensitive) matchers."""
    from briefgen.glossary.spelling import JointMatcher

    english: list[tuple[str, Entry, str]] = []
    persian: list[tuple[str, Entry, str]] = []
    for entry in entries:
        english.append((entry.canonical, entry, "canonical"))
        if entry.short:
            english.append((entry.short, entry, "short"))
        english.extend((form, entry, "variant") for form in entry.english)
        persian.extend((form, entry, "persian") for form in entry.source_script_forms)
    return Matchers(EnglishMatcher(english), JointMatcher(persian))


def replace_hits(text: str, hits: list[Hit], replacements: list[str | None]) -> str:
    """``text`` with each hit replaced by its replacement (None keeps the hit's text)."""
    pieces: list[str] = []
    last = 0
    for hit, new in zip(hits, replacements, strict=True):
        pieces.append(text[last : hit.start])
        pieces.append(hit.text if new is None else new)
        last = hit.end
    pieces.append(text[last:])
    return "".join(pieces)


def protect(glossary: Glossary, text: str) -> tuple[str, list[str]]:
    """Persian forms → canonical English (see :meth:`Glossary.protect`)."""
    if not has_arabic_script(text):
        return text, []
    hits = [h for h in glossary.find_persian(text) if h.entry.type in PROTECTED_TYPES]
    terms: list[str] = []
    for hit in hits:
        if hit.entry.canonical not in terms:
            terms.append(hit.entry.canonical)
    return replace_hits(text, hits, [hit.entry.canonical for hit in hits]), terms


def _normalized_form(hit: Hit) -> str | None:
    if hit.kind == "short":
        return hit.entry.short if hit.text != hit.entry.short else None
    if hit.kind == "persian":
        return None
    return hit.entry.canonical if hit.text != hit.entry.canonical else None


def normalize_english(glossary: Glossary, text: str) -> tuple[str, list[Hit]]:
    """Variants and mis-cased forms → canonical (short forms keep the short form).

    Repeated until nothing changes (a replacement can complete a form with its
    neighbours), so applying it twice equals applying it once. Returns the text and the
    hits of the last pass, whose offsets refer to the returned text.
    """
    for _ in range(_MAX_PASSES):
        hits = glossary.find_english(text)
        if all(_normalized_form(hit) is None for hit in hits):
            return text, hits
        replacements = [
            None if _foreign_office(text, hit) else _normalized_form(hit) for hit in hits
        ]
        if all(r is None for r in replacements):
            return text, hits
        text = _without_repeats(replace_hits(text, hits, replacements), replacements)
    return text, glossary.find_english(text)


_HOME = "IR"
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _foreign_office(text: str, hit: Hit) -> bool:
    """True when a title hit names another country's office: a foreign country or demonym
    right before it ("Saudi Minister of Communications and Information Technology",
    "Egypt's …") or "of <country>" right after it. The glossary's titles are Iran's offices:
    another country's minister keeps the title as the text writes it."""
    if hit.entry.type != "title":
        return False
    from briefgen.gazetteer import gazetteer

    places = gazetteer()
    before = re.sub(r"['’]s\s*$|\s+$", "", text[max(0, hit.start - 40) : hit.start])
    mentions = places.find(before)
    if mentions and mentions[-1].end >= len(before.rstrip()) and _HOME not in mentions[-1].codes:
        return True
    after = _OF_PLACE.match(text, hit.end)
    if after:
        mentions = places.find(text[after.end() : after.end() + 40])
        return bool(mentions) and mentions[0].start == 0 and _HOME not in mentions[0].codes
    return False


def _without_repeats(text: str, forms: list[str | None]) -> str:
    """ "ECO (ECO)" → "ECO": a spelled-out form made short must not stand before the
    short form in parentheses ("Economic Cooperation Organization (ECO)")."""
    if "(" not in text:
        return text
    for form in {f for f in forms if f}:
        if f"({form}" not in text.replace("( ", "("):
            continue
        text = re.sub(rf"(?<!\w){re.escape(form)}\s*\(\s*{re.escape(form)}\s*\)", form, text)
    return text
