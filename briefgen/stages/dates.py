"""Date stage: the publication date, only from where a page states it.

Candidates, best first: the date a reader found in the page's metadata (HTML); a line
labelled as the publication date ("Publish Date: 2025/01/29"); a dateline the clean
stage set apart (a date/time/news-code line, a date opening the lead, "TEHRAN, Mar. 3
(MNA)"); a date the lead ties to the day of publication («امروز، شنبه ۲۴ آبان ۱۴۰۴»,
"today, March 3"). Not candidates: a date after an "Updated" label, a line giving one day
in three calendars (a site's clock), any other date of the body's prose (it is about some
event), and lines the clean stage removed (sidebars, image captions).

A stamp with a day and month but no year («دوشنبه، ۸ مهر», "Mar. 3") is completed from
the brief's window when exactly one reading falls in the window or within
``window_slack_days`` of it, with the weekday the text names; without a window it stays
undated. An article with no stated date stays undated rather than get a wrong one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING

from briefgen.model import Article, Window
from briefgen.text import boilerplate as bp
from briefgen.text import calendars as cal
from briefgen.text.dates import DayMonth, FoundDate, find_dates, find_day_months

if TYPE_CHECKING:
    from briefgen.run import Run

#: A date tied to "today" is looked for in this many paragraphs from the top.
TODAY_PARAGRAPHS = 3
#: How far after the "today" word its date may start (weekday and commas in between).
_TODAY_REACH = 28


def publication_date(
    article: Article, today: dt.date, future_slack_days: int = 2
) -> FoundDate | None:
    """The article's publication date with a year, with the text it came from, or ``None``.

    A date more than ``future_slack_days`` after ``today`` is a typo, not a date.
    """
    limit = today + dt.timedelta(days=future_slack_days)
    for text in _stamps(article):
        for found in _published(text):
            if found.date <= limit:
                return found
    for found in _today_dates(article):
        if found.date <= limit:
            return found
    return None


def _stamps(article: Article) -> list[str]:
    """The texts that state the publication date, best first."""
    candidates: list[tuple[int, str]] = []
    if meta_date := article.source_meta.get("date"):
        candidates.append((0, meta_date))
    for line in article.meta_lines:
        calendars = {found.calendar for found in find_dates(line)}
        if len(calendars) >= 3:
            continue  # "28 Dhul Hijjah 1433 / 13 Nov 2012 / 23 Aban 1391": the site's clock
        rank = 1 if bp.is_publication_label(line) else 2
        candidates.append((rank + (len(calendars) > 1), line))
    return [text for _, text in sorted(candidates, key=lambda item: item[0])]


def _published(text: str) -> list[FoundDate]:
    """The dates of ``text`` that no "Updated" label introduces."""
    found, start = [], 0
    for item in find_dates(text):
        if not bp.is_update_label(text[start : item.start]):
            found.append(item)
        start = item.end
    return found


@functools.cache
def _today() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\u200c])(?:{cal.today_pattern()})(?![\w\u200c])", re.I)


def _today_spans(article: Article) -> list[str]:
    """The text right after each "today" word of the first paragraphs («امروز دوشنبه ۶
    شهریور ماه …»), where the date of publication may be written."""
    spans = []
    for paragraph in article.paragraphs[:TODAY_PARAGRAPHS]:
        for match in _today().finditer(paragraph):
            spans.append(paragraph[match.end() : match.end() + _TODAY_REACH + 24])
    return spans


def _today_dates(article: Article) -> list[FoundDate]:
    return [
        found
        for span in _today_spans(article)
        for found in find_dates(span)
        if found.start <= _TODAY_REACH and _only_weekday_before(span[: found.start])
    ]


def _only_weekday_before(text: str) -> bool:
    """Between "today" and its date: nothing but a weekday, spaces and punctuation."""
    return bp.is_date_label(re.sub(r"[\s,،()\-–]+", " ", text).strip())


def yearless_dates(article: Article) -> list[DayMonth]:
    """Days and months without a year that state the publication: in datelines and
    stamps at the top of the page (down to the lead's dateline), or tied to "today"
    in the lead. A yearless date further down is a sidebar's or another story's."""
    found = [item for line in _top_meta_lines(article) for item in find_day_months(line)]
    for span in _today_spans(article):
        found += [
            item
            for item in find_day_months(span)
            if item.start <= _TODAY_REACH and _only_weekday_before(span[: item.start])
        ]
    return found


def _top_meta_lines(article: Article) -> list[str]:
    """The meta lines that stand above the second paragraph in the page: the top of the
    page, a standfirst and the lead with its dateline."""
    raw = article.raw_text
    second = raw.find(article.paragraphs[1][:40]) if len(article.paragraphs) > 1 else -1
    end = second if second >= 0 else len(raw)
    return [line for line in article.meta_lines if 0 <= raw.find(line) <= end]


def reading_range(
    window: Window, today: dt.date, slack_days: int
) -> tuple[dt.date, dt.date] | None:
    """The days a yearless date may fall on: the window widened by ``slack_days``, up to
    ``today``; ``None`` without a window start (no year can be told)."""
    if window.start is None:
        return None
    slack = dt.timedelta(days=slack_days)
    end = window.end or today
    return window.start - slack, end + slack


def complete_yearless(
    stamps: list[DayMonth], window: Window, today: dt.date, slack_days: int
) -> tuple[dt.date, DayMonth] | None:
    """The one day all ``stamps`` can be in or next to ``window``, or ``None`` when there
    are none, one has no reading or two, or they disagree."""
    span = reading_range(window, today, slack_days)
    if span is None or not stamps:
        return None
    days = set()
    for stamp in stamps:
        readings = stamp.readings(*span)
        if len(readings) != 1:
            return None
        days.add(readings[0])
    return (days.pop(), stamps[0]) if len(days) == 1 else None


def date_stage(article: Article, run: Run) -> None:
    """Find the publication date where the page states it (never from the prose)."""
    tuning = run.tuning.dates
    found = publication_date(article, run.today, tuning.future_slack_days)
    if found is not None:
        article.date, article.jalali_date, article.date_evidence = (
            found.date,
            found.jalali,
            found.text,
        )
        return
    completed = complete_yearless(
        yearless_dates(article), run.window, run.today, tuning.window_slack_days
    )
    if completed is not None:
        day, stamp = completed
        article.date, article.jalali_date = day, stamp.jalali(day)
        article.date_evidence = f"{stamp.text} (year from the window)"
