"""Dates written in news text: Gregorian and Jalali (Solar Hijri), in digits or words.

:func:`find_dates` returns every well-formed date in a piece of text with the span it
covers, so callers can decide whether the text is *about* a date (a dateline, a
"Publish Date:" line) or merely mentions one. Jalali dates go through jdatetime;
impossible dates (1402/13/40, 31 February) are not dates at all.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from briefgen.text.persian import normalize_digits, normalize_letters, normalize_persian

#: Years accepted as Gregorian and as Jalali; anything else is a number, not a year.
GREGORIAN_YEARS = range(1950, 2101)
JALALI_YEARS = range(1330, 1480)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: the Gregorian day, the Jalali form when written so, the span."""

    date: dt.date
    jalali: str | None  # "1402/08/04" when the text gave a Jalali date
    start: int
    end: int
    text: str


_SEP = r"[-/.]"
_NUMERIC_YMD = re.compile(rf"(?<![\d/.-])(\d{{4}})({_SEP})(\d{{1,2}})\2(\d{{1,2}})(?![\d/-])")
_NUMERIC_DMY = re.compile(rf"(?<![\d/.-])(\d{{1,2}})({_SEP})(\d{{1,2}})\2(\d{{4}})(?![\d/-])")


@functools.lru_cache(maxsize=1)
def _month_names() -> tuple[dict[str, int], dict[str, int]]:
    """(Gregorian English month names → number, Jalali month names → number)."""
    import jdatetime

    gregorian: dict[str, int] = {}
    for number in range(1, 13):
        full = calendar.month_name[number].lower()
        gregorian[full] = number
        gregorian[calendar.month_abbr[number].lower()] = number
    gregorian["sept"] = 9
    jalali: dict[str, int] = {}
    for number, name in enumerate(jdatetime.date.j_months_fa, 1):
        jalali[normalize_persian(name)] = number
    for number, name in enumerate(jdatetime.date.j_months_en, 1):
        jalali[name.lower()] = number
    return gregorian, jalali


@functools.lru_cache(maxsize=1)
def _word_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    gregorian, jalali = _month_names()
    g_names = "|".join(sorted(map(re.escape, gregorian), key=len, reverse=True))
    j_names = "|".join(sorted(map(re.escape, jalali), key=len, reverse=True))
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    # "May 15, 2024", "May 15 2024", "Jan. 3, 2018"
    month_day_year = re.compile(rf"\b({g_names})\.?\s+{day},?\s+(\d{{4}})\b", re.IGNORECASE)
    # "15 May 2024", "15th of May, 2024"; also Jalali in words: "4 Aban 1402", "۴ آبان ۱۴۰۲"
    day_month_year = re.compile(
        rf"(?<!\d){day}\s+(?:of\s+)?({g_names}|{j_names})\.?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
    )
    # "آبان ۱۴۰۲" alone has no day: not a date.
    return month_day_year, day_month_year, re.compile(j_names)


def _gregorian(year: int, month: int, day: int) -> dt.date | None:
    if year not in GREGORIAN_YEARS:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Jalali date, or ``None`` when it cannot exist."""
    import jdatetime

    if year not in JALALI_YEARS:
        return None
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None


def _numeric(year: int, month: int, day: int, start: int, end: int, text: str) -> FoundDate | None:
    if year in JALALI_YEARS:
        day_g = jalali_to_gregorian(year, month, day)
        if day_g:
            return FoundDate(day_g, f"{year:04d}/{month:02d}/{day:02d}", start, end, text)
        return None
    day_g = _gregorian(year, month, day)
    return FoundDate(day_g, None, start, end, text) if day_g else None


def find_dates(text: str) -> list[FoundDate]:
    """Every well-formed date in ``text``, in order of position.

    Understands 2024-05-15, 2025/01/29, 1402/08/04 (Jalali, Latin or Persian digits),
    15/05/2024 when the day is unambiguous, "May 15, 2024", "15 May 2024", and Jalali
    dates in words ("۴ آبان ۱۴۰۲", "4 Aban 1402"). Positions refer to ``text`` after
    digit and letter normalization, which keeps lengths.
    """
    text = normalize_letters(normalize_digits(text))
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(item: FoundDate | None) -> None:
        if item and not any(s < item.end and item.start < e for s, e in taken):
            found.append(item)
            taken.append((item.start, item.end))

    for match in _NUMERIC_YMD.finditer(text):
        year, month, day = int(match[1]), int(match[3]), int(match[4])
        add(_numeric(year, month, day, match.start(), match.end(), match[0]))
    for match in _NUMERIC_DMY.finditer(text):
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first
        else:
            continue  # 05/06/2024: day and month cannot be told apart
        add(_numeric(year, month, day, match.start(), match.end(), match[0]))

    month_day_year, day_month_year, _ = _word_patterns()
    gregorian, jalali = _month_names()
    for match in month_day_year.finditer(text):
        month = gregorian[match[1].lower()]
        day_g = _gregorian(int(match[3]), month, int(match[2]))
        if day_g:
            add(FoundDate(day_g, None, match.start(), match.end(), match[0]))
    for match in day_month_year.finditer(text):
        day, name, year = int(match[1]), match[2], int(match[3])
        key = normalize_persian(name) if not name.isascii() else name.lower()
        if key in jalali and (year in JALALI_YEARS or not name.isascii()):
            day_g = jalali_to_gregorian(year, jalali[key], day)
            if day_g:
                iso = f"{year:04d}/{jalali[key]:02d}/{day:02d}"
                add(FoundDate(day_g, iso, match.start(), match.end(), match[0]))
        elif name.lower() in gregorian:
            day_g = _gregorian(year, gregorian[name.lower()], day)
            if day_g:
                add(FoundDate(day_g, None, match.start(), match.end(), match[0]))
    found.sort(key=lambda item: item.start)
    return found


_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?!\d)", re.IGNORECASE)


def date_coverage(text: str) -> float:
    """The share of ``text``'s non-space characters that are dates or clock times."""
    normalized = normalize_letters(normalize_digits(text))
    spans = [(d.start, d.end) for d in find_dates(normalized)]
    spans += [(m.start(), m.end()) for m in _TIME.finditer(normalized)]
    covered = sum(len(normalized[s:e].replace(" ", "")) for s, e in spans)
    total = len(normalized.replace(" ", ""))
    return covered / total if total else 0.0
