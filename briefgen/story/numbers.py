"""What a text says about an event's moment and size, in any script: weekdays and counts.

A *count* is a number the text states, with what it counts when a unit word follows
("20 memoranda", «۲۰ سند», "$20 million"): digits in any script (Persian, Arabic-Indic,
Latin), thousands separators and decimals, and number words from three up ("twenty
documents", «بیست کشور») when a unit or a magnitude follows. Years, dates, times,
ordinals ("75th") and numbers glued to letters ("5G", "D-8") are not counts. The words
come from ``briefgen/lang/<code>/events.toml``; every language's file uses the same keys,
so counts and weekdays compare across languages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from briefgen import lang
from briefgen.text.persian import ZWNJ, fold_letters, has_arabic_script, normalize_digits

#: Numbers read as years when nothing is counted (Jalali and Gregorian).
_YEARS = (range(1300, 1500), range(1900, 2101))
#: Without a unit a number must be at least this large to say something (not "3 pm").
_BARE_MINIMUM = 10
_NUMBER = re.compile(r"(?<![\w/:.,٫٬-])(\d+(?:[.,٫٬]\d+)*)(?![\w/:]|[.,٫٬]\d)")
_TOKEN = re.compile(r"[^\W\d_]+|[%$٪]")
_CLAUSE_END = re.compile(r"[,.;:،؛()«»\"]")
_PERSIAN_ENDINGS = ("", "ها", "های", "هایی", "ی", "ای")


@dataclass(frozen=True)
class Count:
    """A number an article states, and what it counts (a unit key, or ``None``)."""

    value: float
    unit: str | None

    @property
    def label(self) -> str:
        """``20 memorandum`` or ``1500``."""
        number = f"{self.value:,.0f}" if self.value.is_integer() else f"{self.value:g}"
        return f"{number} {self.unit}" if self.unit else number


def fold(text: str) -> str:
    """Text the event words are compared in: digits ASCII, Persian letters folded, ZWNJ
    dropped, lower case."""
    if not has_arabic_script(text):
        return text.casefold()
    return fold_letters(normalize_digits(text)).replace(ZWNJ, "").casefold()


@functools.cache
def _words(kind: str) -> dict[str, tuple[str, ...]]:
    """key → folded forms, over every language."""
    return {
        key: tuple(dict.fromkeys(fold(form) for form in forms))
        for key, forms in lang.table("events", kind).items()
    }


@functools.cache
def _lookup(kind: str) -> dict[str, str]:
    """folded form → key (first language listing it wins)."""
    found: dict[str, str] = {}
    for key, forms in _words(kind).items():
        for form in forms:
            found.setdefault(form, key)
    return found


@functools.cache
def _months() -> frozenset[str]:
    return frozenset(fold(m) for m in lang.words("events", "months"))


def weekdays(texts: Iterable[str]) -> frozenset[str]:
    """The weekdays the texts name (``thursday``), in any of the languages."""
    table = _lookup("weekdays")
    text = _spaced_weekday().sub(r"\1\2", fold(" . ".join(texts)))
    return frozenset(table[t] for t in set(_TOKEN.findall(text)) if t in table)


@functools.cache
def _spaced_weekday() -> re.Pattern[str]:
    """A weekday that ends with another («سهشنبه», «شنبه») written with a space
    («سه شنبه»): the pattern of its two parts, to join them."""
    forms = set(_lookup("weekdays"))
    pairs = [(f[: -len(g)], g) for f in forms for g in forms if f != g and f.endswith(g)]
    if not pairs:
        return re.compile(r"(?!)()()")
    firsts = "|".join(sorted({re.escape(a) for a, _ in pairs}, key=len, reverse=True))
    lasts = "|".join(sorted({re.escape(b) for _, b in pairs}, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({firsts})\s+({lasts})(?!\w)")


def counts(texts: Iterable[str]) -> list[Count]:
    """The counts the texts state, each (value, unit) once, in order."""
    found: dict[Count, None] = {}
    for count in _counts_in(fold(" . ".join(texts))):
        found.setdefault(count, None)
    return list(found)


def _counts_in(text: str) -> Iterable[Count]:
    for match in _NUMBER.finditer(text):
        value = _value(match.group(1))
        if value is None:
            continue
        before = _TOKEN.findall(text[max(0, match.start() - 24) : match.start()])
        after = _TOKEN.findall(_CLAUSE_END.split(text[match.end() : match.end() + 60])[0])
        if (before and before[-1] in _months()) or (after and after[0] in _months()):
            continue  # "November 9", «۲۴ آبان»: a date
        count = _qualified(value, after, dollar=bool(before) and before[-1] == "$")
        if count is not None:
            yield count
    words = _lookup("number_words")
    for clause in _CLAUSE_END.split(text):
        tokens = _TOKEN.findall(clause)
        for index, token in enumerate(tokens):
            if token in words:
                after = tokens[index + 1 : index + 4]
                count = _qualified(float(words[token]), after, dollar=False)
                if count is not None and (count.unit or count.value >= 1000):
                    yield count


def _value(digits: str) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:[,٬]\d{3})+", digits):
        return float(re.sub(r"[,٬]", "", digits))
    if re.fullmatch(r"\d+(?:[.٫]\d+)?", digits):
        return float(digits.replace("٫", "."))
    return None  # 1.2.3: a version or a list, not a number


def _qualified(value: float, after: list[str], *, dollar: bool) -> Count | None:
    """The count of ``value`` given the words after it (magnitude, then unit)."""
    magnitudes = _lookup("magnitudes")
    rest = list(after)
    if rest and rest[0] in magnitudes:
        value *= float(magnitudes[rest.pop(0)])
    unit = "dollar" if dollar else _unit(rest[:3])
    if unit is None:
        is_year = value.is_integer() and any(int(value) in years for years in _YEARS)
        if is_year or value < _BARE_MINIMUM:
            return None
    return Count(value, unit)


def _unit(words: list[str]) -> str | None:
    """The unit among the (up to two) words after a number: «تفاهم نامه» may be two."""
    units = _lookup("units")
    candidates = [*words[:1], "".join(words[:2]), *words[1:2]]
    for word in candidates:
        for ending in _PERSIAN_ENDINGS:
            if ending and not word.endswith(ending):
                continue
            stem = word[: len(word) - len(ending)] if ending else word
            if stem in units:
                return units[stem]
    return None
