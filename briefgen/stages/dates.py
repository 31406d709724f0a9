"""Publication date of an article (first cut; being deepened)."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.model import Article

_ISO = re.compile(r"\b(\d{4})[-/](\d{2})[-/](\d{2})\b")


def date_stage(article: Article) -> None:
    """Set ``date``, ``jalali_date`` and ``date_evidence`` when a publication date is found."""
    for line in [*article.meta_lines, article.headline, *article.paragraphs[:1]]:
        match = _ISO.search(line)
        if match and int(match.group(1)) > 1900:
            article.date = dt.date(*map(int, match.groups()))
            article.date_evidence = match.group(0)
            return
