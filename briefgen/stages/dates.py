"""Date stage: the publication date, only from where a page states it.

Candidates, best first: the date a reader found in the page's metadata (HTML); a line
labelled as the publication date ("Publish Date: 2025/01/29"); a dateline the clean
stage set apart (a date/time/news-code line, a date opening the lead). A date inside
the body's prose is about some event, not the article: it is never used, and an
article with no stated date stays undated rather than get a wrong one.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from briefgen.model import Article
from briefgen.text import boilerplate as bp
from briefgen.text.dates import FoundDate, find_dates

if TYPE_CHECKING:
    from briefgen.run import Run


def publication_date(
    article: Article, today: dt.date, future_slack_days: int = 2
) -> FoundDate | None:
    """The article's publication date, with the text it came from, or ``None``.

    A date more than ``future_slack_days`` after ``today`` is a typo, not a date.
    """
    limit = today + dt.timedelta(days=future_slack_days)
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


def date_stage(article: Article, run: Run) -> None:
    """Find the publication date where the page states it (never from the prose)."""
    found = publication_date(article, run.today, run.tuning.dates.future_slack_days)
    if found is None:
        return
    article.date = found.date
    article.jalali_date = found.jalali
    article.date_evidence = found.text
