"""The calendars news text writes dates in: names of months, weekdays and day words, and
conversion of a (year, month, day) in each calendar to the Gregorian day.

Three calendars: ``gregorian`` (English, Arabic Levantine and Egyptian, Persian month
names), ``jalali`` (Solar Hijri, through jdatetime) and ``hijri`` (lunar, Umm al-Qura,
through hijridate). The names come from Python's :mod:`calendar`, jdatetime, hijridate
and ``briefgen/lang/<code>/dates.toml``; every form is matched after letter and digit
normalization (:func:`briefgen.text.persian.normalize_letters`), which keeps lengths, so
positions found in normalized text are positions in the original.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable

from briefgen import lang
from briefgen.text.persian import normalize_letters

GREGORIAN, JALALI, HIJRI = "gregorian", "jalali", "hijri"

#: Years accepted in each calendar; anything else is a number, not a year.
YEARS = {
    GREGORIAN: range(1950, 2101),
    JALALI: range(1330, 1480),
    HIJRI: range(1343, 1501),  # hijridate's Umm al-Qura range
}
WEEKDAY_NUMBERS = {name: number for number, name in enumerate(_calendar.day_name)}
_SPACING = r"[\s\u200c]*"


def form_key(form: str) -> str:
    """How a name is compared: letters normalized, spacing and ZWNJ removed, case folded."""
    return re.sub(r"[\s\u200c]+", "", normalize_letters(form)).casefold()


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of ``forms``, longest first; a space matches any spacing or none."""
    items = sorted({normalize_letters(f) for f in forms}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", _SPACING) for f in items if f)


def _numbered(kind: str) -> dict[str, int]:
    """A ``"<number>" = [forms]`` table of every language's dates data → form key → number."""
    found: dict[str, int] = {}
    for number, forms in lang.table("dates", kind).items():
        for form in forms:
            found.setdefault(form_key(form), int(number))
    return found


@functools.cache
def month_names() -> dict[str, dict[str, int]]:
    """Calendar → {form key → month number}, from the libraries and the language data."""
    import jdatetime
    from hijridate import Hijri

    gregorian: dict[str, int] = {}
    for number in range(1, 13):
        gregorian[_calendar.month_name[number].casefold()] = number
        gregorian[_calendar.month_abbr[number].casefold()] = number
    gregorian["sept"] = 9
    jalali = {form_key(name): n for n, name in enumerate(jdatetime.date.j_months_fa, 1)}
    jalali |= {form_key(name): n for n, name in enumerate(jdatetime.date.j_months_en, 1)}
    hijri: dict[str, int] = {}
    for number in range(1, 13):
        month = Hijri(1445, number, 1)
        hijri[form_key(month.month_name("ar"))] = number
        hijri[form_key(month.month_name("en"))] = number
    tables = {GREGORIAN: gregorian, JALALI: jalali, HIJRI: hijri}
    for name, table in tables.items():
        for key, number in _numbered(f"{name}_months").items():
            table.setdefault(key, number)
    return tables


@functools.cache
def month_pattern() -> str:
    """A regex alternation of every month name of every calendar."""
    forms: set[str] = set()
    for table in month_names().values():
        forms.update(table)
    for kind in ("gregorian_months", "jalali_months", "hijri_months"):
        for items in lang.table("dates", kind).values():
            forms.update(items)
    forms.update(_calendar.month_name[1:])
    forms.update(_calendar.month_abbr[1:])
    import jdatetime

    forms.update(jdatetime.date.j_months_fa)
    forms.update([f.title() for f in forms if f.isascii()])  # "Sept", "Dhul Hijjah"
    return alternation(forms)


def month_number(name: str) -> dict[str, int]:
    """The calendars a month name belongs to, with its number in each."""
    key = form_key(name)
    return {cal: table[key] for cal, table in month_names().items() if key in table}


@functools.cache
def day_words() -> dict[str, int]:
    """Ordinal day words («دهم») → day number."""
    return _numbered("day_words")


@functools.cache
def day_word_pattern() -> str:
    forms = [f for items in lang.table("dates", "day_words").values() for f in items]
    return alternation(forms)


@functools.cache
def weekdays() -> dict[str, int]:
    """Weekday forms (every language) → Python weekday number (Monday = 0)."""
    found: dict[str, int] = {}
    for name, forms in lang.table("dates", "weekdays").items():
        number = WEEKDAY_NUMBERS[name.capitalize()]
        for form in (name, *forms):
            found.setdefault(form_key(form), number)
    return found


@functools.cache
def weekday_pattern() -> str:
    forms = [f for name, items in lang.table("dates", "weekdays").items() for f in (name, *items)]
    return alternation(forms)


@functools.cache
def month_suffix_pattern() -> str:
    """«ماه» after a Jalali month name, as an optional regex group."""
    suffixes = lang.words("dates", "month_suffixes")
    return f"(?:{_SPACING}(?:{alternation(suffixes)}))?" if suffixes else ""


@functools.cache
def today_pattern() -> str:
    return alternation(lang.words("dates", "today_words"))


def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a date in ``calendar``, or ``None`` when it cannot exist."""
    if year not in YEARS[calendar]:
        return None
    try:
        if calendar == JALALI:
            import jdatetime

            return jdatetime.date(year, month, day).togregorian()
        if calendar == HIJRI:
            from hijridate import Hijri

            gregorian = Hijri(year, month, day).to_gregorian()
            return dt.date(gregorian.year, gregorian.month, gregorian.day)
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def year_of(calendar: str, day: dt.date) -> int:
    """The year ``day`` falls in, in ``calendar``."""
    if calendar == JALALI:
        import jdatetime

        return int(jdatetime.date.fromgregorian(date=day).year)
    if calendar == HIJRI:
        from hijridate import Gregorian

        return int(Gregorian.fromdate(day).to_hijri().year)
    return day.year
