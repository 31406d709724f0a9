"""Window stage: keep the articles dated inside the brief's window.

An undated article goes in (in its section's "Undated" part) unless ``--skip-undated``
leaves it out, or — in a brief with a window — its own text contradicts the window:

* its dateline gives a day and month without a year that falls in no year near the
  window (more than ``window_slack_days`` outside it): a report of another month;
* the latest full date (day, month, year) its datelines and lead paragraph name is more
  than ``undated_contradiction_days`` before the window starts: an old story. Dates later
  in the body do not count (background: "killed on January 3, 2020"), nor dates after
  the window (plans: "the network will open on 1 May 2027").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from briefgen.model import Article, Brief, Skipped
from briefgen.stages.dates import reading_range, yearless_dates
from briefgen.text.dates import find_dates

if TYPE_CHECKING:
    from briefgen.run import Run


def window_stage(brief: Brief, run: Run) -> None:
    """Keep articles dated in the window; undated ones unless skipped or contradicted."""
    kept = []
    for article in brief.articles:
        if article.date is None:
            if run.settings.skip_undated:
                brief.excluded.append(Skipped(article.source_path, "undated (--skip-undated)"))
            elif reason := undated_contradiction(article, run):
                brief.excluded.append(Skipped(article.source_path, f"undated, but {reason}"))
            else:
                kept.append(article)
        elif run.window.contains(article.date):
            kept.append(article)
        else:
            reason = f"dated {article.date}, outside the window"
            brief.excluded.append(Skipped(article.source_path, reason))
    brief.articles = kept


def undated_contradiction(article: Article, run: Run) -> str | None:
    """Why an undated article cannot be from the brief's window, or ``None`` when nothing
    in its text says so (or the brief has no window)."""
    window, tuning = run.window, run.tuning.dates
    if window.is_open:
        return None
    span = reading_range(window, run.today, tuning.window_slack_days)
    if span is not None:
        for stamp in yearless_dates(article):
            if not stamp.readings(*span):
                return f"its dateline '{stamp.text}' falls outside the window"
    if window.start is not None:
        texts = [*article.meta_lines, *article.paragraphs[:1]]
        dates = [found.date for text in texts for found in find_dates(text)]
        limit = window.start - dt.timedelta(days=tuning.undated_contradiction_days)
        if dates and max(dates) < limit:
            return f"the latest date its text names ({max(dates)}) is long before the window"
    return None
