"""Matchers that survive real spelling: Persian joints and honorifics, English
transliterations of people's names.

* :class:`JointMatcher` (Persian and Arabic text) compares runs of words with their
  joints removed: «زارع‌پور», «زارع پور» and «زارعپور» are one form, and so are «آذری
  جهرمی» and «آذریجهرمی». A run never crosses punctuation and always starts and ends on a
  word boundary. An honorific joined to the first name («سیدستار هاشمی», «دکترعیسی …») or
  a joined conjunction («وهاشمي») is passed over when the rest is a form.
* :class:`SkeletonMatcher` (English text) finds people's names by their consonant
  skeleton (:mod:`briefgen.text.names`): "Eisa Zarepur", "Esa Zarepour" and "Issa
  Zarei-Pour" are Issa Zarepour. Only runs of capitalized words count, a skeleton must be
  long enough to say something, the surname must begin and end with the form's letters,
  and a skeleton two entries share is not used.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from briefgen import lang
from briefgen.glossary.match import Hit, fold, is_acronym
from briefgen.text.names import latin_skeleton
from briefgen.text.persian import fold_letters

if TYPE_CHECKING:
    from briefgen.glossary.model import Entry

_TOKEN = re.compile(r"\w+")
#: Extra words a run may span beyond the most words of any form («زارع پور» for «زارعپور»).
_EXTRA_WORDS = 2
#: A skeleton shorter than this says too little to name someone ("Ali" = "Ela").
MIN_SKELETON = 5
_MAX_NAME_WORDS = 6


@functools.cache
def _glued_prefixes() -> tuple[str, ...]:
    words = lang.words("names", "glued_honorifics") + lang.words("names", "glued_conjunctions")
    return tuple(sorted({fold_letters(w) for w in words}, key=len, reverse=True))


@functools.cache
def _capitalized_run() -> re.Pattern[str]:
    """Capitalized words, with lower-case name particles between them ("Said bin Hamoud")."""
    particles = "|".join(re.escape(p.rstrip("-")) for p in lang.words("names", "name_particles"))
    # A name word: a capital, then small letters (a capital inside, "NanezZ", is no name).
    word = r"[A-Z][^\W\d_A-Z]*(?:['’][^\W\d_]+)*"
    return re.compile(rf"(?<!\w){word}(?:[ -](?:(?:{particles})[ -])*{word})*(?!\w)")


class JointMatcher:
    """Forms in Persian and Arabic text, whatever the joints between their parts."""

    def __init__(self, forms: Iterable[tuple[str, Entry, str]]) -> None:
        self._forms: dict[str, tuple[str, Entry, str]] = {}
        self._exact: dict[str, tuple[str, Entry, str]] = {}
        words = 1
        for form, entry, kind in forms:
            folded = fold(form)[0]
            tokens = list(_TOKEN.finditer(folded))
            if not tokens:
                continue
            words = max(words, len(tokens))
            key = tokens[0].group(0) + "".join(
                _gap(folded, a, b) + b.group(0) for a, b in itertools.pairwise(tokens)
            )
            if is_acronym(form):
                self._exact.setdefault(key, (form, entry, kind))
            else:
                self._forms.setdefault(key.casefold(), (form, entry, kind))
        self._window = words + _EXTRA_WORDS

    def _lookup(self, key: str) -> tuple[str, Entry, str] | None:
        return self._exact.get(key) or self._forms.get(key.casefold())

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping hits, left to right, the longest at each position."""
        if not text or not (self._forms or self._exact):
            return []
        folded, origin = fold(text)
        tokens = list(_TOKEN.finditer(folded))
        hits: list[Hit] = []
        index = 0
        while index < len(tokens):
            found = self._longest_at(folded, tokens, index)
            if found is None:
                index += 1
                continue
            last, entry_form = found
            form, entry, kind = entry_form
            start = origin[tokens[index].start()]
            end = origin[tokens[last].end() - 1] + 1
            hits.append(Hit(start, end, entry, form, kind, text[start:end]))
            index = last + 1
        return hits

    def _longest_at(
        self, folded: str, tokens: list[re.Match[str]], index: int
    ) -> tuple[int, tuple[str, Entry, str]] | None:
        key = ""
        best: tuple[int, tuple[str, Entry, str]] | None = None
        stop = min(len(tokens), index + self._window)
        for last in range(index, stop):
            if last > index:
                key += _gap(folded, tokens[last - 1], tokens[last])
            key += tokens[last].group(0)
            found = self._lookup(key) or self._without_prefix(key, tokens[index].group(0))
            if found is not None:
                best = (last, found)
        return best

    def _without_prefix(self, key: str, first: str) -> tuple[str, Entry, str] | None:
        """The person ``key`` names once a prefix joined to its ``first`` word is removed."""
        for prefix in _glued_prefixes():
            if first.startswith(prefix) and len(first) > len(prefix) and len(key) > len(prefix) + 2:
                found = self._lookup(key[len(prefix) :])
                if found is not None and found[1].type == "person":
                    return found
        return None


