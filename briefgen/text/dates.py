"""Dates written in news text: Gregorian, Jalali (Solar Hijri) and Hijri, in digits or words.

:func:`find_dates` returns every well-formed date with a year, with the span it covers,
so callers can decide whether the text is *about* a date (a dateline, a "Publish Date:"
line) or merely mentions one. :func:`find_day_months` returns dates written without a
year ("Mar. 3", «دوشنبه، ۸ مهر», «سه‌شنبه دهم اسفندماه»), which only a window can
complete (:meth:`DayMonth.readings`). Impossible dates (1402/13/40, 31 February) are not
dates at all. Calendars and names: :mod:`briefgen.text.calendars`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from briefgen.text import calendars as cal
from briefgen.text.persian import normalize_digits, normalize_letters

#: Years accepted as Gregorian and as Jalali; anything else is a number, not a year.
GREGORIAN_YEARS = cal.YEARS[cal.GREGORIAN]
JALALI_YEARS = cal.YEARS[cal.JALALI]


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: the Gregorian day, the Jalali form when written so, the span."""

    date: dt.date
    jalali: str | None  # "1402/08/04" when the text gave a Jalali date
    start: int
    end: int
    text: str
    calendar: str = cal.GREGORIAN


@dataclass(frozen=True)
class DayMonth:
    """A day and month written without a year, with the weekday the text names, if any."""

    calendar: str
    month: int
    day: int
    weekday: int | None  # Monday = 0
    start: int
    end: int
    text: str

    def readings(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """Every day from ``first`` to ``last`` this date can be (its weekday checked)."""
        found = []
        for year in range(
            cal.year_of(self.calendar, first) - 1, cal.year_of(self.calendar, last) + 2
        ):
            day = cal.to_gregorian(self.calendar, year, self.month, self.day)
            if day and first <= day <= last and self.weekday in (None, day.weekday()):
                found.append(day)
        return found

    def jalali(self, day: dt.date) -> str | None:
        """The Jalali form of ``day`` when this date was written in the Jalali calendar."""
        if self.calendar != cal.JALALI:
            return None
        year = cal.year_of(cal.JALALI, day)
        return f"{year:04d}/{self.month:02d}/{self.day:02d}"


_SEP = r"[-/.]"
_NUMERIC_YMD = re.compile(rf"(?<![\d/.-])(\d{{4}})({_SEP})(\d{{1,2}})\2(\d{{1,2}})(?![\d/-])")
_NUMERIC_DMY = re.compile(rf"(?<![\d/.-])(\d{{1,2}})({_SEP})(\d{{1,2}})\2(\d{{4}})(?![\d/-])")
_HIJRI_MARK = re.compile(r"^\s*(?:هـ|ه‍|ه\.?ق|AH\b)")
_LATIN_MONTH = re.compile(r"[A-Za-z]")


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    month = rf"(?P<month>{cal.month_pattern()})"
    also = rf"(?:\s*/\s*(?:{cal.month_pattern()}))?"  # «حزيران/ يونيو»
    suffix = cal.month_suffix_pattern()
    day = rf"(?P<day>\d{{1,2}}(?:st|nd|rd|th)?|{cal.day_word_pattern()})"
    year = r"(?P<year>\d{4})(?!\d)"
    edge = r"(?<![\w\u200c])"
    after = r"(?![\w\u200c])"
    return {
        # "May 15, 2024", "Jan. 3, 2018", «مهر 02, 1399», "December, 03, 2024"
        "month_day_year": re.compile(
            rf"{edge}{month}\.?{after},?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}", re.I
        ),
        # "15 May 2024", "15th of May, 2024", «۴ آبان ۱۴۰۲», «۱۲ بهمن ماه ۱۴۰۲», «دهم اسفند ۱۴۰۲»
        "day_month_year": re.compile(
            rf"{edge}{day}\s+(?:of\s+)?{month}{also}{suffix}\.?{after},?\s+{year}", re.I
        ),
        # "Mar. 3", "March 3rd" (capitalized, no year after)
        "month_day": re.compile(
            rf"{edge}{month}\.?{after}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:,.]*\d)"
        ),
        # "3 March", «۸ مهر», «دهم اسفندماه» (no year after)
        "day_month": re.compile(
            rf"{edge}{day}\s+(?:of\s+)?{month}{also}{suffix}{after}(?!\.?,?\s*\d{{4}})"
        ),
        "weekday_before": re.compile(
            rf"(?:^|(?<=[^\w\u200c]))(?P<weekday>{cal.weekday_pattern()})[\s,،()\-–]*$", re.I
        ),
    }


def _day_value(text: str) -> int | None:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group(0))
    return cal.day_words().get(cal.form_key(text))


def _calendar_of(name: str, year: int | None) -> tuple[str, int] | None:
    """The calendar and month number of a month name (with a year, the one it fits)."""
    options = cal.month_number(name)
    if not options:
        return None
    if year is not None:
        fitting = [(c, n) for c, n in options.items() if year in cal.YEARS[c]]
        if not fitting:
            return None
        if len(fitting) > 1 and cal.GREGORIAN in options and _LATIN_MONTH.match(name):
            return cal.GREGORIAN, options[cal.GREGORIAN]
        return fitting[0]
    return next(iter(options.items()))


