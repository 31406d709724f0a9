"""Text checks for ``bench/accuracy.py``: normalization, datelines, headlines, names,
titles and summary artifacts. Pure functions; the rules' data is in ``accuracy_rules``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable

from accuracy_rules import (
    ANALYST_COUNTRY_NAMES,
    DATELINE_PATTERNS,
    DOUBLED_TITLE_FILLERS,
    DOUBLED_TITLE_NAME_WORDS,
    HEADLINE_MARKUP,
    ICT_SPELLINGS,
    KICKER_END,
    MIN_HEADLINE_WORDS,
    OPTIONAL_TITLE_WORDS,
    TITLE_NOTE,
    TITLE_OVERLAP,
    TITLE_QUALIFIERS,
    TITLE_STOP_WORDS,
)

ZWNJ = "\u200c"
_LETTER_FOLDS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
_DIGIT_FOLDS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_QUOTED = re.compile(r"'([^'\n]{3,})'|«([^»\n]{3,})»")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_ELISION = re.compile(r"\.\.\.|…")


def collapse(text: str | None) -> str:
    """NFC, with every run of whitespace one space and the ends stripped."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def loose(text: str | None) -> str:
    """:func:`collapse`, then ZWNJ removed, ي/ى→ی, ك→ک and Persian/Arabic digits → 0-9."""
    text = collapse(text).replace(ZWNJ, "")
    return collapse(text.translate(_LETTER_FOLDS).translate(_DIGIT_FOLDS))


# --- Datelines -------------------------------------------------------------------------


def dateline_shape(text: str | None) -> str | None:
    """The name of the dateline/attribution shape ``text`` opens with, else ``None``."""
    opening = loose(text).lstrip("\"'“”«»‘’ ")
    for name, pattern in DATELINE_PATTERNS.items():
        if pattern.match(opening):
            return name
    return None


# --- Headlines -------------------------------------------------------------------------


def labelled_furniture(article_text: str, notes: str, headline: str) -> set[str]:
    """Lines of the article that the label's notes quote ('…' or «…»), other than the
    headline: boilerplate, kickers, bylines, datelines named as text on the page.

    A line counts when it equals a quoted string, or matches an elided one ("<image>…
    alt=…": the parts in order, the line's start and, unless the quote ends with "…",
    its end). Returned loose-normalized.
    """
    patterns = []
    for match in _QUOTED.finditer(notes):
        parts = [loose(p) for p in _ELISION.split(loose(match.group(1) or match.group(2)))]
        if len("".join(parts)) < 3:
            continue
        tail = "" if not parts[-1] else "$"
        patterns.append(re.compile("^" + ".*".join(re.escape(p) for p in parts) + tail))
    lines = {loose(line) for line in article_text.splitlines()} - {"", loose(headline)}
    return {line for line in lines if any(p.match(line) for p in patterns)}


def headline_furniture(got: str, furniture: Iterable[str]) -> str | None:
    """Why ``got`` is page furniture rather than a headline, or ``None`` when it is not:
    empty, a dateline/attribution opening, markup, fewer than three words, a kicker shape
    (ends with ':' or ';'), or a line the label's notes name (a "…"-cut copy counts)."""
    text = loose(got)
    if not text:
        return "empty"
    shape = dateline_shape(text)
    if shape:
        return f"dateline ({shape})"
    if HEADLINE_MARKUP.search(text):
        return "markup"
    if len(re.findall(r"[^\W\d_]{2,}", text)) < MIN_HEADLINE_WORDS:
        return "too short"
    if KICKER_END.search(text):
        return "kicker shape"
    stem = _ELLIPSIS.sub("", text)
    for line in furniture:
        if text == line or (stem != text and line.startswith(stem)):
            return "labelled furniture"
    return None


# --- Countries -------------------------------------------------------------------------


def analyst_country(name: str | None) -> str:
    """The analyst's name for a country ("Türkiye" → "Turkey"); other names unchanged."""
    text = collapse(name)
    return ANALYST_COUNTRY_NAMES.get(text.casefold(), text)


def same_country(a: str | None, b: str | None) -> bool:
    """Whether two country names are the same country, whatever the naming style."""
    return bool(a and b) and analyst_country(a).casefold() == analyst_country(b).casefold()


# --- Names -----------------------------------------------------------------------------


