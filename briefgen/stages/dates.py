"""Date stage: the publication date, only from where a page states it.

Candidates, best first: the date a reader found in the page's metadata (HTML); a line
labelled as the publication date ("Publish Date: 2025/01/29"); a dateline the clean
stage set apart (a date/time/news-code line, a date opening the lead). A date inside
the body's prose is about some event, not the article: it is never used, and an
article with no stated date stays undated rather than get a wrong one.
"""

from __future__ import annotations

import datetime as dt

from briefgen.model import Article
from briefgen.text import boilerplate as bp
from briefgen.text.dates import FoundDate, find_dates

#: Dates further in the future than this (against the run's day) are typos, not dates.
FUTURE_SLACK = dt.timedelta(days=2)


def publication_date(article: Article, today: dt.date | None = None) -> FoundDate | None:
    """The article's publication date, with the text it came from, or ``None``."""
    limit = (today or dt.date.today()) + FUTURE_SLACK
    candidates: list[tuple[int, str]] = []
    if meta_date := article.source_meta.get("date"):
        candidates.append((0, meta_date))
    for line in article.meta_lines:
        candidates.append((1 if bp.is_publication_label(line) else 2, line))
    for _, text in sorted(candidates, key=lambda item: item[0]):
        for found in find_dates(text):
            if found.date <= limit:
                return found
    return None


def date_stage(article: Article) -> None:
    """Set ``date``, ``jalali_date`` and ``date_evidence`` when a publication date is found."""
    found = publication_date(article)
    if found is None:
        return
    article.date = found.date
    article.jalali_date = found.jalali
    article.date_evidence = found.text