def _found(calendar: str, year: int, month: int, day: int, start: int, end: int, text: str):
    day_g = cal.to_gregorian(calendar, year, month, day)
    if day_g is None:
        return None
    jalali = f"{year:04d}/{month:02d}/{day:02d}" if calendar == cal.JALALI else None
    return FoundDate(day_g, jalali, start, end, text, calendar)


def _normalized(text: str) -> str:
    return normalize_letters(normalize_digits(text))


def find_dates(text: str) -> list[FoundDate]:
    """Every well-formed date with a year in ``text``, in order of position.

    Understands 2024-05-15, 2025/01/29, 1402/08/04 (Jalali, Latin or Persian digits),
    15/05/2024 when the day is unambiguous, 03.12.2024 (dots: day first), "May 15, 2024",
    "15 May 2024", Jalali dates in words ("۴ آبان ۱۴۰۲", «۱۲ بهمن ماه ۱۴۰۲», "4 Aban 1402",
    «مهر 02, 1399»), Arabic month names ("18 حزيران 2017", «١٠ يونيو ٢٠١٧») and Hijri dates
    ("28 Dhul Hijjah 1433", «١٥ رمضان ١٤٤٥ هـ»). Positions refer to ``text`` after digit and
    letter normalization, which keeps lengths.
    """
    text = _normalized(text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(item: FoundDate | None) -> None:
        if item and not any(s < item.end and item.start < e for s, e in taken):
            found.append(item)
            taken.append((item.start, item.end))

    for match in _NUMERIC_YMD.finditer(text):
        year, month, day = int(match[1]), int(match[3]), int(match[4])
        if _HIJRI_MARK.match(text, match.end()):
            add(_found(cal.HIJRI, year, month, day, match.start(), match.end(), match[0]))
        elif year in JALALI_YEARS:
            add(_found(cal.JALALI, year, month, day, match.start(), match.end(), match[0]))
        else:
            add(_found(cal.GREGORIAN, year, month, day, match.start(), match.end(), match[0]))
    for match in _NUMERIC_DMY.finditer(text):
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        dotted = match[2] == "." and len(match[1]) == len(match[3]) == 2  # 03.12.2024
        if first > 12 >= second or (dotted and second <= 12):
            day, month = first, second  # dotted stamps are day.month.year (never M.D.Y)
        elif second > 12 >= first:
            day, month = second, first
        else:
            continue  # 05/06/2024: day and month cannot be told apart
        calendar = cal.JALALI if year in JALALI_YEARS else cal.GREGORIAN
        add(_found(calendar, year, month, day, match.start(), match.end(), match[0]))

    patterns = _patterns()
    for name in ("month_day_year", "day_month_year"):
        for match in patterns[name].finditer(text):
            year = int(match["year"])
            which = _calendar_of(match["month"], year)
            day_number = _day_value(match["day"])
            if which and day_number:
                span = match.start(), match.end()
                add(_found(which[0], year, which[1], day_number, *span, match[0]))
    found.sort(key=lambda item: item.start)
    return found


def find_day_months(text: str) -> list[DayMonth]:
    """Dates written with a day and a month but no year, in order of position, with the
    weekday written just before them («دوشنبه، ۸ مهر», "Monday, March 3").

    English month names count only capitalized ("Mar. 3", not "may 3"). Spans are
    positions in ``text`` (see :func:`find_dates`); a date with a year is not returned.
    """
    normalized = _normalized(text)
    taken = [(d.start, d.end) for d in find_dates(text)]
    patterns = _patterns()
    found: list[DayMonth] = []
    for name in ("month_day", "day_month"):
        for match in patterns[name].finditer(normalized):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            month_name = match["month"]
            if _LATIN_MONTH.match(month_name) and not month_name[:1].isupper():
                continue
            which = _calendar_of(month_name, None)
            day = _day_value(match["day"])
            if not which or not day or day > 31:
                continue
            start, weekday = match.start(), None
            before = patterns["weekday_before"].search(normalized[max(0, start - 24) : start])
            if before:
                weekday = cal.weekdays().get(cal.form_key(before["weekday"]))
                start = max(0, start - 24) + before.start()
            found.append(DayMonth(which[0], which[1], day, weekday, start, match.end(), match[0]))
            taken.append((match.start(), match.end()))
    found.sort(key=lambda item: item.start)
    return found


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Jalali date, or ``None`` when it cannot exist."""
    return cal.to_gregorian(cal.JALALI, year, month, day)


_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?!\d)", re.IGNORECASE)


def date_coverage(text: str) -> float:
    """The share of ``text``'s non-space characters that are dates, clock times or the
    weekdays of yearless dates."""
    normalized = _normalized(text)
    spans = [(d.start, d.end) for d in find_dates(normalized)]
    spans += [(d.start, d.end) for d in find_day_months(normalized)]
    spans += [(m.start(), m.end()) for m in _TIME.finditer(normalized)]
    covered = sum(len(normalized[s:e].replace(" ", "")) for s, e in spans)
    total = len(normalized.replace(" ", ""))
    return min(1.0, covered / total) if total else 0.0


def has_clock_time(text: str) -> bool:
    """True when ``text`` holds a clock time ("06:45", "8:41 AM")."""
    return bool(_TIME.search(_normalized(text)))


def is_page_clock(text: str) -> bool:
    """A line giving one day in two or more calendars ("28 Dhul Hijjah 1433 / Tuesday 13
    Nov 2012 / 23 Aban 1391"): a site's clock, not an article's date."""
    return len({d.calendar for d in find_dates(text)}) >= 2