def name_key(name: str | None) -> str:
    """A person's name for matching: case, diacritics, hyphens and punctuation ignored."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def surname(name: str | None) -> str:
    """The last word of :func:`name_key`."""
    words = name_key(name).split()
    return words[-1] if words else ""


# --- Titles ----------------------------------------------------------------------------


def title_words(title: str | None) -> list[str]:
    """A title's words, lower-case, with spelled-out ICT forms folded to "ict"."""
    text = ICT_SPELLINGS.sub("ICT", collapse(title)).casefold()
    return re.findall(r"[\w’']+", text.replace("’", "'"))


def title_alternatives(gold_title: str) -> list[str]:
    """A gold title and, when it has one, its parenthesized alternative
    ("ESCAP chief (Executive Secretary of UN ESCAP)"); parenthesized notes are dropped."""
    outside = re.sub(r"\([^()]*\)", " ", gold_title)
    inside = [p for p in re.findall(r"\(([^()]*)\)", gold_title) if not TITLE_NOTE.search(p)]
    return [collapse(t) for t in (outside, *inside) if collapse(t)]


def titles_agree(gold_title: str | None, got: str | None) -> bool:
    """Whether the tool's title agrees with the gold one (or one of its alternatives):
    both carry the same qualifiers (former, deputy, vice, acting, ex, first) and their
    words are equal, or one's word sequence contains the other's, or the Jaccard overlap of
    their content words is at least 0.5 (ICT spellings folded, "of/the/Iran's" ignored)."""
    if not gold_title or not got:
        return False
    mine = title_words(got)
    return any(_agree(title_words(alt), mine) for alt in title_alternatives(gold_title))


def _agree(gold: list[str], got: list[str]) -> bool:
    if not gold or not got:
        return False
    if set(gold) & TITLE_QUALIFIERS != set(got) & TITLE_QUALIFIERS:
        return False
    if _contains(gold, got) or _contains(got, gold):
        return True
    a, b = set(gold) - TITLE_STOP_WORDS, set(got) - TITLE_STOP_WORDS
    return bool(a | b) and len(a & b) / len(a | b) >= TITLE_OVERLAP


def _contains(longer: list[str], shorter: list[str]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


# --- Summary artifacts -----------------------------------------------------------------

_REPEAT_IN_PARENS = re.compile(r"\b([\w’'&.-]+(?:\s+[\w’'&.-]+){0,4})\s*\(\s*\1\s*\)", re.I)


def paren_repeats(text: str | None) -> list[str]:
    """ "ICT (ICT)"-style artifacts: a phrase followed by itself in parentheses."""
    return [m.group(0) for m in _REPEAT_IN_PARENS.finditer(collapse(text))]


def doubled_titles(text: str | None, titles: Iterable[str]) -> list[str]:
    """Places where one of ``titles`` is printed twice around one name: two copies (or one
    inside the other) separated only by punctuation, "the/Iran's/Iranian/his", and at most
    four capitalized name words ("X, Minister of ICT, Iran's Minister of ICT"). Titles
    match case-insensitively, with spelled-out ICT folded and "of/the/for" optional."""
    body = ICT_SPELLINGS.sub("ICT", collapse(text)).replace("’", "'")
    spans: list[tuple[int, int, str]] = []
    for title in set(titles):
        words = ICT_SPELLINGS.sub("ICT", collapse(title)).replace("’", "'").split()
        key = " ".join(w for w in words if w.casefold() not in OPTIONAL_TITLE_WORDS).casefold()
        if len(words) < 2 or not key:
            continue
        for match in re.finditer(_title_pattern(words), body, re.I):
            spans.append((match.start(), match.end(), key))
    # keep maximal spans only ("Minister of ICT" inside "Deputy Minister of ICT")
    spans = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    spans.sort()
    found = []
    for (begin, end, first), (start, stop, second) in itertools.pairwise(spans):
        if start < end or not (first in second or second in first):
            continue
        words = re.findall(r"[\w']+", body[end:start])
        names = [w for w in words if w.casefold() not in DOUBLED_TITLE_FILLERS]
        if len(names) <= DOUBLED_TITLE_NAME_WORDS and all(w[:1].isupper() for w in names):
            found.append(body[begin:stop])
    return found


def _title_pattern(words: list[str]) -> str:
    """A title as a pattern: whitespace-separated words, "of/the/for" optional."""
    parts = [
        rf"(?:{re.escape(w)}\s+)?"
        if w.casefold() in OPTIONAL_TITLE_WORDS
        else rf"{re.escape(w)}\s+"
        for w in words
    ]
    return r"(?<!\w)" + "".join(parts).removesuffix(r"\s+") + r"(?!\w)"
