"""Names the glossary does not cover: candidates for a reviewer to add.

English: sequences of capitalized words (with name particles such as "bin", "Al-",
"Abu"), two words or more, or one word right after a title ("Minister Al-Sheibani").
Persian: «quoted» names and names after an honorific (آقای, دکتر, مهندس, سید …).
Sequences that overlap a glossary term, or are made only of common words, country names
and generic words (Ministry, International, …), are not candidates.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefgen import lang
from briefgen.glossary.match import Hit

_PARTICLES = r"(?:bin|bint|ibn|al|el|ul|abu|abd|de|da|van|von|der|ben)"
_CAP_WORD = r"(?:[A-Z][\w'’.-]*[\w]|[A-Z])"
_NAME_SEQ = re.compile(rf"{_CAP_WORD}(?:\s+(?:{_PARTICLES}\s+)*{_CAP_WORD})*")
_TITLE_BEFORE = re.compile(
    r"\b(?:Minister|President|Ambassador|Envoy|Deputy|Director|Chairman|Commander|Governor|"
    r"Secretary|Spokesman|Spokesperson|CEO|Mayor|Speaker|Dr\.?|Eng\.?|Mr\.?|Mrs\.?|Ms\.?|"
    r"Prof\.?|Sheikh|Seyyed|Seyed)\s*,?\s*$"
)
_PERSIAN_HONORIFIC = re.compile(
    r"(?:آقای|خانم|دکتر|مهندس|سید|سیده|حجت‌?الاسلام|آیت‌?الله|سردار|سرلشکر|شیخ)\s+"
    r"((?:[\u0621-\u06cc\u200c]+\s?){1,3})"
)
_PERSIAN_QUOTED = re.compile(r"«([^«»\n]{2,60})»")
_PERSIAN_STOP = frozenset(
    ["و", "در", "با", "به", "از", "که", "را", "این", "آن", "برای", "تا", "یا", "بر", "وزیر"]
)


@dataclass(frozen=True)
class Candidate:
    """A name found in a text that no glossary entry covers."""

    name: str
    reason: str  # "capitalized", "titled", "quoted", "honorific"
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    import pycountry
    from stop_words import get_stop_words

    words = {w.casefold() for w in lang.words("names", "generic_words", ["en"])}
    words |= {w.casefold() for w in get_stop_words("en")}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            words.update(re.findall(r"\w+", getattr(country, attr, "").casefold()))
    return frozenset(words)


def _overlaps(start: int, end: int, hits: list[Hit]) -> bool:
    return any(h.start < end and start < h.end for h in hits)


def lowercase_words(texts) -> frozenset[str]:
    """Words written in lower case somewhere in ``texts``: common words, not names."""
    return frozenset(w for text in texts for w in re.findall(r"\b[a-z][a-z'-]+\b", text))


def _headline_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) >= 4]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def english_candidates(
    text: str, hits: list[Hit], common_words: frozenset[str] = frozenset()
) -> list[Candidate]:
    """Capitalized name sequences in English ``text`` not covered by ``hits``.

    ``common_words`` (e.g. :func:`lowercase_words` of the texts under review) are not
    name words. In a headline-cased line only names right after a title count.
    """
    common = _not_name_words() | common_words
    headline = _headline_case(text)
    found = []
    for match in _NAME_SEQ.finditer(text):
        words = match.group(0).split()
        start = match.start()
        # Drop common words at either end ("The", "During", "Iran's") and possessives.
        while words and _bare(words[0]).casefold() in common:
            start += len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words.pop(0)
        while words and _bare(words[-1]).casefold() in common:
            words.pop()
        if not words:
            continue
        name = " ".join(words)
        name = re.sub(r"['’]s$", "", name).rstrip(".")
        end = start + len(name)
        if _overlaps(start, end, hits):
            continue
        titled = bool(_TITLE_BEFORE.search(text[:start])) or any(
            h.entry.type == "title" and 0 <= start - h.end <= 2 for h in hits
        )
        if headline and not (titled and len(words) >= 2):
            continue
        if len(words) >= 2 or titled:
            found.append(Candidate(name, "titled" if titled else "capitalized", start, end))
    return found


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word).strip(".,:;'’\"")


def persian_candidates(text: str, hits: list[Hit]) -> list[Candidate]:
    """«Quoted» names and names after an honorific in Persian ``text``, not covered."""
    found = []
    for match in _PERSIAN_QUOTED.finditer(text):
        name = match.group(1).strip()
        if len(name.split()) <= 5 and not _overlaps(match.start(1), match.end(1), hits):
            found.append(Candidate(name, "quoted", match.start(1), match.end(1)))
    for match in _PERSIAN_HONORIFIC.finditer(text):
        words = match.group(1).split()
        while words and words[-1] in _PERSIAN_STOP:
            words.pop()
        if not words:
            continue
        name = " ".join(words)
        start = match.start(1)
        end = start + len(name)
        if not _overlaps(start, end, hits) and not any(c.start <= start < c.end for c in found):
            found.append(Candidate(name, "honorific", start, end))
    return found


# People outside the glossary: a ready-to-paste entry -----------------------------------


def entry_id(name: str) -> str:
    """A glossary id for ``name``: lower-case ASCII words joined by hyphens."""
    import unicodedata

    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "person"


def person_entry_yaml(name: str, surface: str, language: str, title: str | None) -> str:
    """A glossary entry for a person the text names with a role: id, type, canonical
    (romanized when the text writes the name in Persian or Arabic: check it), the form as
    written (``persian``/``arabic``/``english``), and a role with the title the text gives
    and no dates (dates need sources)."""
    from briefgen.text.names import romanize
    from briefgen.text.persian import has_arabic_script

    canonical = romanize(name)
    lines = [f"- id: {entry_id(canonical)}", "  type: person", f"  canonical: {_quote(canonical)}"]
    if has_arabic_script(surface):
        field = "arabic" if language == "ar" else "persian"
        lines.append(f"  {field}: [{_quote(surface)}]")
    elif surface != canonical:
        lines.append(f"  english: [{_quote(surface)}]")
    if title:
        lines += ["  roles:", f"    - title: {_quote(title)}"]
    note = (
        "canonical romanized from the source: check the official spelling; "
        if (canonical != name)
        else ""
    )
    lines.append(
        f"  notes: {_quote(note + 'title as the article gives it; add dates with sources')}"
    )
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    """``text`` as a YAML scalar (double-quoted when it could be read otherwise)."""
    if re.fullmatch(r"[\w][\w .'’()-]*", text) and not text.endswith(":"):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