def _gap(folded: str, before: re.Match[str], after: re.Match[str]) -> str:
    """What stands between two words, spaces left out: a form matches whatever the
    joint, but its punctuation («حمل و نقل، ارتباطات») must be there."""
    return "".join(folded[before.end() : after.start()].split())


def _skeleton(words: Iterable[str]) -> str:
    return "".join(latin_skeleton(w) for w in words)


class SkeletonMatcher:
    """People's names in English text by their consonant skeleton."""

    def __init__(self, forms: Iterable[tuple[str, Entry, str]]) -> None:
        owners: dict[str, tuple[str, Entry, str] | None] = {}
        for form, entry, kind in forms:
            if entry.type != "person":
                continue
            words = re.findall(r"[^\W\d_][\w'’]*", form.replace("-", " "))
            if not words or not all(w[:1].isupper() or w.islower() for w in words):
                continue
            key = _skeleton(words) + _ends(words[-1])
            if len(key) < MIN_SKELETON + 2:
                continue
            previous = owners.get(key, ...)
            if previous is ... or (previous is not None and previous[1].id == entry.id):
                owners.setdefault(key, (form, entry, kind))
            else:
                owners[key] = None  # two people share it: it names neither
        self._owners = {key: found for key, found in owners.items() if found is not None}

    def find(self, text: str) -> list[Hit]:
        """Names whose skeleton is a person form's, left to right, longest first."""
        if not self._owners or not text:
            return []
        hits: list[Hit] = []
        for run in _capitalized_run().finditer(text):
            words = list(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)*", run.group(0)))
            index = 0
            while index < len(words):
                best = None
                for last in range(index, min(len(words), index + _MAX_NAME_WORDS)):
                    key = _skeleton(w.group(0) for w in words[index : last + 1])
                    key += _ends(words[last].group(0))
                    if key in self._owners and not _repeats(words[index : last + 1]):
                        best = (last, self._owners[key])
                if best is None:
                    index += 1
                    continue
                last, (form, entry, _) = best
                start = run.start() + words[index].start()
                end = run.start() + words[last].end()
                if text[end - 2 : end] in ("'s", "’s"):
                    end -= 2
                hits.append(Hit(start, end, entry, form, "variant", text[start:end]))
                index = last + 1
        return hits


def _repeats(words: list[re.Match[str]]) -> bool:
    """A word written twice ("Vaishnaw Vaishnaw"): no spelling of a person's name, even
    when its skeleton is one ("Ashwini Vaishnaw" gives the same consonants twice)."""
    folded = [w.group(0).casefold() for w in words]
    return len(set(folded)) < len(folded)


def _ends(word: str) -> str:
    """The first and last letters of a surname: a spelling variant keeps them ("Zarepur"
    for "Zarepour"), a longer word rarely does ("Araghchié")."""
    letters = [c for c in unicodedata.normalize("NFC", word.casefold()) if c.isalpha()]
    return f"|{''.join(letters[:1])}{''.join(letters[-1:])}"


def merge_hits(exact: list[Hit], loose: list[Hit]) -> list[Hit]:
    """``exact`` hits, with a ``loose`` hit in place of the exact hits it strictly covers
    ("Esa Zarepour" rather than "Zarepour" alone); a loose hit that only partly overlaps an
    exact one is dropped."""
    chosen = list(exact)
    for hit in loose:
        inside = [h for h in chosen if hit.start <= h.start and h.end <= hit.end]
        crossing = [
            h for h in chosen if h.start < hit.end and hit.start < h.end and h not in inside
        ]
        if crossing or any((h.start, h.end) == (hit.start, hit.end) for h in inside):
            continue
        if any(h.entry.id != hit.entry.id for h in inside):
            continue
        chosen = [h for h in chosen if h not in inside] + [hit]
    return sorted(chosen, key=lambda h: h.start)
